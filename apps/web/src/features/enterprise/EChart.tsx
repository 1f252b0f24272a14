import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The enterprise pages draw bar charts.
echarts.use([BarChart, GridComponent, TooltipComponent]);

export { EChart, type EChartOption } from '../../components/EChart.tsx';
