import type { Knex } from 'knex';
import {
  INDICATOR_MEASURES,
  REPORT_KINDS,
  chinaDay,
  evaluateMeasure,
  factSources,
  periodOf,
  scoreTargets,
  targetComposite,
  type FactTotals,
  type IndicatorId,
  type PeriodSpec,
  type SchemeDefinition,
} from '../../../core/assessment';
import { FUNNEL_STAGES, type FunnelStage, type GridMetric, type KeyNumbers, type RadarSeries, type RankedTarget } from '../../../core/api/dashboardTypes';
import { OPEN_STATUSES, type CaseStatus } from '../../../core/domain/case';
import { loadTargets, type AssessmentTarget } from '../../../db/repositories/assessment/targets';
import type { PeriodTotals } from '../../../db/repositories/assessment/totals';

export const monthOf = (now: number): PeriodSpec => {
  const [year, month] = chinaDay(now).split('-').map(Number) as [number, number];
  return { kind: 'month', year, month };
};

const rate = (rows: readonly FactTotals[], indicator: IndicatorId): number | null => {
  const m = INDICATOR_MEASURES[indicator];
  const denominator = m.denominator ? evaluateMeasure(m.denominator, rows) : 0;
  return denominator > 0 ? evaluateMeasure(m.numerator, rows) / denominator : null;
};

const count = async (q: Knex.QueryBuilder): Promise<number> => Number(((await q.count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n ?? 0);

/** The numbers on top of every dashboard: today, what is open, what is late, and closure on time this month. */
export async function keyNumbers(db: Knex, now: number, month: PeriodTotals, gridIds: readonly string[] | null): Promise<KeyNumbers> {
  const inGrids = (q: Knex.QueryBuilder) => (gridIds ? q.whereIn('grid_id', gridIds) : q);
  const today = chinaDay(now);
  const reportsToday = db('fact_days').where({ day: today, dim: 'grid' }).whereIn('kind', REPORT_KINDS);
  if (gridIds) reportsToday.whereIn('target_id', gridIds);
  const [sum] = (await reportsToday.sum({ n: 'total' })) as Array<{ n: number | null }>;
  // Only open cases have a stage clock; saying so lets SQLite start from the few thousand open
  // rows instead of every closed case, whose deadline_sort is the far future. An overdue stage
  // is past its 75% mark too, so the yellow ones are the warned ones less the red.
  const overdueRed = await count(inGrids(db('cases').whereIn('status', OPEN_STATUSES).where('deadline_sort', '<', now)));
  const warned = await count(inGrids(db('cases').where('stage_warn_at', '<=', now)));
  return {
    todayReports: Number(sum?.n ?? 0),
    open: await count(inGrids(db('cases').whereIn('status', OPEN_STATUSES))),
    overdueRed,
    dueSoonYellow: warned - overdueRed,
    onTimeClosureRate: rate(month.rowsFor([{ dim: 'grid', ids: gridIds ? [...gridIds] : month.ids('grid') }]), 'on_time_closure_rate'),
  };
}

export async function departmentRanking(db: Knex, scheme: SchemeDefinition, month: PeriodTotals): Promise<RankedTarget[]> {
  const targets = await loadTargets(db, 'department');
  return scoreTargets(scheme, targets.map((t) => ({ kind: 'department', id: t.id, name: t.name })), (ref) => month.rowsFor(factSources('department', targets.find((t) => t.id === ref.id)!)))
    .map((s) => ({ id: s.target.id, name: s.target.name, score: s.score, grade: s.grade, rank: s.rank }));
}

/** Each street's indicator scores under the scheme: the radar's series. */
export async function streetRadar(db: Knex, scheme: SchemeDefinition, month: PeriodTotals, streetId?: string): Promise<RadarSeries[]> {
  const streets = (await loadTargets(db, 'street')).filter((s) => !streetId || s.id === streetId);
  return streets.map((s) => ({
    id: s.id,
    name: s.name,
    values: targetComposite(scheme, 'street', month.rowsFor(factSources('street', s))).indicators.map((i) => ({ indicator: i.indicator, score: i.score })),
  }));
}

export async function gridMetrics(db: Knex, scheme: SchemeDefinition, month: PeriodTotals, now: number, grids: AssessmentTarget[]): Promise<GridMetric[]> {
  // One pass over the open cases (overdue ones are among them) instead of one per number.
  const openRows = (await db('cases')
    .whereIn('status', OPEN_STATUSES)
    .groupBy('grid_id')
    .select('grid_id')
    .count({ open: '*' })
    .select(db.raw('sum(case when deadline_sort < ? then 1 else 0 end) as overdue', [now]))) as Array<{ grid_id: string; open: number; overdue: number | null }>;
  const open = new Map(openRows.map((r) => [r.grid_id, Number(r.open)]));
  const overdue = new Map(openRows.map((r) => [r.grid_id, Number(r.overdue ?? 0)]));
  const codes = new Map((await db('regions').where('level', 'grid').select('id', 'code')).map((r) => [r.id as string, r.code as string]));
  return grids.map((g) => {
    const rows = month.rowsFor([{ dim: 'grid', ids: [g.id] }]);
    return {
      gridId: g.id,
      code: codes.get(g.id) ?? '',
      reports: evaluateMeasure({ kinds: REPORT_KINDS, measure: 'count' }, rows),
      open: open.get(g.id) ?? 0,
      overdue: overdue.get(g.id) ?? 0,
      score: targetComposite(scheme, 'grid', rows).score,
    };
  });
}

/** How far each case reported in the period got: a case counts at every stage up to the one it reached. */
const REACHED: Record<CaseStatus, number> = {
  reported: 0, verifying_report: 0, accepted: 0, voided: 0, merged: 0, filed: 1, dispatched: 2, handling: 2, parked: 3,
  verifying: 3, closing: 4, callback: 5, archived: 6,
};

export async function funnel(db: Knex, from: number, to: number, gridIds: readonly string[] | null): Promise<Array<{ stage: FunnelStage; count: number }>> {
  // Naming every status lets SQLite walk the (status, reported_at) index one status at a time: no rows, no sort.
  const q = db('cases').whereIn('status', Object.keys(REACHED)).where('reported_at', '>=', from).where('reported_at', '<', to).select('status').count({ n: '*' }).groupBy('status');
  if (gridIds) q.whereIn('grid_id', gridIds);
  const reached = new Array<number>(FUNNEL_STAGES.length).fill(0);
  for (const row of (await q) as Array<{ status: CaseStatus; n: number }>) {
    for (let k = 0; k <= REACHED[row.status]; k++) reached[k]! += Number(row.n);
  }
  return FUNNEL_STAGES.map((stage, k) => ({ stage, count: reached[k]! }));
}

/** Reports per day from the daily totals. */
export async function reportsPerDay(db: Knex, fromDay: string, toDay: string, gridIds: readonly string[] | null): Promise<Array<{ day: string; reports: number }>> {
  const q = db('fact_days').where({ dim: 'grid' }).whereIn('kind', REPORT_KINDS).where('day', '>=', fromDay).where('day', '<', toDay).select('day').sum({ n: 'total' }).groupBy('day').orderBy('day');
  if (gridIds) q.whereIn('target_id', gridIds);
  return ((await q) as Array<{ day: string; n: number }>).map((r) => ({ day: r.day, reports: Number(r.n) }));
}

export const periodBounds = (spec: PeriodSpec) => {
  const p = periodOf(spec);
  return { ...p, from: Date.parse(`${p.fromDay}T00:00:00+08:00`), to: Date.parse(`${p.toDay}T00:00:00+08:00`) };
};

