import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry, Scorecard, ScorecardRow } from '../../core/api/assessmentTypes';
import { openTestBackend, type TestBackend } from '../support/backend';
import { TestClock, cst, scriptedCase } from '../support/scriptedCases';

/*
 * A hand-made March 2026 for two departments. Every expected number below was worked
 * out by hand from the script, not by the code under test.
 *
 * 城管 (D02): A on time all through; B handled after its first deadline but within an
 * approved extension; C signed late, failed verification twice (rework twice), third
 * handling late; D parked with approval; E sent back (wrong dispatch) and re-dispatched
 * to 市场监管 (D03). 市场监管: E on time; F handled late (overdue), later exempted.
 */
const clock = new TestClock(cst(3, 31, 20));
let t: TestBackend;
const MARCH = { kind: 'month', year: 2026, month: 3 } as const;
const dept = (row: ScorecardRow[], name: string) => row.find((r) => r.target.name === name)!;
const cell = (row: ScorecardRow, indicator: string) => row.indicators.find((i) => i.indicator === indicator)!;

/** Sessions expire as the test clock jumps across days, so each call signs in afresh. */
async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const r = await t.dispatch(method, input, await t.login(who));
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as T;
}

async function departments(): Promise<ScorecardRow[]> {
  clock.value = cst(3, 31, 20);
  return (await call<Scorecard>('leader', 'assessment.scorecard', { period: MARCH, kind: 'department' })).rows;
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0, now: clock.now });
  const ref = await t.backend.reference();
  const d02 = ref.departments.find((d) => d.code === 'D02')!.id;
  const d03 = ref.departments.find((d) => d.code === 'D03')!.id;
  const G = '暴露垃圾';
  const open = (day: number) => [
    { at: cst(3, day, 9, 5), who: 'dispatcher', move: { move: 'accept' as const } },
    { at: cst(3, day, 9, 10), who: 'dispatcher', move: { move: 'file' as const, categoryId: ref.categories.find((c) => c.name === G)!.id } },
  ];
  const finish = (day: number, satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable', hour = 11) => [
    { at: cst(3, day, hour, 0), who: 'gw004001001', move: { move: 'verify_pass' as const } },
    { at: cst(3, day, hour, 10), who: 'dispatcher', move: { move: 'close' as const } },
    { at: cst(3, day, hour, 20), who: 'dispatcher', move: { move: 'record_callback' as const, satisfaction } },
  ];
  const dispatch = (day: number, to: string, minute = 15) => ({ at: cst(3, day, 9, minute), who: 'dispatcher', move: { move: 'dispatch' as const, departmentIds: [to] } });
  const handled = (at: number, who: string) => ({ at, who, move: { move: 'handle' as const, result: 'resolved' as const, note: '已处置' } });

  // A: 城管 on time all through.
  await scriptedCase(t.backend, clock, G, cst(3, 2, 9), [...open(2), dispatch(2, d02), { at: cst(3, 2, 9, 20), who: 'dept-d02', move: { move: 'sign' } }, handled(cst(3, 2, 9, 40), 'dept-d02'), ...finish(2, 'satisfied')]);
  // B: handled two days after its 4-working-hour limit, within a 5-working-day extension.
  await scriptedCase(t.backend, clock, G, cst(3, 3, 9), [
    ...open(3), dispatch(3, d02), { at: cst(3, 3, 9, 20), who: 'dept-d02', move: { move: 'sign' } },
    { at: cst(3, 3, 9, 30), who: 'dept-d02', move: { move: 'request_extension', extra: { amount: 5, unit: 'working_days' }, reason: '需协调物业' } },
    { at: cst(3, 3, 9, 35), who: 'shiftlead', move: { move: 'approve_extension' } },
    handled(cst(3, 5, 10), 'dept-d02'), ...finish(5, 'basically_satisfied', 14),
  ]);
  // C: signed two days late; reworked twice; handled the third time on 25 March, long after its deadline.
  await scriptedCase(t.backend, clock, G, cst(3, 4, 9), [
    ...open(4), dispatch(4, d02), { at: cst(3, 6, 9), who: 'dept-d02', move: { move: 'sign' } },
    handled(cst(3, 6, 9, 10), 'dept-d02'), { at: cst(3, 6, 9, 30), who: 'gw004001001', move: { move: 'verify_fail', reason: '仍有残留' } },
    handled(cst(3, 6, 9, 40), 'dept-d02'), { at: cst(3, 6, 10), who: 'gw004001001', move: { move: 'verify_fail', reason: '仍有残留' } },
    handled(cst(3, 25, 10), 'dept-d02'), ...finish(25, 'dissatisfied'),
  ]);
  // D: parked with the shift leader's approval.
  await scriptedCase(t.backend, clock, G, cst(3, 9, 9), [
    ...open(9), dispatch(9, d02), { at: cst(3, 9, 9, 20), who: 'dept-d02', move: { move: 'sign' } },
    { at: cst(3, 9, 9, 30), who: 'dept-d02', move: { move: 'request_park', reason: '产权不清，暂无法处置' } },
    { at: cst(3, 9, 9, 50), who: 'shiftlead', move: { move: 'approve_park' } },
  ]);
  // E: 城管 sends it back; 市场监管 does it on time; the resident cannot be reached.
  await scriptedCase(t.backend, clock, G, cst(3, 10, 9), [
    ...open(10), dispatch(10, d02), { at: cst(3, 10, 9, 20), who: 'dept-d02', move: { move: 'return', reason: '非本部门职责' } },
    dispatch(10, d03, 30), { at: cst(3, 10, 9, 35), who: 'dept-d03', move: { move: 'sign' } }, handled(cst(3, 10, 9, 50), 'dept-d03'),
    ...finish(10, 'unreachable'),
  ]);
  // F: 市场监管 handles it on 20 March, days after its 4-working-hour deadline.
  await scriptedCase(t.backend, clock, G, cst(3, 11, 9), [
    ...open(11), dispatch(11, d03), { at: cst(3, 11, 9, 20), who: 'dept-d03', move: { move: 'sign' } }, handled(cst(3, 20, 10), 'dept-d03'),
    ...finish(20, 'satisfied'),
  ]);
}, 120_000);
afterAll(async () => t.close());

