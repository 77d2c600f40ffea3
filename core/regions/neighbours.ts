/**
 * Which grids border which, and which grids lie near a point: the duplicate finder looks for
 * the same problem reported across a grid border (a burst main on the road two grids share).
 */
import { boundsOf, distanceToBoundaryM, polygonsOf, type Box, type Position, type RegionBoundary } from './geometry';

/** Neighbours meet along a border; surveyed borders may leave a few metres' gap. */
export const NEIGHBOUR_GAP_M = 5;

export interface GridShape {
  id: string;
  boundary: RegionBoundary;
}

const METRES_PER_DEGREE = 111_320;

function grow(box: Box, metres: number): Box {
  const dLat = metres / METRES_PER_DEGREE;
  const dLng = metres / (METRES_PER_DEGREE * Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180));
  return { minLng: box.minLng - dLng, maxLng: box.maxLng + dLng, minLat: box.minLat - dLat, maxLat: box.maxLat + dLat };
}

const meets = (a: Box, b: Box) => a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat;

function vertices(boundary: RegionBoundary): Position[] {
  return polygonsOf(boundary).flatMap((p) => p[0] ?? []);
}

/** Grids within `gap` metres of each other: a vertex of one lies that close to the other's edges. */
export function gridNeighbours(grids: readonly GridShape[], gap = NEIGHBOUR_GAP_M): Map<string, Set<string>> {
  const boxes = grids.map((g) => grow(boundsOf(g.boundary), gap));
  const neighbours = new Map<string, Set<string>>(grids.map((g) => [g.id, new Set<string>()]));
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      if (!meets(boxes[i]!, boxes[j]!)) continue;
      const [a, b] = [grids[i]!, grids[j]!];
      const close = vertices(a.boundary).some((p) => distanceToBoundaryM(p, b.boundary) <= gap) || vertices(b.boundary).some((p) => distanceToBoundaryM(p, a.boundary) <= gap);
      if (close) {
        neighbours.get(a.id)!.add(b.id);
        neighbours.get(b.id)!.add(a.id);
      }
    }
  }
  return neighbours;
}

/** Grids whose boundary lies within `metres` of the point (the grid it is in included). */
export function gridsNear(point: Position, grids: readonly GridShape[], metres: number): string[] {
  const dLat = metres / METRES_PER_DEGREE;
  const dLng = metres / (METRES_PER_DEGREE * Math.cos((point[1] * Math.PI) / 180));
  const box = { minLng: point[0] - dLng, maxLng: point[0] + dLng, minLat: point[1] - dLat, maxLat: point[1] + dLat };
  return grids.filter((g) => meets(box, boundsOf(g.boundary)) && distanceToBoundaryM(point, g.boundary) <= metres).map((g) => g.id);
}
