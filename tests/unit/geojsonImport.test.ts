import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planGeoJsonImport } from '../../core/regions/geojsonImport';
import type { StoredRegion } from '../../core/regions/records';
import { buildRegionMap } from '../../core/regions/regionMap';
import { demoRegions } from '../../db/seed/resources';
import demoGeo from '../../resources/regions/yubei-demo-grids.geo.json';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/regions', name), 'utf8');

/** The demo district as stored, grids with their boundaries. */
function demoStored(): StoredRegion[] {
  const seed = demoRegions();
  const shapes = new Map((demoGeo as unknown as { features: Array<{ properties: { code: string }; geometry: StoredRegion['boundary'] }> }).features.map((f) => [f.properties.code, f.geometry]));
  const rows: StoredRegion[] = [];
  const add = (code: string, name: string, level: StoredRegion['level'], parentId: string | null) =>
    rows.push({ id: code, code, name, level, parentId, households: null, description: '', active: true, boundary: shapes.get(code) ?? null });
  add(seed.district.code, seed.district.name, 'district', null);
  for (const s of seed.streets) {
    add(s.code, s.name, 'street', seed.district.code);
    for (const c of s.communities) {
      add(c.code, c.name, 'community', s.code);
      for (const g of c.grids) add(g.code, g.name, 'grid', c.code);
    }
  }
  return rows;
}

describe('planGeoJsonImport', () => {
  it('plans a new street from its grids: communities and the street come from the names on them', () => {
    const plan = planGeoJsonImport(fixture('qingfeng-street.geo.json'), demoStored());
    expect(plan.faults).toEqual([]);
    expect(plan.codeProperty).toBe('网格编码');
    expect(plan.nameProperty).toBe('网格名称');
    expect(plan.features).toHaveLength(10);
    expect(plan.features.every((f) => f.action === 'create' && f.level === 'grid')).toBe(true);
    expect(plan.implied.map((r) => `${r.code} ${r.name} ${r.level}`).sort()).toEqual([
      '500112020 青枫街道 street', '500112020001 枫林社区 community', '500112020002 溪岸社区 community', '500112020003 望湖社区 community',
    ]);
    // Parents first, so the upsert can resolve each parent's id.
    expect(plan.records.map((r) => r.code.length)).toEqual([...plan.records.map((r) => r.code.length)].sort((a, b) => a - b));
    expect(plan.records.find((r) => r.code === '500112020001001')?.households).toBe(485);
  });

  it('reports every fault of the faulty file with its feature', () => {
    const plan = planGeoJsonImport(fixture('faulty-street.geo.json'), demoStored());
    const byFeature = new Map<number, string[]>();
    for (const f of plan.faults) byFeature.set(f.index!, [...(byFeature.get(f.index!) ?? []), f.reason]);
    expect(byFeature.has(0)).toBe(false);
    expect(byFeature.get(1)).toEqual(['编码「50011202100100」有 14 位，应为 6 位（区县）、9 位（街道）、12 位（社区）或 15 位（网格）']);
    expect(byFeature.get(2)).toEqual(['缺少编码（属性「网格编码」为空或不是数字编码）']);
    expect(byFeature.get(3)).toEqual(['上级社区「500112021009」在数据库和本次导入中都不存在']);
    expect(byFeature.get(4)).toEqual(['编码与第 1 个要素重复']);
    expect(byFeature.get(5)).toEqual(['几何类型为 LineString，只接受 Polygon 或 MultiPolygon']);
    expect(byFeature.get(6)?.[0]).toMatch(/^外环未闭合/);
    expect(byFeature.get(7)).toEqual(['外环只有 3 个点，至少需要 4 个（首尾相同）']);
    expect(byFeature.get(8)).toEqual(['外环自相交：第 1 条边与第 3 条边相交']);
    expect(byFeature.get(9)?.[0]).toMatch(/超出中国经纬度范围.*经纬度是否写反了/);
    expect(byFeature.get(10)?.[0]).toMatch(/^与第 12 个要素（500112021001008）重叠约 [\d,]+ 平方米/);
    expect(byFeature.get(11)?.[0]).toMatch(/^与第 11 个要素（500112021001007）重叠约/);
    expect(byFeature.get(12)?.[0]).toMatch(/^与已有网格「.+网格」（500112003\d{6}）重叠约/);
    expect(plan.features.filter((f) => f.action === 'invalid').map((f) => f.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('the demo file itself changes nothing on the demo, and its codes are found under `code`, names under `label`', () => {
    const plan = planGeoJsonImport(JSON.stringify(demoGeo), demoStored());
    expect(plan.faults).toEqual([]);
    expect([plan.codeProperty, plan.nameProperty]).toEqual(['code', 'label']);
    expect(new Set(plan.features.map((f) => f.action))).toEqual(new Set(['unchanged']));
  });

  it('attaches a boundary to a stored grid without a name in the file, and renames when the file says so', () => {
    const stored = demoStored().map((r) => (r.code === '500112003001001' ? { ...r, boundary: null } : r));
    const geo = demoGeo as unknown as { features: Array<{ properties: Record<string, unknown>; geometry: unknown }> };
    const one = (properties: Record<string, unknown>) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: geo.features[0]!.geometry }] });
    expect(planGeoJsonImport(one({ code: '500112003001001' }), stored).features[0]!.action).toBe('update');
    const renamed = planGeoJsonImport(one({ code: '500112003001001', name: '双湖一格' }), demoStored());
    expect(renamed.features[0]!.action).toBe('update');
    expect(renamed.records[0]!.name).toBe('双湖一格');
    const chosen = planGeoJsonImport(one({ id: '500112003001001', title: '双湖一格' }), demoStored(), { codeProperty: 'id', nameProperty: 'title' });
    expect([chosen.codeProperty, chosen.nameProperty, chosen.features[0]!.action]).toEqual(['id', 'title', 'update']);
  });

  it('refuses what is not a FeatureCollection, in Chinese', () => {
    expect(planGeoJsonImport('{"type":', []).faults[0]!.reason).toMatch(/^文件不是有效的 JSON/);
    expect(planGeoJsonImport('{"type":"Feature"}', []).faults[0]!.reason).toMatch(/^文件不是 GeoJSON 要素集合/);
    expect(planGeoJsonImport('{"type":"FeatureCollection","features":[]}', []).faults[0]!.reason).toBe('文件中没有任何要素');
  });
});

