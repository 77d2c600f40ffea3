import gridGeoJson from '../../../../resources/regions/yubei-demo-grids.geo.json';
import { echarts } from './echartsSetup';

/** At this latitude a degree of longitude is about 0.87 times as long as a degree of latitude. */
export const MAP_ASPECT = Math.cos((29.68 * Math.PI) / 180);

/** The name the grid polygons are registered under; features are named by their 15-digit grid code. */
export const GRID_MAP = 'griddesk-grids';

interface GridFeature {
  properties: { name: string; code: string; label: string; community: string; street: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface GridShape {
  code: string;
  /** The grid's Chinese name, e.g. 双湖社区第一网格. */
  label: string;
  communityCode: string;
  streetCode: string;
}

export interface CommunityLabel {
  code: string;
  name: string;
  /** Where its name is drawn: the middle of its grids' vertices. */
  centre: [number, number];
}

type Segment = [[number, number], [number, number]];

export interface GridGeometry {
  grids: Map<string, GridShape>;
  communities: CommunityLabel[];
  /** Edges between two communities (thin outline) and between streets or at the district edge (thick). */
  communityEdges: Segment[];
  streetEdges: Segment[];
  /** Width over height of the district as drawn (longitude shrunk to the latitude). */
  aspect: number;
}

const features = (gridGeoJson as unknown as { features: GridFeature[] }).features;

/** '双湖社区第一网格' → '双湖社区': the file names grids, not communities, and a wall has no reference data. */
const communityNameOf = (gridLabel: string): string => gridLabel.replace(/第.+网格$/, '') || gridLabel;

/**
 * Neighbouring grids share their edge's vertices exactly, so an edge seen once is on the district's
 * edge and an edge whose two grids belong to different communities (or streets) is a boundary.
 */
function buildGeometry(): GridGeometry {
  const grids = new Map<string, GridShape>();
  const edges = new Map<string, { segment: Segment; owners: GridShape[] }>();
  const communities = new Map<string, { name: string; sumX: number; sumY: number; n: number }>();
  for (const f of features) {
    const shape: GridShape = { code: f.properties.code, label: f.properties.label, communityCode: f.properties.community, streetCode: f.properties.street };
    grids.set(shape.code, shape);
    const ring = f.geometry.coordinates[0] ?? [];
    const c = communities.get(shape.communityCode) ?? { name: communityNameOf(shape.label), sumX: 0, sumY: 0, n: 0 };
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as [number, number];
      const b = ring[i + 1] as [number, number];
      c.sumX += a[0];
      c.sumY += a[1];
      c.n += 1;
      const key = [a.join(','), b.join(',')].sort().join('|');
      const edge = edges.get(key) ?? { segment: [a, b], owners: [] };
      edge.owners.push(shape);
      edges.set(key, edge);
    }
    communities.set(shape.communityCode, c);
  }
  const xs = features.flatMap((f) => (f.geometry.coordinates[0] ?? []).map((p) => p[0] ?? 0));
  const ys = features.flatMap((f) => (f.geometry.coordinates[0] ?? []).map((p) => p[1] ?? 0));
  const aspect = ((Math.max(...xs) - Math.min(...xs)) * MAP_ASPECT) / (Math.max(...ys) - Math.min(...ys) || 1);
  const communityEdges: Segment[] = [];
  const streetEdges: Segment[] = [];
  for (const { segment, owners } of edges.values()) {
    const [first, second] = owners;
    if (!first) continue;
    if (!second || first.streetCode !== second.streetCode) streetEdges.push(segment);
    else if (first.communityCode !== second.communityCode) communityEdges.push(segment);
  }
  return {
    grids,
    communities: [...communities.entries()].map(([code, c]) => ({ code, name: c.name, centre: [c.sumX / c.n, c.sumY / c.n] })),
    communityEdges,
    streetEdges,
    aspect,
  };
}

let geometry: GridGeometry | null = null;

/** Registers the polygons with ECharts once per page, however many maps are shown. */
export function gridGeometry(): GridGeometry {
  if (!geometry) {
    echarts.registerMap(GRID_MAP, gridGeoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
    geometry = buildGeometry();
  }
  return geometry;
}
