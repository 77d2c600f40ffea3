import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** Why a row is in the conflict inbox. */
export type ConflictKind =
  | 'rejected' // the hub refused a pushed write (out of scope, clock drift, invalid, forbidden, conflict)
  | 'overwritten' // a newer remote write replaced a value this node had written
  | 'not_applied'; // a pulled row could not be stored here (a missing reference, a duplicate code)

export interface NewConflict {
  dedupe: string;
  kind: ConflictKind;
  table: string;
  rowId: string;
  column?: string | null;
  localValue?: unknown;
  remoteValue?: unknown;
  localHlc?: string | null;
  remoteHlc?: string | null;
  reason?: string | null;
  message: string;
}

export interface ConflictRow {
  id: number;
  at: number;
  kind: ConflictKind;
  table: string;
  rowId: string;
  column: string | null;
  localValue: string | null;
  remoteValue: string | null;
  localHlc: string | null;
  remoteHlc: string | null;
  reason: string | null;
  message: string;
  acknowledgedAt: number | null;
}

const asText = (value: unknown): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);

/** Adds entries; one already there (same dedupe key: a page applied again, an answer read again) is left alone. */
export async function addConflicts(db: Db, at: number, conflicts: readonly NewConflict[]): Promise<void> {
  for (let i = 0; i < conflicts.length; i += 200) {
    const rows = conflicts.slice(i, i + 200).map((c) => ({
      dedupe: c.dedupe.slice(0, 200),
      at,
      kind: c.kind,
      table_name: c.table,
      row_id: c.rowId,
      column_name: c.column ?? null,
      local_value: asText(c.localValue),
      remote_value: asText(c.remoteValue),
      local_hlc: c.localHlc ?? null,
      remote_hlc: c.remoteHlc ?? null,
      reason: c.reason ?? null,
      message: c.message,
    }));
    await db('sync_conflicts').insert(rows).onConflict('dedupe').ignore();
  }
}

export async function listConflicts(db: Db, options: { includeAcknowledged: boolean; limit: number }): Promise<ConflictRow[]> {
  const query = db('sync_conflicts').orderBy('id', 'desc').limit(options.limit);
  if (!options.includeAcknowledged) query.whereNull('acknowledged_at');
  const rows = await query;
  return rows.map((r) => ({
    id: Number(r.id),
    at: Number(r.at),
    kind: r.kind as ConflictKind,
    table: r.table_name,
    rowId: r.row_id,
    column: r.column_name,
    localValue: r.local_value,
    remoteValue: r.remote_value,
    localHlc: r.local_hlc,
    remoteHlc: r.remote_hlc,
    reason: r.reason,
    message: r.message,
    acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at),
  }));
}

export async function openConflictCount(db: Db): Promise<number> {
  const row = await db('sync_conflicts').whereNull('acknowledged_at').count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** Marks entries as seen by a person; returns how many were still open. */
export async function acknowledgeConflicts(db: Db, ids: readonly number[], userId: string, at: number): Promise<number> {
  return db('sync_conflicts').whereIn('id', [...ids]).whereNull('acknowledged_at').update({ acknowledged_at: at, acknowledged_by: userId });
}
