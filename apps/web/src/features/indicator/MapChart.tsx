import { MapChart as EMapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Tree-shaken ECharts: the map of a region's children, coloured by a value.
echarts.use([EMapChart, VisualMapComponent, TooltipComponent, CanvasRenderer]);

export type MapOption = Parameters<echarts.ECharts['setOption']>[0];
type GeoJson = Parameters<typeof echarts.registerMap>[1];

/**
 * A region map: registers the uploaded GeoJSON under `mapName` (features named by their region's name)
 * and draws `option` (whose map series uses `mapName`). Resized with its container.
 */
export function RegionMapChart({
  mapName,
  geojson,
  option,
  style,
  testId,
}: {
  mapName: string;
  geojson: unknown;
  option: MapOption;
  style?: CSSProperties;
  testId?: string;
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
    echarts.registerMap(mapName, geojson as GeoJson);
    chart.current?.setOption(option, { notMerge: true });
  }, [mapName, geojson, option]);
  return <div ref={host} style={{ width: '100%', height: 480, ...style }} data-testid={testId} />;
}
