import type { Knex } from 'knex';
import type { FactSource, FactTotals } from '../../../core/assessment';
import type { FactKind } from '../../../core/assessment';

type Row = FactTotals & { dim: string; target_id: string };

/** A period's daily totals, summed per target: a few thousand rows, whatever the case count. */
export class PeriodTotals {
  private readonly byKey = new Map<string, FactTotals[]>();

  private constructor(rows: readonly Row[]) {
    for (const r of rows) {
      const key = `${r.dim}|${r.target_id}`;
      const list = this.byKey.get(key) ?? [];
      list.push({ kind: r.kind, outcome: r.outcome || null, settled: Number(r.settled), done: Number(r.done), onTime: Number(r.onTime), count: Number(r.count), weight: Number(r.weight) });
      this.byKey.set(key, list);
    }
  }

  /**
   * A fact due in the period is judged once it is done or its day has passed: an open
   * stage due today or later has not failed yet (see core/assessment/measures.ts).
   * Whole months (months, quarters, years) are read from the monthly totals, with the days
   * from today on read again to tell what is not settled yet; other ranges sum the days.
   */
  static async load(db: Knex | Knex.Transaction, fromDay: string, toDay: string, today: string): Promise<PeriodTotals> {
    if (!fromDay.endsWith('-01') || !toDay.endsWith('-01')) return PeriodTotals.loadFromDays(db, fromDay, toDay, today);
    const months = (await db('fact_months')
      .where('month', '>=', fromDay.slice(0, 7))
      .where('month', '<', toDay.slice(0, 7))
      .groupBy('dim', 'target_id', 'kind', 'outcome')
      .select('dim', 'target_id', 'kind', 'outcome')
      .sum({ done: 'done', onTime: 'on_time', count: 'total', weight: 'weight' })) as Row[];
    const openFrom = today > fromDay ? today : fromDay;
    const unsettled = new Map<string, number>();
    if (openFrom < toDay) {
      const rows = (await db('fact_days')
        .where('day', '>=', openFrom)
        .where('day', '<', toDay)
        .groupBy('dim', 'target_id', 'kind', 'outcome')
        .select('dim', 'target_id', 'kind', 'outcome')
        .select(db.raw('sum(total - done) as n'))) as Array<Row & { n: number }>;
      for (const r of rows) unsettled.set(`${r.dim}|${r.target_id}|${r.kind}|${r.outcome}`, Number(r.n));
    }
    return new PeriodTotals(months.map((r) => ({ ...r, settled: Number(r.count) - (unsettled.get(`${r.dim}|${r.target_id}|${r.kind}|${r.outcome}`) ?? 0) })));
  }

  /** The same from the daily totals alone: any range of days. */
  static async loadFromDays(db: Knex | Knex.Transaction, fromDay: string, toDay: string, today: string): Promise<PeriodTotals> {
    const rows = await db('fact_days')
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .groupBy('dim', 'target_id', 'kind', 'outcome')
      .select('dim', 'target_id', 'kind', 'outcome')
      .select(db.raw('sum(case when day < ? then total else done end) as settled', [today]))
      .sum({ done: 'done', onTime: 'on_time', count: 'total', weight: 'weight' });
    return new PeriodTotals(rows as Row[]);
  }

  /**
   * The same totals counted straight from the facts instead of the daily rollup: what the
   * rollup saves, for benchmarks and checks.
   */
  static async loadFromFacts(db: Knex | Knex.Transaction, fromDay: string, toDay: string, today: string): Promise<PeriodTotals> {
    const parts = [
      ['grid', 'grid_id', 'and place = 1'],
      ['department', 'department_id', 'and department_id is not null'],
      ['reporter', 'user_id', 'and user_id is not null'],
      ['grid_self', 'grid_id', "and handler = 'grid'"],
    ].map(([dim, column, extra]) => `
      select '${dim}' as dim, ${column} as target_id, kind, coalesce(outcome, '') as outcome,
        sum(case when bucket_day < :today or done_at is not null then 1 else 0 end) as settled,
        sum(case when done_at is not null then 1 else 0 end) as done, sum(coalesce(on_time, 0)) as onTime,
        count(*) as count, sum(weight) as weight
      from case_facts where bucket_day >= :fromDay and bucket_day < :toDay and exempt = 0 ${extra}
      group by ${column}, kind, outcome`);
    const rows = await db.raw(parts.join(' union all '), { today, fromDay, toDay });
    return new PeriodTotals((Array.isArray(rows) ? rows : rows.rows) as Row[]);
  }

  /** Adds a row from outside the case facts (基础数据更新率's per-grid totals) to one target. */
  include(dim: FactSource['dim'], id: string, row: FactTotals): void {
    const key = `${dim}|${id}`;
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), row]);
  }

  /** Every target of a dimension that has totals in the period. */
  ids(dim: FactSource['dim']): string[] {
    return [...this.byKey.keys()].filter((k) => k.startsWith(`${dim}|`)).map((k) => k.slice(dim.length + 1));
  }

  /** The totals of every source, merged (a street is the sum of its grids). */
  rowsFor(sources: readonly FactSource[]): FactTotals[] {
    const merged = new Map<string, FactTotals>();
    for (const source of sources) {
      for (const id of source.ids) {
        for (const row of this.byKey.get(`${source.dim}|${id}`) ?? []) {
          if (source.kinds && !source.kinds.includes(row.kind as FactKind)) continue;
          const key = `${row.kind}|${row.outcome ?? ''}`;
          const m = merged.get(key);
          if (!m) merged.set(key, { ...row });
          else for (const f of ['settled', 'done', 'onTime', 'count', 'weight'] as const) m[f] += row[f];
        }
      }
    }
    return [...merged.values()];
  }
}
