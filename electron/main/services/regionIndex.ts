import type { Knex } from 'knex';
import { buildRegionMap, type RegionMap } from '../../../core/regions/regionMap';
import { gridNeighbours, type GridShape } from '../../../core/regions/neighbours';
import { loadStoredRegions } from '../../../db/repositories/regionRecords';

/**
 * The office's regions as geometry: the map the dashboard and the wall draw, and which grids
 * border which for the duplicate finder. Built once per version of the regions table.
 */
export interface RegionIndex {
  version: string;
  map: RegionMap;
  /** Grids with a boundary. */
  shapes: GridShape[];
  neighbours: Map<string, Set<string>>;
  /** Community id of every grid, for grids without a boundary. */
  communityOf: Map<string, string | null>;
}

/** Every region write stamps an HLC and tombstones keep their row: the newest HLC and the row count change with any edit. */
export async function regionVersion(knex: Knex): Promise<string> {
  const [row] = (await knex('regions').max({ hlc: 'hlc' }).count({ n: '*' })) as Array<{ hlc: string | null; n: number | string }>;
  return `${Number(row?.n ?? 0)}-${row?.hlc ?? '0'}`;
}

export async function buildRegionIndex(knex: Knex, version: string): Promise<RegionIndex> {
  const regions = await loadStoredRegions(knex);
  const shapes = regions.filter((r) => r.level === 'grid' && r.active && r.boundary).map((r) => ({ id: r.id, boundary: r.boundary! }));
  return {
    version,
    map: buildRegionMap(regions, version),
    shapes,
    neighbours: gridNeighbours(shapes),
    communityOf: new Map(regions.filter((r) => r.level === 'grid').map((r) => [r.id, r.parentId])),
  };
}
