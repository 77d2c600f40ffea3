/**
 * Generates the demo district's grid map: a jittered lattice whose cells are the 60
 * grids, grouped into contiguous communities and streets, so the polygons tile the
 * district exactly (neighbours share their edges point for point).
 *
 *   npx tsx db/seed/gridGeometry.ts   → resources/regions/yubei-demo-grids.geo.json
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Random } from './random';
import { demoRegions } from './resources';

const COLS = 12;
const ROWS = 5;
const ORIGIN = { lng: 106.548, lat: 29.668 }; // south-west corner
const CELL = { lng: 0.0039, lat: 0.0054 }; // about 380 m × 600 m
const EDGE_POINTS = 2; // extra points per cell edge, for organic boundaries

type Point = [number, number];

/** Within each street's 4×5 block of cells: which cells make each of its four communities. */
const COMMUNITY_CELLS: Array<Array<[number, number]>> = [
  [[0, 4], [1, 4], [0, 3], [1, 3], [0, 2]],
  [[2, 4], [3, 4], [2, 3], [3, 3], [3, 2]],
  [[1, 2], [0, 1], [1, 1], [0, 0], [1, 0]],
  [[2, 2], [2, 1], [3, 1], [2, 0], [3, 0]],
];

export function buildGridGeometry(seed = 500112): object {
  const rng = new Random(seed);
  const vertex: Point[][] = [];
  for (let c = 0; c <= COLS; c++) {
    vertex.push([]);
    for (let r = 0; r <= ROWS; r++) {
      const edge = c === 0 || c === COLS || r === 0 || r === ROWS;
      const jitter = (size: number) => (edge ? 0.12 : 0.28) * size * (rng.next() * 2 - 1);
      vertex[c]!.push([ORIGIN.lng + c * CELL.lng + jitter(CELL.lng), ORIGIN.lat + r * CELL.lat + jitter(CELL.lat)]);
    }
  }
  // Points along each lattice edge, made once and shared by the two cells on either side.
  const edges = new Map<string, Point[]>();
  const edgePoints = (a: [number, number], b: [number, number]): Point[] => {
    // Stored in one canonical direction; the cell on the other side walks it backwards.
    const forward = a.join(',') < b.join(',');
    const [from, to] = forward ? [a, b] : [b, a];
    const key = `${from.join(',')}|${to.join(',')}`;
    let points = edges.get(key);
    if (!points) {
      const [pa, pb] = [vertex[from[0]]![from[1]]!, vertex[to[0]]![to[1]]!];
      points = [];
      for (let i = 1; i <= EDGE_POINTS; i++) {
        const t = i / (EDGE_POINTS + 1);
        const wobble = 0.06 * (rng.next() * 2 - 1);
        points.push([pa[0] + (pb[0] - pa[0]) * t + wobble * CELL.lng, pa[1] + (pb[1] - pa[1]) * t + wobble * CELL.lat]);
      }
      edges.set(key, points);
    }
    return forward ? points : [...points].reverse();
  };
  const ring = (c: number, r: number): Point[] => {
    const corners: Array<[number, number]> = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
    const points: Point[] = [];
    corners.forEach((corner, i) => {
      points.push(vertex[corner[0]]![corner[1]]!);
      points.push(...edgePoints(corner, corners[(i + 1) % 4]!));
    });
    points.push(points[0]!);
    return points.map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))]);
  };

  const regions = demoRegions();
  const features: object[] = [];
  regions.streets.forEach((street, s) => {
    street.communities.forEach((community, k) => {
      community.grids.forEach((grid, g) => {
        const [dc, r] = COMMUNITY_CELLS[k]![g]!;
        const c = s * 4 + dc;
        features.push({
          type: 'Feature',
          properties: { name: grid.code, code: grid.code, label: grid.name, community: community.code, street: street.code, cell: [c, r] },
          geometry: { type: 'Polygon', coordinates: [ring(c, r)] },
        });
      });
    });
  });
  return { type: 'FeatureCollection', properties: { district: regions.district.code, name: regions.district.name }, features };
}

if (process.argv[1]?.endsWith('gridGeometry.ts')) {
  const file = resolve(import.meta.dirname, '../../resources/regions/yubei-demo-grids.geo.json');
  writeFileSync(file, `${JSON.stringify(buildGridGeometry())}\n`);
  console.log(`wrote ${file}`);
}
