import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueRecord, FreshnessDrillRow, FreshnessRow, ResidentRow, VerifyResult, ComponentRow, ResidentPage } from '../../core/api/registryTypes';
import { openTestBackend, type TestBackend } from '../support/backend';
import { caller, gridIdOf, testIdNumber } from '../support/registry';

process.env.GRIDDESK_PASSPHRASE = 'registry test passphrase';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
let clock = T0;
const at = (days: number) => T0 + days * DAY;

let t: TestBackend;
let api: ReturnType<typeof caller>;
let worker: string;
let admin: string;
let grid: string;

async function resident(serial: number, name: string, tags: string[]): Promise<ResidentRow> {
  return api.call<ResidentRow>('registry.saveResident', { gridId: grid, name, idNumber: testIdNumber(serial), phone: `1390000${String(serial).padStart(4, '0')}`, building: '双湖路8号', tags }, worker);
}
const verify = (kind: string, id: string, outcome: string, changes?: object) =>
  api.call<VerifyResult>('registry.verify', { kind, id, outcome, ...(changes ? { changes } : {}) }, worker);
const freshness = (from: number, to: number, by = 'grid') => api.call<FreshnessRow[]>('registry.freshness', { from, to, by }, admin);
/** Moves the clock; sessions lapse over days, so both sign in again. */
async function setDay(days: number): Promise<void> {
  clock = at(days);
  worker = await t.login('gw003001001');
  admin = await t.login('admin');
}
const gridRate = async (from: number, to: number) => (await freshness(from, to)).find((r) => r.targetId === grid)!;

/**
 * A hand-made register history in one grid (days from T0):
 *  A 独居老人 (monthly)  registered day 0 → due day 30; verified day 32 (late); next due day 62.
 *  B 低保 (monthly)      registered day 0 → due day 30; verified day 29 (on time).
 *  C 独居老人             registered day 3 → due day 33; never verified.
 *  D plain resident (yearly) registered day 0 → due day 365: outside the period.
 *  K component (90 days) registered day 0 → verified day 10 (changed): its day-90 instance answered on time.
 */
let A: ResidentRow, B: ResidentRow, C: ResidentRow, K: ComponentRow;

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 5, now: () => clock });
  api = caller(t);
  worker = await t.login('gw003001001');
  admin = await t.login('admin');
  grid = await gridIdOf(t, '500112003001001');
  A = await resident(1, '赵大爷', ['elderly_alone']);
  B = await resident(2, '钱阿姨', ['low_income']);
  await resident(4, '孙先生', []);
  K = await api.call<ComponentRow>('registry.saveComponent', { gridId: grid, code: 'MH-0001', kind: 'manhole', address: '双湖路8号门口' }, worker);
  await setDay(3);
  C = await resident(3, '李奶奶', ['elderly_alone']);
  await setDay(10);
  await verify('component', K.id, 'changed', { condition: 'damaged' });
  await setDay(29);
});
afterAll(async () => t.close());

describe('a grid worker’s due list and re-verification', () => {
  it('lists what is due within the window, overdue first, masked', async () => {
    const due = await api.call<DueRecord[]>('registry.due', { withinDays: 7 }, worker);
    expect(due.map((d) => d.id)).toEqual([A.id, B.id, C.id]);
    expect(due[0]).toMatchObject({ kind: 'resident', label: '赵**', overdue: false, address: '双湖路8号' });
    expect(await api.call<DueRecord[]>('registry.due', { withinDays: 0 }, worker)).toEqual([]);
  });

  it('re-verifies: confirmed moves the due date by the cycle, late is recorded as late', async () => {
    const b = await verify('resident', B.id, 'confirmed');
    expect(b).toMatchObject({ onTime: true, nextDueAt: at(29) + 30 * DAY });
    await setDay(32);
    const a = await verify('resident', A.id, 'changed', { phone: '13911112222', tags: ['elderly_alone', 'disabled'] });
    expect(a).toMatchObject({ onTime: false, nextDueAt: at(62) });
    const found = await api.call<ResidentPage>('registry.residents', { lookup: '13911112222' }, worker);
    expect(found.rows.map((r) => [r.name, r.tags.map((x) => x.label)])).toEqual([['赵大爷', ['独居老人', '残疾人']]]);
    expect(await api.call<DueRecord[]>('registry.due', { withinDays: 0 }, worker)).toEqual([]);
    const due = await api.call<DueRecord[]>('registry.due', { withinDays: 1 }, worker);
    expect(due.map((d) => [d.id, d.overdue])).toEqual([[C.id, false]]);
    expect((await api.refusal('registry.verify', { kind: 'resident', id: A.id, outcome: 'changed' }, worker)).message).toBe('选择「有变化」时请填写变化的内容');
  });

  it('another grid’s worker cannot re-verify here', async () => {
    const other = await t.login('gw003001002');
    expect((await api.refusal('registry.verify', { kind: 'resident', id: C.id, outcome: 'confirmed' }, other)).code).toBe('NOT_FOUND');
  });
});

describe('基础数据更新率', () => {
  it('counts due instances in the period: on time over decided, undecided ones left out', async () => {
    // Day 32: A late (answered), B on time; C due day 33 is not decided yet.
    expect(await gridRate(at(25), at(35))).toMatchObject({ onTime: 1, due: 2, rate: 0.5 });
    await setDay(34);
    // C's due passed unanswered: late.
    expect(await gridRate(at(25), at(35))).toMatchObject({ onTime: 1, due: 3 });
    // The component answered its day-90 instance on day 10; the plain resident is due next year.
    expect(await gridRate(at(85), at(95))).toMatchObject({ onTime: 1, due: 1, rate: 1 });
    expect(await gridRate(at(0), at(20))).toMatchObject({ due: 0, rate: null });
  });

  it('drills down to exactly the records behind the number', async () => {
    const rows = await api.call<FreshnessDrillRow[]>('registry.freshnessDrill', { gridId: grid, from: at(25), to: at(35) }, admin);
    expect(rows.map((r) => [r.recordId, r.state])).toEqual([[B.id, 'on_time'], [A.id, 'late'], [C.id, 'late']]);
    expect(rows[2]!.label).toMatch(/^李\*\* 5001\*+/);
    const total = await gridRate(at(25), at(35));
    expect(rows.length).toBe(total.due);
    expect(rows.filter((r) => r.state === 'on_time').length).toBe(total.onTime);
  });

  it('gives the grid worker the grid’s number, and only their own row', async () => {
    const byWorker = await freshness(at(25), at(35), 'grid_worker');
    const mine = byWorker.filter((r) => r.gridId === grid);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ onTime: 1, due: 3 });
    const own = await api.call<FreshnessRow[]>('registry.freshness', { from: at(25), to: at(35), by: 'grid_worker' }, worker);
    expect(own.map((r) => r.gridId)).toEqual([grid]);
  });

  it('a resident who moved out leaves the due list and answers their instance', async () => {
    await setDay(35);
    await verify('resident', C.id, 'moved_out');
    expect(await api.call<DueRecord[]>('registry.due', { withinDays: 90 }, worker)).not.toContainEqual(expect.objectContaining({ id: C.id }));
    expect(await gridRate(at(25), at(35))).toMatchObject({ onTime: 1, due: 3 });
    expect((await api.refusal('registry.verify', { kind: 'resident', id: C.id, outcome: 'confirmed' }, worker)).code).toBe('CONFLICT');
  });
});
