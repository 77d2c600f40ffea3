/**
 * The office's grid map as the dashboard and the wall draw it: grid polygons named by code,
 * community and street outlines (unions of their grids), community labels, and the grids that
 * have no boundary yet, which the map lists instead of drawing.
 */
import type { RegionLevel } from '../api/types';
import { polygonsOf, unionOf, type Position, type RegionBoundary, type Ring } from './geometry';

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
  /** Polylines along the community and street borders (edges, or whole rings). */
  communityOutlines: Ring[];
  streetOutlines: Ring[];
  /** Width over height as drawn, longitude shrunk by the cosine of the latitude. */
  aspect: number;
  /** cos(latitude) at the map's middle: ECharts' aspectScale for a true-proportioned map. */
  aspectScale: number;
}

/** Area centroid of a ring (shoelace), and its signed doubled area as the weight. */
function ringCentroid(ring: Ring): { centre: Position; weight: number } | null {
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
  return a === 0 ? null : { centre: [cx / (3 * a), cy / (3 * a)], weight: Math.abs(a) };
}

/** Where a community's name sits: the area-weighted middle of its grids' shells. */
function labelPoint(boundaries: readonly RegionBoundary[]): Position | null {
  let x = 0;
  let y = 0;
  let w = 0;
  for (const b of boundaries) {
    for (const polygon of polygonsOf(b)) {
      const c = polygon[0] && ringCentroid(polygon[0]);
      if (!c) continue;
      x += c.centre[0] * c.weight;
      y += c.centre[1] * c.weight;
      w += c.weight;
    }
  }
  return w ? [x / w, y / w] : null;
}

/**
 * A group's outline from its grids' edges: neighbours that share their border vertex for vertex
 * (as survey tools export them) have each inner edge twice, so the edges seen once are the
 * outline. Cheap, and exact for such data. A group whose grids share no edge at all (borders
 * digitised separately) is outlined by clipping instead: the union of its grids.
 */
function outlineOf(boundaries: readonly RegionBoundary[]): Ring[] {
  const edges = new Map<string, { segment: Ring; count: number }>();
  for (const b of boundaries) {
    for (const polygon of polygonsOf(b)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, c] = [ring[i]!, ring[i + 1]!];
          const key = [a.join(','), c.join(',')].sort().join('|');
          const edge = edges.get(key) ?? { segment: [a, c], count: 0 };
          edge.count += 1;
          edges.set(key, edge);
        }
      }
    }
  }
  const shared = [...edges.values()].some((e) => e.count > 1);
  if (boundaries.length > 1 && !shared) return unionOf(boundaries).flatMap((p) => p);
  return [...edges.values()].filter((e) => e.count === 1).map((e) => e.segment);
}

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
  const communityGroups = [...groups(12)];
  const streetGroups = [...groups(9)];

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
    communities: communityGroups.flatMap(([code, boundaries]) => {
      const centre = labelPoint(boundaries);
      return centre ? [{ code, name: byCode.get(code)?.name ?? code, centre }] : [];
    }),
    communityOutlines: communityGroups.flatMap(([, boundaries]) => outlineOf(boundaries)),
    streetOutlines: streetGroups.flatMap(([, boundaries]) => outlineOf(boundaries)),
    aspect,
    aspectScale,
  };
}
