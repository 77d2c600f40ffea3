import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldCase } from '../../core/workflow/fold';
import { rowToEvent } from '../../db/repositories/caseRows';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
const SIX_MONTHS_MS = 183 * 86_400_000;

beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(async () => t.close());

describe('the demo street office', () => {
  it('has a district of 3 streets, 12 communities and 60 grids with 15-digit codes', async () => {
    const { regions } = await t.backend.reference();
    const byLevel = (level: string) => regions.filter((r) => r.level === level);
    expect(byLevel('district')).toHaveLength(1);
    expect(byLevel('street')).toHaveLength(3);
    expect(byLevel('community')).toHaveLength(12);
    expect(byLevel('grid')).toHaveLength(60);
    const byId = new Map(regions.map((r) => [r.id, r]));
    for (const grid of byLevel('grid')) {
      expect(grid.code).toMatch(/^\d{15}$/);
      const community = byId.get(grid.parentId!)!;
      expect(grid.code.startsWith(community.code)).toBe(true);
      expect(community.code.startsWith(byId.get(community.parentId!)!.code)).toBe(true);
    }
  });

  it('has 15 departments and a catalogue of at least 60 minor classes in at least 8 major classes', async () => {
    const { departments, categories } = await t.backend.reference();
    expect(departments).toHaveLength(15);
    expect(categories.length).toBeGreaterThanOrEqual(60);
    const majors = new Set(categories.map((c) => c.majorName));
    for (const major of ['市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序', '公用设施', '道路交通', '园林绿化', '矛盾纠纷', '社会治安', '民生服务', '特殊人群']) {
      expect(majors).toContain(major);
    }
    expect(categories.filter((c) => c.matterKind !== null).every((c) => !c.gridAdmissible)).toBe(true);
  });

  it('knows the statutory holidays and make-up days of 2025 to 2027', async () => {
    const calendar = await t.backend.calendar();
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // 春节
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday make-up day
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // 国庆中秋
    const years = await t.backend.knex('calendar_days').select(t.backend.knex.raw('substr(date, 1, 4) as year')).groupBy('year');
    expect(years.map((y) => y.year)).toEqual(['2025', '2026', '2027']);
  });

  it('has about 2,000 cases over the last six months in every stage', async () => {
    const now = t.backend.now();
    const [{ n, oldest }] = (await t.backend.knex('cases').count({ n: '*' }).min({ oldest: 'reported_at' })) as { n: number; oldest: number }[] as [{ n: number; oldest: number }];
    expect(Number(n)).toBeGreaterThanOrEqual(2000);
    expect(Number(n)).toBeLessThan(2100);
    expect(Number(oldest)).toBeGreaterThan(now - SIX_MONTHS_MS);
    const statuses = (await t.backend.knex('cases').distinct('status')).map((r) => r.status);
    for (const s of ['reported', 'accepted', 'filed', 'dispatched', 'handling', 'verifying', 'closing', 'callback', 'archived', 'parked', 'voided', 'merged']) {
      expect(statuses).toContain(s);
    }
  });

  it('has histories that follow the workflow: every case refolds to its row, with no superseded moves', async () => {
    const events = (await t.backend.knex('case_events').select()).map(rowToEvent);
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    const rows = await t.backend.knex('cases').join('case_states', 'case_states.id', 'cases.id').select('cases.id', 'case_states.state');
    expect(byCase.size).toBe(rows.length);
    for (const row of rows) {
      const folded = foldCase(byCase.get(row.id)!);
      expect(folded.conflict).toBe(false);
      expect(folded).toEqual(JSON.parse(row.state));
    }
  });
});

describe('the daily fact totals', () => {
  it('equal a recount of the facts they summarise', async () => {
    const knex = t.backend.knex;
    const recount = await knex.raw(`
      select day, dim, target_id, kind, outcome, sum(total) total, sum(done) done, sum(on_time) on_time, sum(weight) weight from (
        select bucket_day day, 'grid' dim, grid_id target_id, kind, coalesce(outcome, '') outcome, 1 total, done_at is not null done, coalesce(on_time, 0) on_time, weight from case_facts where exempt = 0 and place = 1
        union all select bucket_day, 'department', department_id, kind, coalesce(outcome, ''), 1, done_at is not null, coalesce(on_time, 0), weight from case_facts where exempt = 0 and department_id is not null
        union all select bucket_day, 'reporter', user_id, kind, coalesce(outcome, ''), 1, done_at is not null, coalesce(on_time, 0), weight from case_facts where exempt = 0 and user_id is not null
      ) group by day, dim, target_id, kind, outcome order by day, dim, target_id, kind, outcome`);
    const stored = await knex('fact_days').whereIn('dim', ['grid', 'department', 'reporter']).where((w) => w.whereNot('total', 0).orWhereNot('weight', 0))
      .orderBy(['day', 'dim', 'target_id', 'kind', 'outcome']).select('day', 'dim', 'target_id', 'kind', 'outcome', 'total', 'done', 'on_time', 'weight');
    expect(stored.length).toBeGreaterThan(1000);
    expect(stored).toEqual(recount);
  });
});

describe('rebuilding the derived tables from the events', () => {
  it('gives back exactly the same queue rows, states, facts and daily totals', async () => {
    const { rebuildAllProjections } = await import('../../db/repositories/rebuildProjections');
    const knex = t.backend.knex;
    const snapshot = async () => ({
      cases: await knex('cases').orderBy('id').select(),
      states: await knex('case_states').orderBy('id').select(),
      departments: await knex('case_departments').orderBy(['case_id', 'department_id']).select(),
      facts: await knex('case_facts').orderBy('id').select(),
      totals: await knex('fact_days').where((w) => w.whereNot('total', 0).orWhereNot('weight', 0)).orderBy(['day', 'dim', 'target_id', 'kind', 'outcome']).select(),
      search: await knex.raw('select cases.id, cases_fts.body from cases_fts join cases on cases.rowid = cases_fts.rowid order by cases.id'),
    });
    const before = await snapshot();
    expect(await rebuildAllProjections(t.backend.writePath)).toBe(before.cases.length);
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
