/**
 * Plane geometry on lon/lat boundaries at street scale: ring checks, self-intersection, areas
 * and overlaps in square metres. Areas use a local equal-area projection around each shape's
 * own latitude, good to a fraction of a percent over a few kilometres. Clipping (intersection,
 * union) is polyclip-ts, which handles the degenerate cases grids are full of: neighbours that
 * share an edge vertex for vertex.
 */
import { intersection, union } from 'polyclip-ts';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonRings = Ring[];

export type RegionBoundary = { type: 'Polygon'; coordinates: PolygonRings } | { type: 'MultiPolygon'; coordinates: PolygonRings[] };

/** Mainland China, Hainan and the South China Sea islands fall inside; any swapped lon/lat does not. */
export const CHINA_BOUNDS = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;

/**
 * Two grids overlap when the area they share is more than a border's worth: a sliver along a
 * shared border digitised twice is long and thin, a real overlap is not. The sliver's mean width
 * (2 × area / perimeter) tells them apart; the area floor ignores specks.
 */
export const OVERLAP_TOLERANCE = { minAreaM2: 10, minMeanWidthM: 2 } as const;

const METRES_PER_DEGREE = 111_320;

export const polygonsOf = (boundary: RegionBoundary): PolygonRings[] =>
  boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;

export interface Box {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function boundsOf(boundary: RegionBoundary): Box {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(boundary)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      box.minLng = Math.min(box.minLng, lng);
      box.maxLng = Math.max(box.maxLng, lng);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

export const boxesMeet = (a: Box, b: Box): boolean =>
  a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat;

/** Stored boundaries are rounded to 1e-7° (about 1 cm), so a re-imported file compares equal. */
export function roundBoundary(boundary: RegionBoundary): RegionBoundary {
  const r = (ring: Ring): Ring => ring.map(([x, y]) => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]);
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: boundary.coordinates.map(r) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map((p) => p.map(r)) };
}

/** Shoelace area and perimeter of rings projected to metres around latitude `lat0`. */
function ringMeasure(ring: Ring, lat0: number): { area: number; perimeter: number } {
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  let twice = 0;
  let perimeter = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    twice += x1 * kx * (y2 * ky) - x2 * kx * (y1 * ky);
    perimeter += Math.hypot((x2 - x1) * kx, (y2 - y1) * ky);
  }
  return { area: Math.abs(twice) / 2, perimeter };
}

const meanLat = (polygons: PolygonRings[]): number => {
  let sum = 0;
  let n = 0;
  for (const p of polygons) {
    for (const [, lat] of p[0] ?? []) {
      sum += lat;
      n += 1;
    }
  }
  return n ? sum / n : 0;
};

/** Area (m²) and perimeter (m) of polygons with holes. */
export function measurePolygons(polygons: PolygonRings[]): { area: number; perimeter: number } {
  const lat0 = meanLat(polygons);
  let area = 0;
  let perimeter = 0;
  for (const [shell, ...holes] of polygons) {
    if (!shell) continue;
    const s = ringMeasure(shell, lat0);
    area += s.area;
    perimeter += s.perimeter;
    for (const hole of holes) {
      const h = ringMeasure(hole, lat0);
      area -= h.area;
      perimeter += h.perimeter;
    }
  }
  return { area, perimeter };
}

export const areaM2 = (boundary: RegionBoundary): number => measurePolygons(polygonsOf(boundary)).area;

export interface Overlap {
  areaM2: number;
  /** 2 × area / perimeter of the shared part: about the width of a long sliver. */
  meanWidthM: number;
  /** Beyond the tolerance for a shared border. */
  overlaps: boolean;
}

/** The area two boundaries share, and whether it is more than a shared border. */
export function overlapOf(a: RegionBoundary, b: RegionBoundary): Overlap {
  const none = { areaM2: 0, meanWidthM: 0, overlaps: false };
  if (!boxesMeet(boundsOf(a), boundsOf(b))) return none;
  // Neighbours share a border: most pairs a survey gives are settled without clipping.
  if (a.type === 'Polygon' && b.type === 'Polygon' && a.coordinates.length === 1 && b.coordinates.length === 1 && !interiorsMayMeet(a.coordinates[0]!, b.coordinates[0]!)) return none;
  const shared = intersection(polygonsOf(a), polygonsOf(b));
  const { area, perimeter } = measurePolygons(shared);
  const meanWidthM = perimeter > 0 ? (2 * area) / perimeter : 0;
  return { areaM2: area, meanWidthM, overlaps: area > OVERLAP_TOLERANCE.minAreaM2 && meanWidthM > OVERLAP_TOLERANCE.minMeanWidthM };
}

/** The outline of several boundaries together (a community from its grids). */
export function unionOf(boundaries: readonly RegionBoundary[]): PolygonRings[] {
  const [first, ...rest] = boundaries.map(polygonsOf);
  if (!first) return [];
  return union(first, ...rest);
}

// --- rings -------------------------------------------------------------------------------

const cross = (o: Position, a: Position, b: Position): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

const onSegment = (p: Position, a: Position, b: Position): boolean =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Do segments ab and cd meet (touching counts)? */
export function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && onSegment(a, c, d)) || (d2 === 0 && onSegment(b, c, d)) || (d3 === 0 && onSegment(c, a, b)) || (d4 === 0 && onSegment(d, a, b));
}

