import type { Knex } from 'knex';

type RegionRow = { id: string; level?: string; parent_id?: string | null };

const MAX_DEPTH = 8;

/** Reads a region row as the batch sees it (its own writes first, then the hub's table). */
export type RegionLookup = (id: string) => Promise<RegionRow | null>;

export const storedRegion = (trx: Knex | Knex.Transaction): RegionLookup => async (id) => {
  const stored: { row: string } | undefined = await trx('hub_rows').where({ table_name: 'regions', id }).first('row');
  return stored ? (JSON.parse(stored.row) as RegionRow) : null;
};

/** Finds the street a region lies in, from the regions the hub holds; cached for one batch. */
export class StreetResolver {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly region: RegionLookup) {}

  /** The street of a region row (itself when it is a street), or null above street level. */
  async ofRegionRow(row: RegionRow): Promise<string | null> {
    if (row.level === 'street') return row.id;
    if (row.level === 'district' || !row.parent_id) return null;
    return this.ofRegion(row.parent_id);
  }

  async ofRegion(regionId: string | null | undefined): Promise<string | null> {
    if (!regionId) return null;
    if (this.cache.has(regionId)) return this.cache.get(regionId)!;
    let id: string | null = regionId;
    let street: string | null = null;
    for (let depth = 0; id && depth < MAX_DEPTH; depth++) {
      const region = await this.region(id);
      if (!region) break;
      if (region.level === 'street') {
        street = region.id;
        break;
      }
      id = region.parent_id ?? null;
    }
    this.cache.set(regionId, street);
    return street;
  }

  /** A region row written in this batch may change what lies below it. */
  forget(): void {
    this.cache.clear();
  }
}
