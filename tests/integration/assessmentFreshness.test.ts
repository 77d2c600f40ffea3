import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, type SchemeDefinition, type TargetKind } from '../../core/assessment';
import type { DashboardData } from '../../core/api/dashboardTypes';
import type { DrillResult, RunSummary, Scorecard, ScorecardRow, SchemeWithDefinition } from '../../core/api/assessmentTypes';
import type { FreshnessRow, ResidentRow } from '../../core/api/registryTypes';
import { findUserByUsername } from '../../db/repositories/users';
import { openTestBackend, type TestBackend } from '../support/backend';
import { caller, gridIdOf, testIdNumber } from '../support/registry';

process.env.GRIDDESK_PASSPHRASE = 'registry test passphrase';

/*
 * 基础数据更新率 as a scorecard indicator, against a hand-made register history in one grid
 * (days from T0 = 2 March 2026 09:00 China time; the period is April 2026, from day 30 to day 60):
 *  A 独居老人 (monthly) registered day 0 → due day 30 (1 April); verified day 32: late.
 *  B 低保 (monthly)     registered day 0 → due day 30; verified day 29: on time (in April's count,
 *                       its instance is April's). Next due day 59 (30 April): not decided on day 45.
 *  C 独居老人           registered day 3 → due day 33; never verified: late once passed.
 *  D plain resident (yearly): due next year, not in April.
 * On day 45 April is 1 on time / 3 due. Worked out by hand, not by the code.
 */
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const at = (days: number) => T0 + days * DAY;
const APRIL = { kind: 'month', year: 2026, month: 4 } as const;
const APRIL_FROM = Date.UTC(2026, 2, 31, 16); // 1 April 00:00 China time
const APRIL_TO = Date.UTC(2026, 3, 30, 16);
let clock = T0;

let t: TestBackend;
let api: ReturnType<typeof caller>;
let grid = '';
let workerId = '';
let schemeId = '';
let A: ResidentRow, B: ResidentRow, C: ResidentRow;
const who = (username: string) => t.login(username);

/** The default scheme, with 基础数据更新率 weighed for grid workers (30) and as a grid leader's only indicator. */
function freshnessScheme(): SchemeDefinition {
  const parts = structuredClone(DEFAULT_SCHEME.parts);
  parts.grid_worker.indicators = [
    { indicator: 'valid_report_rate', weight: 30, rule: { type: 'target', target: 0.9, pointsPerPoint: 2 } },
    { indicator: 'missed_report_rate', weight: 20, rule: { type: 'linear', worst: 1, best: 0 } },
    { indicator: 'on_time_verification_rate', weight: 20, rule: { type: 'target', target: 0.95, pointsPerPoint: 2 } },
    { indicator: 'base_data_update_rate', weight: 30, rule: { type: 'linear', worst: 0, best: 1 } },
  ];
  parts.grid.indicators = [{ indicator: 'base_data_update_rate', weight: 100, rule: { type: 'target', target: 0.95, pointsPerPoint: 1 } }];
  parts.grid.adjustments = [];
  return { ...DEFAULT_SCHEME, name: '含基础数据更新率（测试）', parts };
}

async function setDay(days: number): Promise<void> {
  clock = at(days);
}
async function resident(serial: number, name: string, tags: string[]): Promise<ResidentRow> {
  return api.call<ResidentRow>('registry.saveResident', { gridId: grid, name, idNumber: testIdNumber(serial), phone: `1390000${String(serial).padStart(4, '0')}`, building: '双湖路8号', tags }, await who('gw003001001'));
}
const verify = async (id: string) => api.call('registry.verify', { kind: 'resident', id, outcome: 'confirmed' }, await who('gw003001001'));

async function row(kind: TargetKind, targetId: string, runId?: string): Promise<ScorecardRow> {
  const input = runId ? { runId, kind } : { period: APRIL, schemeId, kind };
  return (await api.call<Scorecard>('assessment.scorecard', input, await who('leader'))).rows.find((r) => r.target.id === targetId)!;
}
const cell = (r: ScorecardRow) => r.indicators.find((i) => i.indicator === 'base_data_update_rate')!;

