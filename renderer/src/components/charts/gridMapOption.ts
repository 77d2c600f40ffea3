import type { GridMetric } from '@core/api/dashboardTypes';
import type { RegionMap } from '@core/api/regionTypes';
import { escapeHtml, textStyle, tooltipStyle, type ChartTheme } from './chartTheme';
import type { ChartOption } from './echartsSetup';
import { registerGridMap } from './gridMapGeo';

export const GRID_METRICS = ['reports', 'open', 'overdue', 'score'] as const;
export type GridMetricKey = (typeof GRID_METRICS)[number];

export interface GridMapText {
  metric: Record<GridMetricKey, string>;
  /** '{n} 件' style units for counts and points for scores. */
  count: (n: number) => string;
  score: (n: number | null) => string;
  /** The grid's name: from the reference data on a workstation, from the map on a wall. */
  gridName: (grid: GridMetric) => string;
  low: string;
  high: string;
}

export interface Box {
  width: number;
  height: number;
}

/**
 * Where the map goes: as large as the chart allows at the district's true proportions, right of
 * the colour legend. ECharts stretches a map to a left/right/top/bottom box, so the size is set
 * explicitly; the coloured map and the outline layer share it, so their projections coincide.
 */
function mapLayout(box: Box | null, aspect: number, legendWidth: number) {
  const pad = { left: legendWidth, right: 8, top: 8, bottom: 8 };
  if (!box) return { left: pad.left, right: pad.right, top: pad.top, bottom: pad.bottom };
  const w = Math.max(10, box.width - pad.left - pad.right);
  const h = Math.max(10, box.height - pad.top - pad.bottom);
  const size = aspect >= 1 ? Math.min(w, h * aspect) : Math.min(h, w / aspect);
  return { layoutCenter: [pad.left + w / 2, pad.top + h / 2], layoutSize: size };
}

const metricValue = (g: GridMetric, metric: GridMetricKey): number | null => (metric === 'score' ? g.score : g[metric]);

function tooltipHtml(g: GridMetric, metric: GridMetricKey, text: GridMapText): string {
  const row = (key: GridMetricKey, value: string) =>
    `<div style="display:flex;justify-content:space-between;gap:16px${key === metric ? ';font-weight:600' : ''}"><span>${escapeHtml(text.metric[key])}</span><span>${escapeHtml(value)}</span></div>`;
  return [
    `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(text.gridName(g))}</div>`,
    row('reports', text.count(g.reports)),
    row('open', text.count(g.open)),
    row('overdue', text.count(g.overdue)),
    row('score', text.score(g.score)),
  ].join('');
}

/**
 * Grids coloured by one measure, with community and street outlines and community names on top.
 * The outlines and names are silent so every hover and click lands on a grid.
 */
export function gridMapOption(map: RegionMap, grids: GridMetric[], metric: GridMetricKey, theme: ChartTheme, text: GridMapText, box: Box | null): ChartOption {
  const mapName = registerGridMap(map);
  const layout = mapLayout(box, map.aspect, theme.fontSize * 3.5);
  const values = grids.map((g) => metricValue(g, metric)).filter((v): v is number => v !== null);
  const isScore = metric === 'score';
  const min = isScore ? Math.max(0, Math.floor(Math.min(100, ...values) / 10) * 10) : 0;
  const max = isScore ? 100 : Math.max(1, ...values);
  const byCode = new Map(grids.map((g) => [g.code, g]));
  const outline = (width: number, color: string) => ({
    type: 'lines' as const,
    coordinateSystem: 'geo',
    polyline: true,
    silent: true,
    animation: false,
    lineStyle: { color, width, opacity: 1 },
    z: 3,
  });
  return {
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const grid = byCode.get((p as { name: string }).name);
        return grid ? tooltipHtml(grid, metric, text) : '';
      },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min,
      max,
      calculable: false,
      realtime: false,
      left: 0,
      bottom: 8,
      itemWidth: theme.fontSize,
      itemHeight: theme.fontSize * 8,
      text: [text.high, text.low],
      textStyle: textStyle(theme, theme.smallFontSize),
      inRange: { color: isScore ? theme.scoreHeat : theme.heat },
    },
    geo: { map: mapName, ...layout, roam: false, silent: true, aspectScale: map.aspectScale, itemStyle: { areaColor: 'transparent', borderWidth: 0 }, emphasis: { disabled: true }, z: 1 },
    series: [
      {
        type: 'map',
        map: mapName,
        ...layout,
        roam: false,
        aspectScale: map.aspectScale,
        selectedMode: false,
        z: 2,
        itemStyle: { areaColor: theme.emptyArea, borderColor: theme.gridBorder, borderWidth: 1 },
        emphasis: { label: { show: false }, itemStyle: { borderColor: theme.text, borderWidth: 2 } },
        label: { show: false },
        data: map.features.features.map(({ properties: { name: code } }) => {
          const grid = byCode.get(code);
          const value = grid ? metricValue(grid, metric) : null;
          return { name: code, value: value ?? NaN };
        }),
      },
      { ...outline(theme.lineWidth * 0.75, theme.communityBorder), data: map.communityOutlines.map((coords) => ({ coords })) },
      { ...outline(theme.lineWidth * 1.5, theme.streetBorder), data: map.streetOutlines.map((coords) => ({ coords })) },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        symbolSize: 0,
        z: 4,
        label: {
          show: true,
          formatter: '{b}',
          ...textStyle(theme, theme.smallFontSize),
          fontWeight: 600,
          textBorderColor: theme.gridBorder,
          textBorderWidth: 3,
        },
        data: map.communities.map((c) => ({ name: c.name, value: c.centre })),
      },
    ],
  };
}
