import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { periodOf, type PeriodSpec } from '../../../core/assessment';
import type { RunSummary } from '../../../core/api/assessmentTypes';
import type { WriteTx } from '../../writePath';

export function periodKey(spec: PeriodSpec): string {
  switch (spec.kind) {
    case 'month':
      return `month:${spec.year}-${String(spec.month).padStart(2, '0')}`;
    case 'quarter':
      return `quarter:${spec.year}-Q${spec.quarter}`;
    case 'year':
      return `year:${spec.year}`;
    case 'custom':
      return `custom:${spec.from}~${spec.to}`;
  }
}

export interface StoredRun extends RunSummary {
  results: string;
}

const RUN_COLUMNS = ['assessment_runs.id', 'scheme_id', 'period', 'assessment_runs.status', 'computed_at', 'results', 'schemes.name as scheme_name', 'users.display_name as computed_by_name'];

function toRun(r: Record<string, unknown>): StoredRun {
  const period = JSON.parse(r.period as string) as PeriodSpec;
  return {
    id: r.id as string,
    schemeId: r.scheme_id as string,
    schemeName: (r.scheme_name as string | null) ?? '',
    period,
    periodLabel: periodOf(period).label,
    status: r.status as RunSummary['status'],
    computedAt: Number(r.computed_at),
    computedBy: (r.computed_by_name as string | null) ?? '',
    results: r.results as string,
  };
}

const runs = (db: Knex | Knex.Transaction) =>
  db('assessment_runs')
    .leftJoin('schemes', 'schemes.id', 'assessment_runs.scheme_id')
    .leftJoin('users', 'users.id', 'assessment_runs.computed_by')
    .where('assessment_runs.deleted', 0);

export async function getRun(db: Knex | Knex.Transaction, id: string): Promise<StoredRun | null> {
  const row = await runs(db).where('assessment_runs.id', id).first(RUN_COLUMNS);
  return row ? toRun(row) : null;
}

export async function listRuns(db: Knex, spec?: PeriodSpec): Promise<RunSummary[]> {
  const q = runs(db).orderBy('computed_at', 'desc').limit(100).select(RUN_COLUMNS);
  if (spec) q.where('period_key', periodKey(spec));
  return (await q).map((r) => {
    const { results: _results, ...summary } = toRun(r);
    return summary;
  });
}

export async function latestPublished(db: Knex, spec: PeriodSpec): Promise<StoredRun | null> {
  const row = await runs(db).where({ period_key: periodKey(spec), 'assessment_runs.status': 'published' }).orderBy('computed_at', 'desc').first(RUN_COLUMNS);
  return row ? toRun(row) : null;
}

export async function insertRun(tx: WriteTx, fields: { schemeId: string; period: PeriodSpec; results: unknown; by: string; at: number }): Promise<string> {
  const id = uuidv7();
  await tx.insert('assessment_runs', [{
    id,
    scheme_id: fields.schemeId,
    period_key: periodKey(fields.period),
    period: JSON.stringify(fields.period),
    status: 'draft',
    computed_at: fields.at,
    computed_by: fields.by,
    results: JSON.stringify(fields.results),
  }]);
  return id;
}

const FACT_COLUMNS = [
  'id', 'case_id', 'kind', 'outcome', 'handler', 'department_id', 'grid_id', 'community_id', 'street_id', 'user_id', 'at',
  'due_at', 'done_at', 'bucket_day', 'on_time', 'weight', 'exempt', 'place',
];

/** Publishing freezes the run: its status, and a copy of the period's facts for its drill-downs. */
export async function publishRun(tx: WriteTx, run: StoredRun): Promise<void> {
  const { fromDay, toDay } = periodOf(run.period);
  await tx.update('assessment_runs', run.id, { status: 'published' });
  await tx.trx.raw(
    `insert into assessment_run_facts (run_id, ${FACT_COLUMNS.join(', ')})
     select ?, ${FACT_COLUMNS.join(', ')} from case_facts where bucket_day >= ? and bucket_day < ? and exempt = 0`,
    [run.id, fromDay, toDay],
  );
}