describe('buildRegionMap', () => {
  it('draws the demo with community and street outlines, and lists grids without a boundary', () => {
    const stored = demoStored().map((r) => (r.code === '500112003001001' ? { ...r, boundary: null } : r));
    const map = buildRegionMap(stored, 'v1');
    expect(map.grids).toHaveLength(60);
    expect(map.features.features).toHaveLength(59);
    expect(map.grids.find((g) => g.code === '500112003001001')?.hasBoundary).toBe(false);
    expect(map.communities).toHaveLength(12);
    expect(map.communities.find((c) => c.code === '500112003001')?.name).toBe('双湖社区');
    // Outlines run along community and street borders only, never between two grids of one community.
    const key = (seg: number[][]) => seg.map((p) => p.join(',')).sort().join('|');
    const community = new Set(map.communityOutlines.map(key));
    expect(map.streetOutlines.every((seg) => community.has(key(seg)))).toBe(true);
    expect(map.streetOutlines.length).toBeLessThan(map.communityOutlines.length);
    const [first, second] = ['500112003001002', '500112003001004'].map((code) => stored.find((r) => r.code === code)!.boundary!.coordinates[0] as number[][]);
    const inner = first!.slice(0, -1).map((p, i) => [p, first![i + 1]!]).filter(([a, b]) => second!.some((q) => q.join() === a!.join()) && second!.some((q) => q.join() === b!.join()));
    expect(inner.length).toBeGreaterThan(0);
    expect(inner.some((seg) => community.has(key(seg)))).toBe(false);
    expect(map.aspectScale).toBeCloseTo(Math.cos((29.68 * Math.PI) / 180), 2);
  });

  it('outlines grids digitised without shared vertices by their union', () => {
    const square = (x: number, y: number): [number, number][] => [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]];
    // The right square's west edge has an extra vertex: no edge is shared exactly.
    const right: [number, number][] = [[106.61, 29.6], [106.62, 29.6], [106.62, 29.61], [106.61, 29.61], [106.61, 29.605], [106.61, 29.6]];
    const grid = (code: string, ring: [number, number][]) => ({ id: code, code, name: code, level: 'grid' as const, active: true, boundary: { type: 'Polygon' as const, coordinates: [ring] } });
    const map = buildRegionMap([grid('500112003001001', square(106.6, 29.6)), grid('500112003001002', right)], 'v');
    expect(map.communityOutlines).toHaveLength(1);
    expect(map.communityOutlines[0]!.length).toBeGreaterThanOrEqual(5);
  });
});
