import * as echarts from 'echarts/core';
import {
  BarChart,
  FunnelChart,
  GaugeChart,
  HeatmapChart,
  LineChart,
  LinesChart,
  MapChart,
  RadarChart,
  ScatterChart,
  SunburstChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type GaugeSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type LinesSeriesOption,
  type MapSeriesOption,
  type RadarSeriesOption,
  type ScatterSeriesOption,
  type SunburstSeriesOption,
} from 'echarts/charts';
import {
  CalendarComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  type CalendarComponentOption,
  type GeoComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';

// Only what the dashboard and the wall draw: the full build would add about a megabyte to the renderer.
echarts.use([
  BarChart,
  FunnelChart,
  GaugeChart,
  HeatmapChart,
  LineChart,
  LinesChart,
  MapChart,
  RadarChart,
  ScatterChart,
  SunburstChart,
  CalendarComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** Every option a GridDesk chart may set, so option builders are checked against the registered parts only. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | GaugeSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | LinesSeriesOption
  | MapSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | SunburstSeriesOption
  | CalendarComponentOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a click on a chart element reports: enough to find the datum behind it. */
export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  dataIndex: number;
  name: string;
  data: unknown;
}

/**
 * A click anywhere on the chart, element or not: a gauge's face or a line chart's month column
 * should open what it shows, not only the few pixels of its arc or its point.
 */
export interface ChartAreaClick {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The category under the pointer, when the chart has a category x axis and the click is inside its grid. */
  category: number | null;
}

export { echarts };
