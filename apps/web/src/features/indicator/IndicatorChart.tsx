import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { CSSProperties } from 'react';
import { EChart, type EChartOption } from '../../components/EChart.tsx';

// Tree-shaken ECharts: only the charts this module draws.
echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent]);

export type ChartOption = EChartOption;

/** A chart of the indicator pages (bar, line and radar), full width, 320 px high unless styled. */
export function IndicatorChart({ option, style, testId }: { option: ChartOption; style?: CSSProperties; testId?: string }) {
  return <EChart option={option} style={{ width: '100%', height: 320, ...style }} {...(testId ? { testId } : {})} />;
}

/** A tiny inline trend line (SVG, no chart library) for table rows. */
export function Sparkline({ values, width = 120, height = 28 }: { values: Array<number | null>; width?: number; height?: number }) {
  const points = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (points.length < 2) return null;
  const min = Math.min(...points.map((p) => p.v));
  const max = Math.max(...points.map((p) => p.v));
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const xy = points.map((p) => [2 + p.i * step, height - 3 - ((p.v - min) / span) * (height - 6)] as const);
  const last = xy[xy.length - 1] as readonly [number, number];
  return (
    <svg width={width} height={height} role="img" aria-hidden style={{ display: 'block' }}>
      <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="#1677ff" strokeWidth={1.5} />
      <circle cx={last[0]} cy={last[1]} r={2.5} fill="#1677ff" />
    </svg>
  );
}
