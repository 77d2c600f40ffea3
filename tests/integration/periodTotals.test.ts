import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay, type FactSource } from '../../core/assessment';
import { PeriodTotals } from '../../db/repositories/assessment/totals';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(async () => t.close());

const DIMS: FactSource['dim'][] = ['grid', 'department', 'reporter', 'grid_self'];

/** Every target's totals, in a stable order: what a scorecard could ever read from them. */
function contents(totals: PeriodTotals) {
  return DIMS.flatMap((dim) =>
    totals
      .ids(dim)
      .sort()
      .map((id) => ({ dim, id, rows: totals.rowsFor([{ dim, ids: [id] }]).sort((a, b) => `${a.kind}|${a.outcome}`.localeCompare(`${b.kind}|${b.outcome}`)) })),
  );
}

function monthStart(day: string, back: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

describe('period totals', () => {
  it('read from the monthly totals, match the daily totals and the facts themselves, for months, quarters and the open month', async () => {
    const today = chinaDay(t.backend.now());
    const periods: Array<[string, string]> = [
      [monthStart(today, 0), monthStart(today, -1)], // this month: facts due from today on are not settled yet
      [monthStart(today, 1), monthStart(today, 0)], // last month
      [monthStart(today, 5), monthStart(today, 2)], // three whole months
      [monthStart(today, 6), monthStart(today, -1)], // everything the demo has
    ];
    for (const [from, to] of periods) {
      const months = contents(await PeriodTotals.load(t.backend.knex, from, to, today));
      expect(months.length, `${from}…${to} has totals`).toBeGreaterThan(0);
      expect(months).toEqual(contents(await PeriodTotals.loadFromDays(t.backend.knex, from, to, today)));
      expect(months).toEqual(contents(await PeriodTotals.loadFromFacts(t.backend.knex, from, to, today)));
    }
  });

  it('a range that is not whole months is summed from the days', async () => {
    const today = chinaDay(t.backend.now());
    const from = `${monthStart(today, 1).slice(0, 8)}10`;
    const range = contents(await PeriodTotals.load(t.backend.knex, from, today, today));
    expect(range.length).toBeGreaterThan(0);
    expect(range).toEqual(contents(await PeriodTotals.loadFromFacts(t.backend.knex, from, today, today)));
  });
});
