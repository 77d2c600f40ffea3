/**
 * The office's grid map as the dashboard and the wall draw it: grid polygons named by code,
 * community and street outlines (unions of their grids), community labels, and the grids that
 * have no boundary yet, which the map lists instead of drawing.
 */
import type { RegionLevel } from '../api/types';
import { measurePolygons, polygonsOf, unionOf, type PolygonRings, type Position, type RegionBoundary, type Ring } from './geometry';

export interface MapRegion {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  active: boolean;
  boundary: RegionBoundary | null;
}

export interface MapGrid {
  id: string;
  code: string;
  name: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  hasBoundary: boolean;
}

export interface MapFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: RegionBoundary;
}

export interface RegionMap {
  /** Changes whenever a region does: clients keep their copy while it is the same. */
  version: string;
  /** Active grids, with or without a boundary. */
  grids: MapGrid[];
  /** Grid polygons, each named by its 15-digit code (ECharts matches series data by name). */
  features: { type: 'FeatureCollection'; features: MapFeature[] };
  communities: Array<{ code: string; name: string; centre: Position }>;
  communityOutlines: Ring[];
  streetOutlines: Ring[];
  /** Width over height as drawn, longitude shrunk by the cosine of the latitude. */
  aspect: number;
  /** cos(latitude) at the map's middle: ECharts' aspectScale for a true-proportioned map. */
  aspectScale: number;
}

/** The shell of the largest polygon's area centroid: where a community's name sits. */
function labelPoint(polygons: PolygonRings[]): Position | null {
  let best: { area: number; shell: Ring } | null = null;
  for (const polygon of polygons) {
    const area = measurePolygons([polygon]).area;
    if (polygon[0] && (!best || area > best.area)) best = { area, shell: polygon[0] };
  }
  if (!best) return null;
  const ring = best.shell;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  if (a === 0) return ring[0] ?? null;
  return [cx / (3 * a), cy / (3 * a)];
}

const outlines = (polygons: PolygonRings[]): Ring[] => polygons.flatMap((p) => p);

/** Builds the map from the stored regions (any order). */
export function buildRegionMap(regions: readonly MapRegion[], version: string): RegionMap {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const active = regions.filter((r) => r.active);
  const grids = active.filter((r) => r.level === 'grid').sort((a, b) => a.code.localeCompare(b.code));
  const drawn = grids.filter((g) => g.boundary);
  const groups = (length: number) => {
    const map = new Map<string, RegionBoundary[]>();
    for (const g of drawn) map.set(g.code.slice(0, length), [...(map.get(g.code.slice(0, length)) ?? []), g.boundary!]);
    return map;
  };
  const communityUnions = [...groups(12)].map(([code, boundaries]) => ({ code, polygons: unionOf(boundaries) }));
  const streetUnions = [...groups(9)].map(([code, boundaries]) => ({ code, polygons: unionOf(boundaries) }));

  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const g of drawn) {
    for (const polygon of polygonsOf(g.boundary!)) {
      for (const [lng, lat] of polygon[0] ?? []) {
        minLng = Math.min(minLng, lng);
        maxLng = Math.max(maxLng, lng);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  const aspectScale = drawn.length ? Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) : 1;
  const aspect = drawn.length ? ((maxLng - minLng) * aspectScale) / (maxLat - minLat || 1) : 1;

  return {
    version,
    grids: grids.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      communityCode: g.code.slice(0, 12),
      communityName: byCode.get(g.code.slice(0, 12))?.name ?? g.code.slice(0, 12),
      streetCode: g.code.slice(0, 9),
      hasBoundary: g.boundary !== null,
    })),
    features: { type: 'FeatureCollection', features: drawn.map((g) => ({ type: 'Feature', properties: { name: g.code }, geometry: g.boundary! })) },
    communities: communityUnions.flatMap(({ code, polygons }) => {
      const centre = labelPoint(polygons);
      return centre ? [{ code, name: byCode.get(code)?.name ?? code, centre }] : [];
    }),
    communityOutlines: communityUnions.flatMap((c) => outlines(c.polygons)),
    streetOutlines: streetUnions.flatMap((s) => outlines(s.polygons)),
    aspect,
    aspectScale,
  };
}
