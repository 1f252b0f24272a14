import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Tree-shaken ECharts: this host registers only the renderer; each feature registers the charts and
// components it draws (echarts.use in its own chart module) before rendering one.
echarts.use([CanvasRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

/**
 * A minimal ECharts host on echarts/core, resized with its container. echarts-for-react's ESM build
 * imports tslib, which is not installed at the top level here, so it cannot be bundled.
 * `prepare` runs before every setOption (e.g. to register the map a series names).
 */
export function EChart({
  option,
  style,
  testId,
  prepare,
}: {
  option: EChartOption;
  style?: CSSProperties;
  testId?: string;
  prepare?: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    prepare?.();
    chart.current?.setOption(option, { notMerge: true });
  }, [option, prepare]);
  return <div ref={host} style={style} data-testid={testId} />;
}
