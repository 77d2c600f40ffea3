import type { Knex } from 'knex';
import { RECORD_KINDS, type RecordKind } from '../../../core/registry/tags';
import { TABLE_OF } from './verification';

type Db = Knex | Knex.Transaction;

export interface GridFreshness {
  gridId: string;
  onTime: number;
  due: number;
}

/**
 * The counts of `core/registry/freshness.ts`, in SQL. Answered instances are the verification
 * history rows whose due time fell in [from, to); open ones are records still unverified whose
 * due time fell in [from, min(to, now)) (due and passed, so late). Records are read through
 * their (grid, due) index, one probe per grid.
 */
export async function freshnessByGrid(db: Db, gridIds: readonly string[], from: number, to: number, now: number): Promise<Map<string, GridFreshness>> {
  const totals = new Map<string, GridFreshness>(gridIds.map((g) => [g, { gridId: g, onTime: 0, due: 0 }]));
  if (gridIds.length === 0) return totals;
  const answered = (await db('register_verifications')
    .where('deleted', 0)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .whereIn('grid_id', gridIds)
    .groupBy('grid_id')
    .select('grid_id')
    .count({ due: '*' })
    .sum({ on_time: db.raw('case when at <= due_at then 1 else 0 end') })) as Array<{ grid_id: string; due: number | string; on_time: number | string }>;
  for (const r of answered) {
    const t = totals.get(r.grid_id)!;
    t.due += Number(r.due);
    t.onTime += Number(r.on_time ?? 0);
  }
  const openUntil = Math.min(to, now);
  if (openUntil > from) {
    for (const kind of RECORD_KINDS) {
      const open = (await db(TABLE_OF[kind])
        .whereIn('grid_id', gridIds)
        .where('verify_due_at', '>=', from)
        .where('verify_due_at', '<', openUntil)
        .where({ deleted: 0, status: 'active' })
        .groupBy('grid_id')
        .select('grid_id')
        .count({ n: '*' })) as Array<{ grid_id: string; n: number | string }>;
      for (const r of open) totals.get(r.grid_id)!.due += Number(r.n);
    }
  }
  return totals;
}

export interface DrillInstance {
  kind: RecordKind;
  recordId: string;
  dueAt: number;
  answeredAt: number | null;
  outcome: string | null;
}

/** Every decided instance behind one grid's number, so the list adds up to it. */
export async function freshnessInstances(db: Db, gridId: string, from: number, to: number, now: number, limit = 2000): Promise<DrillInstance[]> {
  const answered = (await db('register_verifications')
    .where({ deleted: 0, grid_id: gridId })
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .select('record_kind', 'record_id', 'due_at', 'at', 'outcome')
    .orderBy('due_at')
    .limit(limit)) as Array<{ record_kind: RecordKind; record_id: string; due_at: number; at: number; outcome: string }>;
  const out: DrillInstance[] = answered.map((r) => ({ kind: r.record_kind, recordId: r.record_id, dueAt: Number(r.due_at), answeredAt: Number(r.at), outcome: r.outcome }));
  const openUntil = Math.min(to, now);
  for (const kind of RECORD_KINDS) {
    if (openUntil <= from) break;
    const open = (await db(TABLE_OF[kind])
      .where({ grid_id: gridId, deleted: 0, status: 'active' })
      .where('verify_due_at', '>=', from)
      .where('verify_due_at', '<', openUntil)
      .select('id', 'verify_due_at')
      .orderBy('verify_due_at')
      .limit(limit)) as Array<{ id: string; verify_due_at: number }>;
    for (const r of open) out.push({ kind, recordId: r.id, dueAt: Number(r.verify_due_at), answeredAt: null, outcome: null });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}
