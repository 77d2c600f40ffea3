/**
 * Reading one GeoJSON feature of a grid survey: its geometry checked ring by ring, and the
 * properties that carry its code and name (surveys name them differently, so the admin may
 * choose; the defaults cover the usual names).
 */
import { CHINA_BOUNDS, ringsCross, selfIntersection, type PolygonRings, type RegionBoundary, type Ring } from './geometry';

export const CODE_PROPERTIES = ['code', 'CODE', 'Code', '网格编码', '编码', '网格代码', '区划代码', 'gridCode', 'grid_code', 'GRID_CODE', 'wgbm', 'WGBM'];
export const NAME_PROPERTIES = ['name', 'NAME', 'Name', '网格名称', '名称', 'label', 'gridName', 'grid_name', 'GRID_NAME', 'wgmc', 'WGMC'];
export const COMMUNITY_NAME_PROPERTIES = ['社区名称', 'communityName', 'community_name', 'COMMUNITY_NAME', 'sqmc', 'SQMC'];
export const STREET_NAME_PROPERTIES = ['街道名称', 'streetName', 'street_name', 'STREET_NAME', 'jdmc', 'JDMC'];
export const HOUSEHOLDS_PROPERTIES = ['户数', 'households', 'HOUSEHOLDS'];

export type Properties = Record<string, unknown>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/** The first of `names` that some feature carries, or null. */
export const firstPresent = (properties: readonly Properties[], names: readonly string[]): string | null =>
  names.find((name) => properties.some((p) => textOf(p[name]) !== '')) ?? null;

/**
 * The default property for codes: the first usual name whose values look like region codes.
 * For names: the first usual name whose values are not all digits (a survey's `name` is sometimes the code).
 */
export function defaultProperties(properties: readonly Properties[]): { code: string | null; name: string | null } {
  const share = (name: string, test: (v: string) => boolean) => {
    const values = properties.map((p) => textOf(p[name])).filter((v) => v !== '');
    return values.length ? values.filter(test).length / values.length : 0;
  };
  const code = CODE_PROPERTIES.find((n) => share(n, (v) => /^\d{6,15}$/.test(v)) >= 0.5) ?? firstPresent(properties, CODE_PROPERTIES);
  const name = NAME_PROPERTIES.find((n) => n !== code && share(n, (v) => !/^\d+$/.test(v)) >= 0.5) ?? null;
  return { code, name };
}

/** Coordinates as an admin wrote them, without binary rounding noise (29.676000000000002 → 29.676). */
const shown = (n: number): string => String(Number(n.toPrecision(12)));

const positionFault = (p: unknown): string | null => {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    return `坐标「${JSON.stringify(p)?.slice(0, 40)}」不是 [经度, 纬度] 数对`;
  }
  const [lng, lat] = p as [number, number];
  const inside = (x: number, y: number) => x >= CHINA_BOUNDS.minLng && x <= CHINA_BOUNDS.maxLng && y >= CHINA_BOUNDS.minLat && y <= CHINA_BOUNDS.maxLat;
  if (inside(lng, lat)) return null;
  const hint = inside(lat, lng) ? '，经纬度是否写反了？' : '';
  return `坐标 (${shown(lng)}, ${shown(lat)}) 超出中国经纬度范围（经度 ${CHINA_BOUNDS.minLng}–${CHINA_BOUNDS.maxLng}，纬度 ${CHINA_BOUNDS.minLat}–${CHINA_BOUNDS.maxLat}）${hint}`;
};

/** Faults of one polygon's rings; `where` names the polygon for MultiPolygons ('第 2 个多边形的'). */
function polygonFaults(rings: unknown, where: string): { faults: string[]; rings: PolygonRings | null } {
  if (!Array.isArray(rings) || rings.length === 0) return { faults: [`${where}没有坐标环`], rings: null };
  const faults: string[] = [];
  rings.forEach((ring, r) => {
    const label = `${where}${r === 0 ? '外环' : `第 ${r} 个内环`}`;
    if (!Array.isArray(ring)) {
      faults.push(`${label}不是坐标数组`);
      return;
    }
    const bad = ring.map(positionFault).find((f) => f !== null);
    if (bad) {
      faults.push(`${label}的${bad}`);
      return;
    }
    const points = ring as Ring;
    if (points.length < 4) {
      faults.push(`${label}只有 ${points.length} 个点，至少需要 4 个（首尾相同）`);
      return;
    }
    const [first, last] = [points[0]!, points[points.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      faults.push(`${label}未闭合：首点 (${shown(first[0])}, ${shown(first[1])}) 与末点 (${shown(last[0])}, ${shown(last[1])}) 不同`);
      return;
    }
    const crossing = selfIntersection(points);
    if (crossing) faults.push(`${label}自相交：第 ${crossing[0]} 条边与第 ${crossing[1]} 条边相交`);
  });
  if (faults.length) return { faults, rings: null };
  const checked = (rings as Ring[]).map((ring) => ring.map(([x, y]) => [x, y] as [number, number]));
  for (let r = 1; r < checked.length; r++) {
    if (ringsCross(checked[0]!, checked[r]!)) faults.push(`${where}第 ${r} 个内环与外环相交`);
  }
  return { faults, rings: faults.length ? null : checked };
}

/** The feature's boundary, or why it cannot be one. */
export function readBoundary(geometry: unknown): { boundary: RegionBoundary | null; faults: string[] } {
  if (!isObject(geometry)) return { boundary: null, faults: ['缺少几何图形（geometry 为空）'] };
  if (geometry.type === 'Polygon') {
    const { faults, rings } = polygonFaults(geometry.coordinates, '');
    return { boundary: rings ? { type: 'Polygon', coordinates: rings } : null, faults };
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) return { boundary: null, faults: ['MultiPolygon 没有多边形'] };
    const results = polygons.map((p, i) => polygonFaults(p, `第 ${i + 1} 个多边形的`));
    const faults = results.flatMap((r) => r.faults);
    return { boundary: faults.length ? null : { type: 'MultiPolygon', coordinates: results.map((r) => r.rings!) }, faults };
  }
  return { boundary: null, faults: [`几何类型为 ${String(geometry.type)}，只接受 Polygon 或 MultiPolygon`] };
}
