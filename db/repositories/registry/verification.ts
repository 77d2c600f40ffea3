import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { RECORD_KINDS, type RecordKind } from '../../../core/registry/tags';
import type { Row, SyncedTable, WriteTx } from '../../writePath';

type Db = Knex | Knex.Transaction;

export const TABLE_OF: Record<RecordKind, SyncedTable> = { resident: 'residents', house: 'houses', component: 'city_components' };

export interface DueRow {
  kind: RecordKind;
  id: string;
  grid_id: string;
  name?: string;
  code?: string;
  building?: string;
  unit?: string;
  room?: string;
  address?: string;
  kind_of?: string;
  verify_due_at: number;
}

const DUE_COLUMNS: Record<RecordKind, string[]> = {
  resident: ['id', 'grid_id', 'name', 'building', 'unit', 'room', 'verify_due_at'],
  house: ['id', 'grid_id', 'code', 'building', 'unit', 'room', 'verify_due_at'],
  component: ['id', 'grid_id', 'code', 'address', 'kind as kind_of', 'verify_due_at'],
};

/** A grid's records due by `until`, oldest due first: each kind walks its (grid, due) index, then they merge. */
export async function dueRecords(db: Db, gridId: string, until: number, limit: number, kind?: RecordKind): Promise<DueRow[]> {
  const kinds = kind ? [kind] : RECORD_KINDS;
  const lists = await Promise.all(
    kinds.map(async (k) => {
      // Residents name their due index: the planner, without fresh statistics, took the list index and sorted the grid.
      const from = k === 'resident' ? db.raw('residents indexed by residents_due') : TABLE_OF[k];
      const rows = (await db
        .from(from)
        .where('grid_id', gridId)
        .where('verify_due_at', '<=', until)
        .where({ deleted: 0, status: 'active' })
        .select(DUE_COLUMNS[k])
        .orderBy('verify_due_at')
        .limit(limit)) as Array<Omit<DueRow, 'kind'>>;
      return rows.map((r) => ({ ...r, kind: k }));
    }),
  );
  return lists
    .flat()
    .sort((a, b) => a.verify_due_at - b.verify_due_at)
    .slice(0, limit);
}

export interface VerificationRecord {
  kind: RecordKind;
  recordId: string;
  gridId: string;
  userId: string;
  at: number;
  dueAt: number;
  outcome: 'confirmed' | 'changed' | 'moved_out';
  /** The record's next due time, or null when it moved out. */
  nextDueAt: number | null;
  patch: Row;
}

/** Writes one re-verification: its history row, and the record's new state and due time. */
export async function recordVerification(tx: WriteTx, v: VerificationRecord): Promise<void> {
  await tx.insert('register_verifications', [
    { id: uuidv7(), grid_id: v.gridId, record_kind: v.kind, record_id: v.recordId, user_id: v.userId, at: v.at, due_at: v.dueAt, outcome: v.outcome },
  ]);
  const state: Row =
    v.outcome === 'moved_out'
      ? { status: 'moved_out', verified_at: v.at, verified_by: v.userId }
      : { verified_at: v.at, verify_due_at: v.nextDueAt, verified_by: v.userId };
  await tx.update(TABLE_OF[v.kind], v.recordId, { ...v.patch, ...state });
}