const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** A closed ring without repeated consecutive points. */
function distinctVertices(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) if (!out.length || !samePoint(out[out.length - 1]!, p)) out.push(p);
  return out;
}

/**
 * The first two edges of a closed ring that cross or touch, other than neighbours meeting at
 * their shared vertex (1-based edge numbers, as an admin counts them), or null for a simple ring.
 * A neighbour doubling back along its predecessor (a spike) counts as touching.
 */
export function selfIntersection(ring: Ring): [number, number] | null {
  const points = distinctVertices(ring);
  const n = points.length - 1; // edges of the closed ring
  if (n < 3) return null;
  const edges = Array.from({ length: n }, (_, i) => {
    const a = points[i]!;
    const b = points[i + 1]!;
    return { i, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) };
  });
  // Sweep by x: only edges whose x-ranges overlap can meet.
  const sorted = [...edges].sort((e, f) => e.minX - f.minX);
  for (let s = 0; s < sorted.length; s++) {
    const e = sorted[s]!;
    for (let t = s + 1; t < sorted.length && sorted[t]!.minX <= e.maxX; t++) {
      const f = sorted[t]!;
      const [lo, hi] = e.i < f.i ? [e, f] : [f, e];
      const adjacent = hi.i === lo.i + 1 || (lo.i === 0 && hi.i === n - 1);
      if (adjacent) {
        // Neighbours share one vertex; they intersect only if they run back over each other.
        const [shared, p, q] = hi.i === lo.i + 1 ? [lo.b, lo.a, hi.b] : [lo.a, lo.b, hi.a];
        if (cross(shared, p, q) === 0 && (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0) return [lo.i + 1, hi.i + 1];
        continue;
      }
      if (segmentsMeet(lo.a, lo.b, hi.a, hi.b)) return [lo.i + 1, hi.i + 1];
    }
  }
  return null;
}

/** Do two rings of one polygon cross each other (a hole poking out of its shell)? */
export function ringsCross(a: Ring, b: Ring): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      const [p, q, r, s] = [a[i]!, a[i + 1]!, b[j]!, b[j + 1]!];
      const d1 = cross(r, s, p);
      const d2 = cross(r, s, q);
      const d3 = cross(p, q, r);
      const d4 = cross(p, q, s);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    }
  }
  return false;
}

export function pointInRing([x, y]: Position, ring: Ring): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export function pointInBoundary(point: Position, boundary: RegionBoundary): boolean {
  return polygonsOf(boundary).some(([shell, ...holes]) => !!shell && pointInRing(point, shell) && !holes.some((h) => pointInRing(point, h)));
}

/** Shortest distance in metres from a point to a boundary's edges (0 inside). */
export function distanceToBoundaryM(point: Position, boundary: RegionBoundary): number {
  if (pointInBoundary(point, boundary)) return 0;
  const kx = METRES_PER_DEGREE * Math.cos((point[1] * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  for (const polygon of polygonsOf(boundary)) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const ax = (ring[i]![0] - point[0]) * kx;
        const ay = (ring[i]![1] - point[1]) * ky;
        const bx = (ring[i + 1]![0] - point[0]) * kx;
        const by = (ring[i + 1]![1] - point[1]) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len = dx * dx + dy * dy;
        const t = len > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

/** A point just inside a simple ring: its first edge's midpoint, nudged toward the interior. */
function pointJustInside(ring: Ring): Position {
  const [a, b] = [ring[0]!, ring[1]!];
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  const side = twice > 0 ? 1 : -1; // counter-clockwise: the interior is left of each edge
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const k = 1e-6 * side;
  return [(a[0] + b[0]) / 2 - dy * k, (a[1] + b[1]) / 2 + dx * k];
}

/**
 * False only when two simple rings certainly share no interior: no edges cross properly, no
 * vertex or edge midpoint of one is inside the other, and neither contains a point just inside
 * the other (which catches one ring lying inside the other along shared edges). Points on the
 * other's boundary may test either way; "inside" only sends the pair to exact clipping.
 */
export function interiorsMayMeet(a: Ring, b: Ring): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      const [p, q, r, t] = [a[i]!, a[i + 1]!, b[j]!, b[j + 1]!];
      const d1 = cross(r, t, p);
      const d2 = cross(r, t, q);
      const d3 = cross(p, q, r);
      const d4 = cross(p, q, t);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    }
  }
  const probes = (ring: Ring): Position[] => [
    ...ring,
    ...ring.slice(1).map((p, i) => [(p[0] + ring[i]![0]) / 2, (p[1] + ring[i]![1]) / 2] as Position),
    pointJustInside(ring),
  ];
  const inside = (p: Position, ring: Ring) => !nearRing(p, ring) && pointInRing(p, ring);
  return probes(a).some((p) => inside(p, b)) || probes(b).some((p) => inside(p, a));
}

/** On one of the ring's edges, up to rounding (a shared vertex, the midpoint of a shared edge). */
function nearRing(p: Position, ring: Ring): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    const length2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
    if (Math.abs(cross(a, b, p)) <= 1e-9 * length2 && onSegment(p, a, b)) return true;
  }
  return false;
}
