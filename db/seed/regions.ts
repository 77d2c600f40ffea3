import { v7 as uuidv7 } from 'uuid';
import { roundBoundary, type RegionBoundary } from '../../core/regions/geometry';
import gridsGeoJson from '../../resources/regions/yubei-demo-grids.geo.json';
import type { WriteTx } from '../writePath';
import type { RegionsSeed } from './resources';

/** The demo grids' polygons by code: the demo office's boundaries, stored like any office's. */
const demoBoundaries = new Map(
  (gridsGeoJson as unknown as { features: Array<{ properties: { code: string }; geometry: RegionBoundary }> }).features.map((f) => [
    f.properties.code,
    JSON.stringify(roundBoundary(f.geometry)),
  ]),
);

export interface SeededGrid {
  id: string;
  code: string;
  name: string;
  communityId: string;
  streetId: string;
}

export interface SeededRegions {
  districtId: string;
  streetIdByCode: Map<string, string>;
  grids: SeededGrid[];
}

/** District → street → community → grid, parents first so the foreign keys hold. */
export async function writeRegions(tx: WriteTx, seed: RegionsSeed): Promise<SeededRegions> {
  const rows: Record<string, unknown>[] = [];
  const districtId = uuidv7();
  const row = (id: string, code: string, name: string, level: string, parentId: string | null, households: number | null = null, description = '') =>
    ({ id, code, name, level, parent_id: parentId, households, description, active: 1, boundary: demoBoundaries.get(code) ?? null });
  rows.push(row(districtId, seed.district.code, seed.district.name, 'district', null));
  const streetIdByCode = new Map<string, string>();
  const grids: SeededGrid[] = [];
  for (const street of seed.streets) {
    const streetId = uuidv7();
    streetIdByCode.set(street.code, streetId);
    rows.push(row(streetId, street.code, street.name, 'street', districtId));
    for (const community of street.communities) {
      const communityId = uuidv7();
      rows.push(row(communityId, community.code, community.name, 'community', streetId));
      for (const grid of community.grids) {
        const id = uuidv7();
        rows.push(row(id, grid.code, grid.name, 'grid', communityId, grid.households, grid.area));
        grids.push({ id, code: grid.code, name: grid.name, communityId, streetId });
      }
    }
  }
  await tx.insert('regions', rows);
  return { districtId, streetIdByCode, grids };
}
