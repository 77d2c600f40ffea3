import type { Knex } from 'knex';
import { insertChunked } from '../db/writePath';

/** One entry of the district change log before it has its sequence. */
export interface LogEntry {
  table: string;
  rowId: string;
  op: 'insert' | 'update' | 'delete' | 'remove';
  hlc: string;
  columns: string[] | null;
  row: Record<string, unknown> | null;
  /** The row is an append-only one, stored once in hub_rows and never changed: the log refers to it. */
  rowIsImmutable?: boolean;
  origin: string | null;
  /** District nodes receive it (a history re-sent to one department is not for them). */
  forDistrict: boolean;
  /** Other receivers: 'all', 'street:<id>', 'dept:<id>'. */
  targets: string[];
}

/**
 * Takes the district sequence's row lock as the transaction's first write and returns the last
 * sequence. Every push holds it until it commits, so pushes assign sequences one after another in
 * commit order: a reader that has seen sequence n has seen everything below n (no nextval race).
 * On SQLite the same statement takes the database's write lock.
 */
export async function lockDistrictSequence(trx: Knex.Transaction): Promise<number> {
  await trx('hub_counters').where({ name: 'district_seq' }).update({ value: trx.raw('value') });
  const row = await trx('hub_counters').where({ name: 'district_seq' }).first('value');
  return Number(row.value);
}

/** Appends entries after `lastSeq` and moves the counter; call inside the transaction holding the lock. */
export async function appendToLog(trx: Knex.Transaction, lastSeq: number, entries: readonly LogEntry[], now: number): Promise<number> {
  if (entries.length === 0) return lastSeq;
  const changes = entries.map((e, i) => ({
    seq: lastSeq + 1 + i,
    table_name: e.table,
    row_id: e.rowId,
    op: e.op,
    hlc: e.hlc,
    columns: e.columns ? JSON.stringify(e.columns) : null,
    row: e.row && !e.rowIsImmutable ? JSON.stringify(e.row) : null,
    origin_node: e.origin,
    for_district: e.forDistrict ? 1 : 0,
    committed_at: now,
  }));
  const targets = entries.flatMap((e, i) => e.targets.map((target) => ({ target, seq: lastSeq + 1 + i })));
  await insertChunked(trx, 'hub_changes', changes);
  await insertChunked(trx, 'hub_change_targets', targets);
  const next = lastSeq + entries.length;
  await trx('hub_counters').where({ name: 'district_seq' }).update({ value: next });
  return next;
}

/** The last committed district sequence: every change at or below it is visible to a read started after. */
export async function committedSequence(knex: Knex): Promise<number> {
  const row = await knex('hub_counters').where({ name: 'district_seq' }).first('value');
  return Number(row?.value ?? 0);
}

export async function logFloor(knex: Knex): Promise<number> {
  const row = await knex('hub_counters').where({ name: 'log_floor' }).first('value');
  return Number(row?.value ?? 1);
}

/**
 * Drops log entries up to `throughSeq` (retention). Nodes whose cursor is older must bootstrap from a
 * snapshot. The floor only rises.
 */
export async function pruneLog(knex: Knex, throughSeq: number): Promise<number> {
  return knex.transaction(async (trx) => {
    const floor = await logFloor(trx);
    const last = await committedSequence(trx);
    const through = Math.min(throughSeq, last);
    if (through < floor) return floor;
    await trx('hub_change_targets').where('seq', '<=', through).delete();
    await trx('hub_changes').where('seq', '<=', through).delete();
    await trx('hub_counters').where({ name: 'log_floor' }).update({ value: through + 1 });
    return through + 1;
  });
}
