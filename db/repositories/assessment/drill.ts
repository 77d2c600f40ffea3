import type { Knex } from 'knex';
import type { FactMeasure, FactSource } from '../../../core/assessment';

export interface DrillQuery {
  /** Live facts, or a published run's frozen copy. */
  runId: string | null;
  fromDay: string;
  toDay: string;
  today: string;
  sources: readonly FactSource[];
  measure: FactMeasure;
}

const SOURCE_COLUMN = { department: 'department_id', grid: 'grid_id', reporter: 'user_id', grid_self: 'grid_id' } as const;

/** The same selection core/assessment/measures.ts sums, as SQL over the facts themselves. */
function factFilter(db: Knex, q: DrillQuery): Knex.QueryBuilder {
  const table = q.runId ? 'assessment_run_facts' : 'case_facts';
  const builder = db(`${table} as f`).where('f.bucket_day', '>=', q.fromDay).where('f.bucket_day', '<', q.toDay).whereIn('f.kind', q.measure.kinds);
  if (q.runId) builder.where('f.run_id', q.runId);
  else builder.where('f.exempt', 0);
  const { outcomes, notOutcomes, measure } = q.measure;
  if (outcomes) builder.whereIn('f.outcome', outcomes);
  if (notOutcomes) builder.where((w) => w.whereNull('f.outcome').orWhereNotIn('f.outcome', notOutcomes));
  if (measure === 'settled') builder.where((w) => w.where('f.bucket_day', '<', q.today).orWhereNotNull('f.done_at'));
  if (measure === 'done') builder.whereNotNull('f.done_at');
  if (measure === 'onTime') builder.where('f.on_time', 1);
  builder.where((any) => {
    for (const source of q.sources) {
      any.orWhere((w) => {
        w.whereIn(`f.${SOURCE_COLUMN[source.dim]}`, source.ids);
        if (source.dim === 'grid') w.where('f.place', 1);
        if (source.dim === 'grid_self') w.where('f.handler', 'grid');
        if (source.kinds) w.whereIn('f.kind', source.kinds);
      });
    }
  });
  return builder;
}

export interface DrillFact {
  case_id: string;
  kind: string;
  outcome: string | null;
  due_at: number | null;
  done_at: number | null;
  on_time: number | null;
  at: number;
  weight: number;
}

/** One page of the facts behind a number, how many there are, and what they weigh together (督办数 sums weights). */
export async function drillFacts(db: Knex, q: DrillQuery, page: number, pageSize: number): Promise<{ facts: DrillFact[]; total: number; weight: number }> {
  const facts = await factFilter(db, q)
    .orderBy('f.bucket_day', 'desc')
    .orderBy('f.case_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .select('f.case_id', 'f.kind', 'f.outcome', 'f.due_at', 'f.done_at', 'f.on_time', 'f.at', 'f.weight');
  const [count] = (await factFilter(db, q).count({ n: '*' }).sum({ weight: 'f.weight' })) as Array<{ n: number | string; weight: number | string | null }>;
  return { facts: facts as DrillFact[], total: Number(count?.n ?? 0), weight: Number(count?.weight ?? 0) };
}