describe('a hand-made month of department scores', () => {
  it('counts 城管 exactly as worked out by hand', async () => {
    const row = dept(await departments(), '区城市管理局');
    const got = Object.fromEntries(row.indicators.map((i) => [i.indicator, [i.numerator, i.denominator, i.score]]));
    expect(got).toEqual({
      sign_on_time_rate: [4, 5, 64], // A, B, D signed in time, E returned in time; C signed late. 80%: 18 points short × 2.
      on_time_handling_rate: [3, 4, 60], // A, B (extended), D (park asked in time); C once, its accepted result long after 6 March 15:00.
      closure_rate: [3, 3, 100], // A, B, C closed; D parked (excluded); E closed by 市场监管.
      rework_rate: [1, 4, 60], // C failed checks (twice) among the four handled (A, B, C, D parked): 25%, 20 points over 5% × 2.
      return_rate: [1, 5, 49], // E: 20%, 17 points over 3% × 3.
      satisfaction_rate: [2, 3, 53.33], // A satisfied, B basically satisfied, C dissatisfied.
      extension_rate: [1, 5, 33.33], // linear from 30% (0) to 0% (100): 20% → 33.33.
    });
    // (64×15 + 60×25 + 100×15 + 60×10 + 49×10 + 53.33×20 + 33.33×5) / 100 = 62.83; two reworks × −0.2.
    expect(row).toMatchObject({ score: 62.43, grade: 'C', rank: 2 });
    expect(row.adjustments).toContainEqual({ source: 'rework', count: 2, points: -0.4 });
  });

  it('counts 市场监管, leaves out the unreachable callback, and ranks it first', async () => {
    const row = dept(await departments(), '区市场监督管理局');
    expect(cell(row, 'on_time_handling_rate')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, score: 10 });
    expect(cell(row, 'satisfaction_rate')).toMatchObject({ numerator: 1, denominator: 1, score: 100 });
    expect(cell(row, 'sign_on_time_rate')).toMatchObject({ numerator: 2, denominator: 2 });
    // (100×15 + 10×25 + 100×15 + 100×10 + 100×10 + 100×20 + 100×5) / 100
    expect(row).toMatchObject({ score: 77.5, grade: 'B', rank: 1 });
  });

  it('shows a department with nothing due as "—": no score, no grade, no rank', async () => {
    const row = dept(await departments(), '区民政局');
    expect(row).toMatchObject({ score: null, grade: null, rank: null });
    expect(row.indicators.every((i) => i.value === null && i.score === null)).toBe(true);
  });

  it('opens every number to the cases behind it', async () => {
    const row = dept(await departments(), '区城市管理局');
    const drill = await call<{ total: number; rows: Array<{ fact: { onTime: boolean | null } }> }>('leader', 'assessment.drill', {
      period: MARCH, kind: 'department', targetId: row.target.id, indicator: 'on_time_handling_rate', part: 'denominator',
    });
    expect(drill.total).toBe(4);
    expect(drill.rows.filter((r) => r.fact.onTime).length).toBe(3);
    const numerator = await call<{ total: number }>('leader', 'assessment.drill', {
      period: MARCH, kind: 'department', targetId: row.target.id, indicator: 'on_time_handling_rate', part: 'numerator',
    });
    expect(numerator.total).toBe(3);
  });
});

