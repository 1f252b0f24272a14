import { MapChart as EMapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { type CSSProperties, useCallback } from 'react';
import { EChart, type EChartOption } from '../../components/EChart.tsx';

// Tree-shaken ECharts: the map of a region's children, coloured by a value.
echarts.use([EMapChart, VisualMapComponent, TooltipComponent]);

export type MapOption = EChartOption;
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
  const prepare = useCallback(() => echarts.registerMap(mapName, geojson as GeoJson), [mapName, geojson]);
  return <EChart option={option} prepare={prepare} style={{ width: '100%', height: 480, ...style }} {...(testId ? { testId } : {})} />;
}
