import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The market's pages draw bar charts (statistics) and a funnel drawn as bars (matchmaking).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

export { EChart, type EChartOption } from '../../components/EChart.tsx';
