import type { FeatureAction, RegionImportPreview, RegionMap } from '@core/api/regionTypes';
import { CHINA_BOUNDS } from '@core/regions/geometry';
import { escapeHtml } from '../../charts/chartTheme';
import { echarts, type ChartOption } from '../../charts/echartsSetup';

/** Fill and outline per outcome: faults stand out in red over everything else. */
export const ACTION_COLOURS: Record<FeatureAction | 'existing', { fill: string; border: string }> = {
  create: { fill: 'rgba(82, 196, 26, 0.45)', border: '#389e0d' },
  update: { fill: 'rgba(22, 119, 255, 0.40)', border: '#0958d9' },
  unchanged: { fill: 'rgba(140, 140, 140, 0.25)', border: '#8c8c8c' },
  invalid: { fill: 'rgba(245, 34, 45, 0.55)', border: '#a8071a' },
  existing: { fill: 'rgba(0, 0, 0, 0.04)', border: '#d9d9d9' },
};

export interface PreviewText {
  feature: (index: number) => string;
  action: Record<FeatureAction | 'existing', string>;
}

type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

/** Drawable: a Polygon or MultiPolygon of number pairs inside China (anything else would wreck the view; the fault list names it). */
function drawable(geometry: unknown): geometry is Geometry {
  if (typeof geometry !== 'object' || geometry === null) return false;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return false;
  const depth = g.type === 'Polygon' ? 2 : 3;
  const ok = (node: unknown, level: number): boolean => {
    if (!Array.isArray(node) || node.length === 0) return false;
    if (level === 0) {
      const [x, y] = node as unknown[];
      return typeof x === 'number' && typeof y === 'number' && x >= CHINA_BOUNDS.minLng && x <= CHINA_BOUNDS.maxLng && y >= CHINA_BOUNDS.minLat && y <= CHINA_BOUNDS.maxLat;
    }
    return node.every((child) => ok(child, level - 1));
  };
  return ok(g.coordinates, depth);
}

let registrations = 0;

/**
 * The file's features over the office's existing grids, each coloured by what the import would
 * do with it. Returns the option and how many features could not be drawn at all.
 */
export function importPreviewOption(file: unknown, preview: RegionImportPreview, existing: RegionMap | null, text: PreviewText): { option: ChartOption | null; notDrawn: number } {
  const features = (typeof file === 'object' && file !== null && Array.isArray((file as { features?: unknown }).features) ? (file as { features: unknown[] }).features : []) as Array<{ geometry?: unknown }>;
  const plans = new Map(preview.features.map((f) => [f.index, f]));
  const faults = new Map<number, string[]>();
  for (const f of preview.faults) if (f.index !== null) faults.set(f.index, [...(faults.get(f.index) ?? []), f.reason]);
  const redrawn = new Set(preview.features.map((f) => f.code));

  const shapes: Array<{ type: 'Feature'; properties: { name: string }; geometry: Geometry }> = [];
  const data: Array<{ name: string; value: number; itemStyle: { areaColor: string; borderColor: string; borderWidth: number }; tip: string }> = [];
  for (const f of existing?.features.features ?? []) {
    if (redrawn.has(f.properties.name)) continue;
    const grid = existing!.grids.find((g) => g.code === f.properties.name);
    shapes.push({ type: 'Feature', properties: { name: `e:${f.properties.name}` }, geometry: f.geometry as Geometry });
    const c = ACTION_COLOURS.existing;
    data.push({ name: `e:${f.properties.name}`, value: 0, itemStyle: { areaColor: c.fill, borderColor: c.border, borderWidth: 1 }, tip: `${escapeHtml(grid?.name ?? f.properties.name)}<br>${escapeHtml(text.action.existing)}` });
  }
  let notDrawn = 0;
  features.forEach((feature, index) => {
    if (!drawable(feature?.geometry)) {
      notDrawn += 1;
      return;
    }
    const plan = plans.get(index);
    const action = plan?.action ?? 'invalid';
    const c = ACTION_COLOURS[action];
    const name = `f:${index}`;
    shapes.push({ type: 'Feature', properties: { name }, geometry: feature.geometry });
    const head = `${escapeHtml(text.feature(index + 1))} ${escapeHtml(plan?.code ?? '')} ${escapeHtml(plan?.name ?? '')}`;
    const reasons = (faults.get(index) ?? []).map((r) => `<div style="color:#cf1322">${escapeHtml(r)}</div>`).join('');
    data.push({ name, value: 1, itemStyle: { areaColor: c.fill, borderColor: c.border, borderWidth: action === 'invalid' ? 2 : 1 }, tip: `<b>${head}</b><br>${escapeHtml(text.action[action])}${reasons}` });
  });
  if (shapes.length === 0) return { option: null, notDrawn };

  const mapName = `griddesk-import-${++registrations}`;
  echarts.registerMap(mapName, { type: 'FeatureCollection', features: shapes } as unknown as Parameters<typeof echarts.registerMap>[1]);
  const lats: number[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node) && typeof node[1] === 'number') lats.push(node[1]);
    else if (Array.isArray(node)) node.forEach(walk);
  };
  shapes.forEach((s) => walk(s.geometry.coordinates));
  const midLat = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 30;
  const tips = new Map(data.map((d) => [d.name, d.tip]));
  return {
    notDrawn,
    option: {
      tooltip: { trigger: 'item', formatter: (p: unknown) => tips.get((p as { name: string }).name) ?? '' },
      series: [
        {
          type: 'map',
          map: mapName,
          roam: true,
          aspectScale: Math.cos((midLat * Math.PI) / 180),
          selectedMode: false,
          label: { show: false },
          emphasis: { label: { show: false }, itemStyle: { borderColor: '#000', borderWidth: 2 } },
          data: data.map(({ tip: _tip, ...d }) => d),
        },
      ],
    },
  };
}
