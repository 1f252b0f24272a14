import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The dashboard draws bars, lines and pies.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent]);

export { EChart, type EChartOption } from '../../components/EChart.tsx';
