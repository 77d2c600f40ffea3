import type { Knex } from 'knex';
import type { Change, ChangeOp, PushResponse } from '../../core/sync/protocol';
import { isSqlite } from '../connection';
import { takeWriteLock, DEFAULT_BUSY_WAIT_MS } from '../writeLock';
import { entryColumns, recordManyVersions } from './columnVersions';
import { addConflicts } from './conflicts';
import { rowToWire } from './wireValues';

export const PUSH_BATCH = 500;

/**
 * The oldest outbox entries (consecutive seqs: only an acknowledged prefix is ever deleted), each with its
 * row as it stands now. A row written twice travels twice with the same current values; that is harmless,
 * the hub keeps per-column versions. A row that is gone here (it left this node's scope) travels as null.
 */
export async function readPushBatch(db: Knex, limit = PUSH_BATCH): Promise<Change[]> {
  const entries = await db('outbox').orderBy('seq').limit(limit).select();
  const ids = new Map<string, Set<string>>();
  for (const e of entries) {
    const set = ids.get(e.table_name) ?? new Set<string>();
    set.add(e.row_id);
    ids.set(e.table_name, set);
  }
  const rows = new Map<string, Record<string, unknown>>();
  for (const [table, set] of ids) {
    const list = [...set];
    for (let i = 0; i < list.length; i += 500) {
      for (const row of await db(table).whereIn('id', list.slice(i, i + 500)).select()) rows.set(`${table}:${row.id}`, rowToWire(row));
    }
  }
  return entries.map((e) => ({
    seq: Number(e.seq),
    table: e.table_name,
    op: e.op as ChangeOp,
    id: e.row_id,
    hlc: e.hlc,
    columns: e.op === 'update' && e.columns ? (JSON.parse(e.columns) as string[]) : null,
    row: rows.get(`${e.table_name}:${e.row_id}`) ?? null,
  }));
}

/**
 * Acts on the hub's answer in one transaction: the acknowledged entries leave the outbox (their columns'
 * versions are kept for per-column merging) and each refused write goes to the conflict inbox. Reading the
 * same answer twice (a retry after a lost answer) finds those entries gone and adds no entry twice.
 */
export async function applyPushAnswer(knex: Knex, batch: readonly Change[], answer: PushResponse, now: number): Promise<number> {
  return knex.transaction(async (trx) => {
    if (isSqlite(knex)) await takeWriteLock(trx, DEFAULT_BUSY_WAIT_MS);
    const rejected = new Set(answer.rejected.map((r) => r.seq));
    const acked = batch.filter((c) => c.seq <= answer.ackedThrough && !rejected.has(c.seq) && c.table !== 'case_events' && c.table !== 'audit_log');
    // Only entries still in the outbox: reading the same answer twice records nothing twice.
    const present = new Set<number>();
    for (let i = 0; i < acked.length; i += 500) {
      for (const r of await trx('outbox').whereIn('seq', acked.slice(i, i + 500).map((c) => c.seq)).select('seq')) present.add(Number(r.seq));
    }
    await recordManyVersions(
      trx,
      acked.filter((c) => present.has(c.seq)).flatMap((c) =>
        entryColumns(c.op, c.columns ? JSON.stringify(c.columns) : null).map((column) => ({ table: c.table, rowId: c.id, column, hlc: c.hlc })),
      ),
    );
    await addConflicts(
      trx,
      now,
      answer.rejected.map((r) => {
        const change = batch.find((c) => c.seq === r.seq);
        return {
          dedupe: `rejected:${r.seq}:${change?.hlc ?? r.id}`,
          kind: 'rejected' as const,
          table: r.table,
          rowId: r.id,
          localValue: change?.row ?? null,
          localHlc: change?.hlc ?? null,
          reason: r.reason,
          message: r.message,
        };
      }),
    );
    const deleted: number = await trx('outbox').where('seq', '<=', answer.ackedThrough).delete();
    return deleted;
  });
}
