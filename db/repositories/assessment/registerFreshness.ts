import type { Knex } from 'knex';
import type { FactTotals } from '../../../core/assessment';
import { instanceState } from '../../../core/registry/freshness';
import type { RecordKind } from '../../../core/registry/tags';
import { freshnessByGrid, freshnessInstances, type DrillInstance } from '../registry/freshness';
import type { PeriodTotals } from './totals';

type Db = Knex | Knex.Transaction;

/** The instant a China-time day ('YYYY-MM-DD') begins: periods are days, the registers keep instants. */
export const chinaDayStart = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

async function gridIds(db: Db): Promise<string[]> {
  return ((await db('regions').where({ level: 'grid', deleted: 0 }).select('id')) as Array<{ id: string }>).map((r) => r.id);
}

/**
 * 基础数据更新率 joins the period's totals as one 'register_verify' row per grid, counted by the
 * registry's own SQL (db/repositories/registry/freshness.ts): decided instances are settled,
 * on-time ones onTime. Grid workers and grids read it through the 'grid' dimension.
 */
export async function addRegisterFreshness(db: Db, totals: PeriodTotals, fromDay: string, toDay: string, now: number): Promise<void> {
  const byGrid = await freshnessByGrid(db, await gridIds(db), chinaDayStart(fromDay), chinaDayStart(toDay), now);
  for (const t of byGrid.values()) {
    if (t.due === 0) continue;
    const row: FactTotals = { kind: 'register_verify', outcome: null, settled: t.due, done: t.due, onTime: t.onTime, count: t.due, weight: 0 };
    totals.include('grid', t.gridId, row);
  }
}

/** Publishing copies the period's decided instances into the run, so its number and list never move. */
export async function freezeRegisterFreshness(trx: Knex.Transaction, runId: string, fromDay: string, toDay: string, now: number): Promise<void> {
  const instances = await freshnessInstances(trx, await gridIds(trx), chinaDayStart(fromDay), chinaDayStart(toDay), now, null);
  const rows = instances.flatMap((i) => {
    const state = instanceState(i, now);
    if (state === 'undecided') return [];
    return [{ run_id: runId, grid_id: i.gridId, record_kind: i.kind, record_id: i.recordId, due_at: i.dueAt, answered_at: i.answeredAt, outcome: i.outcome, on_time: state === 'on_time' ? 1 : 0 }];
  });
  for (let i = 0; i < rows.length; i += 100) await trx('assessment_run_register_instances').insert(rows.slice(i, i + 100));
}

/**
 * The decided instances behind a target's number: a published run's frozen copy, or live as of now.
 * `onTimeOnly` gives the numerator's list, otherwise the denominator's.
 */
export async function registerInstancesFor(db: Db, q: { runId: string | null; grids: readonly string[]; fromDay: string; toDay: string; now: number; onTimeOnly: boolean }): Promise<DrillInstance[]> {
  if (q.runId) {
    const builder = db('assessment_run_register_instances').where('run_id', q.runId).whereIn('grid_id', q.grids).orderBy('due_at');
    if (q.onTimeOnly) builder.where('on_time', 1);
    const rows = (await builder.select('grid_id', 'record_kind', 'record_id', 'due_at', 'answered_at', 'outcome')) as Array<{ grid_id: string; record_kind: RecordKind; record_id: string; due_at: number; answered_at: number | null; outcome: string | null }>;
    return rows.map((r) => ({ gridId: r.grid_id, kind: r.record_kind, recordId: r.record_id, dueAt: Number(r.due_at), answeredAt: r.answered_at === null ? null : Number(r.answered_at), outcome: r.outcome }));
  }
  const live = await freshnessInstances(db, q.grids, chinaDayStart(q.fromDay), chinaDayStart(q.toDay), q.now, null);
  return live.filter((i) => {
    const state = instanceState(i, q.now);
    return q.onTimeOnly ? state === 'on_time' : state !== 'undecided';
  });
}