describe('publishing, the ledger and exemptions', () => {
  it('freezes a published month while a new draft moves on, and the two can be compared', async () => {
    clock.value = cst(3, 31, 20);
    const draft = await call<{ id: string }>('leader', 'assessment.compute', { period: MARCH });
    const published = await call<{ id: string; status: string }>('leader', 'assessment.publish', { id: draft.id });
    expect(published.status).toBe('published');

    // A late case for 城管 after publishing: due in March, signed in April.
    const ref = await t.backend.reference();
    await scriptedCase(t.backend, clock, '暴露垃圾', cst(3, 30, 9), [
      { at: cst(3, 30, 9, 5), who: 'dispatcher', move: { move: 'accept' } },
      { at: cst(3, 30, 9, 10), who: 'dispatcher', move: { move: 'file', categoryId: ref.categories.find((c) => c.name === '暴露垃圾')!.id } },
      { at: cst(3, 30, 9, 15), who: 'dispatcher', move: { move: 'dispatch', departmentIds: [ref.departments.find((d) => d.code === 'D02')!.id] } },
    ]);
    clock.value = cst(4, 2, 9);
    const frozen = await call<Scorecard>('leader', 'assessment.scorecard', { runId: published.id, kind: 'department' });
    expect(cell(dept(frozen.rows, '区城市管理局'), 'sign_on_time_rate')).toMatchObject({ numerator: 4, denominator: 5 });
    const frozenDrill = await call<{ total: number }>('leader', 'assessment.drill', {
      runId: published.id, kind: 'department', targetId: dept(frozen.rows, '区城市管理局').target.id, indicator: 'sign_on_time_rate', part: 'denominator',
    });
    expect(frozenDrill.total).toBe(5);

    const redraft = await call<{ id: string }>('leader', 'assessment.compute', { period: MARCH });
    const now = await call<Scorecard>('leader', 'assessment.scorecard', { runId: redraft.id, kind: 'department' });
    expect(cell(dept(now.rows, '区城市管理局'), 'sign_on_time_rate')).toMatchObject({ numerator: 4, denominator: 6 });
    const comparison = await call<{ rows: Array<{ target: { name: string }; a: number; b: number; change: number }> }>('leader', 'assessment.compare', { a: published.id, b: redraft.id, kind: 'department' });
    const d02 = comparison.rows.find((r) => r.target.name === '区城市管理局')!;
    expect(d02.a).toBe(62.43);
    expect(d02.b).toBeLessThan(62.43);
  });

  it('lets 市场监管 appeal its overdue entry and the leader exempt it; the next draft scores it 100', async () => {
    clock.value = cst(4, 2, 9);
    const list = await call<{ rows: LedgerEntry[] }>('dept-d03', 'ledger.list', { period: MARCH });
    expect(list.rows.map((e) => [e.type, e.status])).toEqual([['overdue', 'open']]);
    const entry = list.rows[0]!;
    expect(entry.target.name).toBe('区市场监督管理局');
    const appealed = await call<LedgerEntry>('dept-d03', 'ledger.appeal', { entryId: entry.id, reason: '经营户连续闭店，无法当面送达' });
    expect(appealed.status).toBe('appealed');
    // 城管 cannot see, let alone appeal, 市场监管's entry.
    expect((await t.dispatch('ledger.appeal', { entryId: entry.id, reason: '试试' }, await t.login('dept-d02'))).ok).toBe(false);
    const decided = await call<LedgerEntry>('leader', 'ledger.decide', { entryId: entry.id, decision: 'exempt', reason: '属不可抗力，予以免责' });
    expect(decided.status).toBe('exempted');
    expect(decided.history.map((h) => h.action)).toEqual(['appeal', 'exempt']);
    const row = dept(await departments(), '区市场监督管理局');
    expect(cell(row, 'on_time_handling_rate')).toMatchObject({ numerator: 1, denominator: 1, score: 100 });
    expect(row).toMatchObject({ score: 100, grade: 'A' });
  });
});
