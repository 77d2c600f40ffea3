import gridsGeoJson from '../../resources/regions/yubei-demo-grids.geo.json';
import type { Random } from './random';

type Ring = Array<[number, number]>;

interface GridFeature {
  properties: { code: string };
  geometry: { coordinates: Ring[] };
}

const rings = new Map<string, Ring>(
  (gridsGeoJson as unknown as { features: GridFeature[] }).features.map((f) => [f.properties.code, f.geometry.coordinates[0]!]),
);

function inside([x, y]: [number, number], ring: Ring): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A random point inside a demo grid's polygon, so demo cases sit where their grid is on the map. */
export function randomPointInGrid(gridCode: string, rng: Random): { lat: number; lng: number } | null {
  const ring = rings.get(gridCode);
  if (!ring) return null;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  for (let attempt = 0; attempt < 50; attempt++) {
    const point: [number, number] = [rng.between(Math.min(...xs), Math.max(...xs)), rng.between(Math.min(...ys), Math.max(...ys))];
    if (inside(point, ring)) return { lng: Number(point[0].toFixed(6)), lat: Number(point[1].toFixed(6)) };
  }
  return null;
}
