import type { Knex } from 'knex';
import { RESIDENT_COLUMNS, type StoredResident } from './residentRecords';

type Db = Knex | Knex.Transaction;

export interface ResidentFilter {
  gridId?: string;
  building?: string;
  /** Name prefix. */
  name?: string;
  /** Keyed hashes of a phone or ID number: the lookup never decrypts. */
  phoneHash?: string;
  idHash?: string;
  includeMovedOut?: boolean;
}

function filtered(db: Db, f: ResidentFilter): Knex.QueryBuilder {
  const q = db('residents');
  // Grid first, then status and deleted: the order of the list index's columns.
  if (f.gridId) q.where('grid_id', f.gridId);
  if (!f.includeMovedOut) q.where('status', 'active');
  q.where('deleted', 0);
  if (f.building) q.where('building', f.building);
  // A prefix range rather than LIKE, so the name index serves it.
  if (f.name) q.where('name', '>=', f.name).where('name', '<', `${f.name}\uffff`);
  if (f.phoneHash) q.where('phone_hash', f.phoneHash);
  if (f.idHash) q.where('id_hash', f.idHash);
  return q;
}

/** One page in address order; the index (grid, building, unit, room) ends in the rowid, so paging walks it. */
export async function listResidents(db: Db, f: ResidentFilter, page: number, pageSize: number): Promise<{ rows: StoredResident[]; total: number }> {
  const rows = (await filtered(db, f)
    .select(RESIDENT_COLUMNS)
    .orderBy([{ column: 'grid_id' }, { column: 'building' }, { column: 'unit' }, { column: 'room' }])
    .orderByRaw('rowid')
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as StoredResident[];
  const [count] = (await filtered(db, f).count({ n: '*' })) as Array<{ n: number | string }>;
  return { rows, total: Number(count?.n ?? 0) };
}

export async function householdMembers(db: Db, householdId: string): Promise<StoredResident[]> {
  return (await db('residents').where({ household_id: householdId, deleted: 0 }).select(RESIDENT_COLUMNS).orderByRaw('rowid').limit(50)) as StoredResident[];
}

/** Residents of one building in a grid, nearest match to the case's address first (same unit and room). */
export async function residentsInBuilding(db: Db, gridId: string, building: string, limit = 50): Promise<StoredResident[]> {
  return (await db('residents')
    .where({ grid_id: gridId, building, deleted: 0, status: 'active' })
    .select(RESIDENT_COLUMNS)
    .orderBy([{ column: 'unit' }, { column: 'room' }])
    .limit(limit)) as StoredResident[];
}

/** The buildings a grid's registers know, for matching a case's free-text address. */
export async function buildingsOfGrid(db: Db, gridId: string): Promise<string[]> {
  const rows = (await db('residents')
    .distinct('building')
    .where({ grid_id: gridId, deleted: 0 })
    .union((q) => q.distinct('building').from('houses').where({ grid_id: gridId, deleted: 0 }))) as Array<{ building: string }>;
  return rows.map((r) => r.building).filter((b) => b !== '');
}