async function drill(kind: TargetKind, targetId: string, part: 'numerator' | 'denominator', runId?: string): Promise<DrillResult> {
  const base = runId ? { runId } : { period: APRIL };
  const first = await api.call<DrillResult>('assessment.drill', { ...base, kind, targetId, indicator: 'base_data_update_rate', part, page: 1, pageSize: 2 }, await who('leader'));
  const records = [...(first.records ?? [])];
  for (let page = 2; (page - 1) * 2 < first.total; page++) {
    records.push(...((await api.call<DrillResult>('assessment.drill', { ...base, kind, targetId, indicator: 'base_data_update_rate', part, page, pageSize: 2 }, await who('leader'))).records ?? []));
  }
  return { ...first, records };
}
const recordIds = (d: DrillResult) => (d.records ?? []).map((r) => r.recordId).sort();

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0, now: () => clock });
  api = caller(t);
  grid = await gridIdOf(t, '500112003001001');
  workerId = (await findUserByUsername(t.backend.knex, 'gw003001001'))!.id;
  const active = (await api.call<Array<{ id: string; status: string }>>('assessment.schemes', {}, await who('admin'))).find((s) => s.status === 'active')!;
  schemeId = (await api.call<SchemeWithDefinition>('assessment.saveScheme', { basedOnId: active.id, definition: freshnessScheme() }, await who('admin'))).id;
  A = await resident(1, '赵大爷', ['elderly_alone']);
  B = await resident(2, '钱阿姨', ['low_income']);
  await resident(4, '孙先生', []);
  await setDay(3);
  C = await resident(3, '李奶奶', ['elderly_alone']);
  await setDay(29);
  await verify(B.id);
  await setDay(32);
  await verify(A.id);
  await setDay(45);
});
afterAll(async () => t.close());

describe('基础数据更新率 in the scorecard', () => {
  it('equals the registry’s own freshness, for the grid worker and the grid', async () => {
    const registry = (await api.call<FreshnessRow[]>('registry.freshness', { from: APRIL_FROM, to: APRIL_TO, by: 'grid' }, await who('admin'))).find((r) => r.gridId === grid)!;
    expect(registry).toMatchObject({ onTime: 1, due: 3 });
    for (const [kind, id] of [['grid_worker', workerId], ['grid', grid]] as const) {
      expect(cell(await row(kind, id))).toMatchObject({ numerator: registry.onTime, denominator: registry.due, value: 0.3333 });
    }
  });

  it('is scored under the scheme’s rule and weighted into the score', async () => {
    // Grid leader: the only indicator, target 95 % less 1 point per point short: 100 − (95 − 33.33) = 38.33.
    const leader = await row('grid', grid);
    expect(cell(leader).score).toBeCloseTo(38.33, 2);
    expect(leader.score).toBeCloseTo(38.33, 2);
    // Grid worker: linear 0..1 gives 33.33 points at weight 30; nothing else was due, so it is the whole score.
    const worker = await row('grid_worker', workerId);
    expect(cell(worker)).toMatchObject({ weight: 30 });
    expect(cell(worker).score).toBeCloseTo(33.33, 2);
    expect(worker.score).toBeCloseTo(33.33, 2);
  });

  it('drills down to exactly the records behind the number, over pages', async () => {
    const denominator = await drill('grid_worker', workerId, 'denominator');
    const numerator = await drill('grid_worker', workerId, 'numerator');
    expect(recordIds(denominator)).toEqual([A.id, B.id, C.id].sort());
    expect(denominator.total).toBe(3);
    expect(recordIds(numerator)).toEqual([B.id]);
    expect(numerator.records!.map((r) => r.state)).toEqual(['on_time']);
    expect(denominator.records!.find((r) => r.recordId === C.id)).toMatchObject({ state: 'late', answeredAt: null });
    expect(denominator.records!.find((r) => r.recordId === C.id)!.label).toMatch(/^李\*\* /);
    expect(denominator.rows).toEqual([]);
    expect(recordIds(await drill('grid', grid, 'denominator'))).toEqual(recordIds(denominator));
  });

  it('freezes in a published run: later re-verifications change the live number, not the run', async () => {
    const draft = await api.call<RunSummary>('assessment.compute', { schemeId, period: APRIL }, await who('leader'));
    const published = await api.call<RunSummary>('assessment.publish', { id: draft.id }, await who('leader'));
    await setDay(46);
    await verify(B.id); // B's second April instance (due day 59) answered on time
    await verify(C.id); // C answered, late
    expect(cell(await row('grid_worker', workerId))).toMatchObject({ numerator: 2, denominator: 4 });
    const frozen = cell(await row('grid_worker', workerId, published.id));
    expect(frozen).toMatchObject({ numerator: 1, denominator: 3 });
    const frozenList = await drill('grid_worker', workerId, 'denominator', published.id);
    expect(recordIds(frozenList)).toEqual([A.id, B.id, C.id].sort());
    expect(frozenList.records!.find((r) => r.recordId === C.id)).toMatchObject({ state: 'late', answeredAt: null });
    expect(recordIds(await drill('grid_worker', workerId, 'numerator', published.id))).toEqual([B.id]);
  });

  it('gives the dashboard’s grid the scorecard’s score once the scheme is active', async () => {
    await api.call('assessment.activateScheme', { id: schemeId }, await who('admin'));
    const dashboard = await api.call<DashboardData>('dashboard.data', { period: APRIL }, await who('leader'));
    const leader = await row('grid', grid);
    // Live on day 46: 2 on time of 4 due, so 100 − (95 − 50) = 55.
    expect(leader.score).toBe(55);
    expect(dashboard.grids.find((g) => g.gridId === grid)!.score).toBe(leader.score);
  });
});
