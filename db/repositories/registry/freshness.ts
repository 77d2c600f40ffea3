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
  gridId: string;
  kind: RecordKind;
  recordId: string;
  dueAt: number;
  answeredAt: number | null;
  outcome: string | null;
}

/**
 * Every instance behind the grids' numbers (the same selection as freshnessByGrid), so the list
 * adds up to it. `limit` caps each query for a screen; null reads all (freezing a published run).
 */
export async function freshnessInstances(db: Db, grids: string | readonly string[], from: number, to: number, now: number, limit: number | null = 2000): Promise<DrillInstance[]> {
  const gridIds = typeof grids === 'string' ? [grids] : grids;
  if (gridIds.length === 0) return [];
  const capped = (q: Knex.QueryBuilder) => (limit === null ? q : q.limit(limit));
  const answered = (await capped(db('register_verifications')
    .where({ deleted: 0 })
    .whereIn('grid_id', gridIds)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .select('grid_id', 'record_kind', 'record_id', 'due_at', 'at', 'outcome')
    .orderBy('due_at'))) as Array<{ grid_id: string; record_kind: RecordKind; record_id: string; due_at: number; at: number; outcome: string }>;
  const out: DrillInstance[] = answered.map((r) => ({ gridId: r.grid_id, kind: r.record_kind, recordId: r.record_id, dueAt: Number(r.due_at), answeredAt: Number(r.at), outcome: r.outcome }));
  const openUntil = Math.min(to, now);
  for (const kind of RECORD_KINDS) {
    if (openUntil <= from) break;
    const open = (await capped(db(TABLE_OF[kind])
      .where({ deleted: 0, status: 'active' })
      .whereIn('grid_id', gridIds)
      .where('verify_due_at', '>=', from)
      .where('verify_due_at', '<', openUntil)
      .select('grid_id', 'id', 'verify_due_at')
      .orderBy('verify_due_at'))) as Array<{ grid_id: string; id: string; verify_due_at: number }>;
    for (const r of open) out.push({ gridId: r.grid_id, kind, recordId: r.id, dueAt: Number(r.verify_due_at), answeredAt: null, outcome: null });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}
