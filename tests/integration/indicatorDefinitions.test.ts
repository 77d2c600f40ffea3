import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, INDICATORS_FOR, TARGET_KINDS, type IndicatorId, type SchemeDefinition, type TargetKind } from '../../core/assessment';
import type { DrillResult, LedgerEntry, Scorecard, ScorecardRow, SchemeWithDefinition } from '../../core/api/assessmentTypes';
import { findUserByUsername } from '../../db/repositories/users';
import { openTestBackend, type TestBackend } from '../support/backend';
import { TestClock, cst, scriptedCase, type ScriptedStep } from '../support/scriptedCases';

/*
 * DESIGN §3's indicator definitions, one hand-written March 2026 per point. Every expected
 * number was worked out by hand from the scripts below (暴露垃圾: sign within 1 working hour,
 * handle within 4, verify within 4; office hours 8:30–12:00 and 14:00–17:30), not by the code.
 *
 * 城管 D02 — cases once each, and one meaning of "handled":
 *   A  signed 9:20 (handling due 15:20), result 9:40, failed check 10:00, reworked result 15:50, passed, closed.
 *   B  on time all through.
 *   C  result 9:40, failed check 10:00, never reworked.
 *   T  "not our duty" at 9:40, then 市政 D08 signs 9:55 and resolves it on time.
 *   P  park asked 9:30, approved 10:30.
 * 市场监管 D03 — sign on time: S1 returned in time, S2 returned late, S3 signed, S4 sent jointly with
 *   应急 D07 as lead, who returned it before D03 had to sign.
 * 民政 D04 — satisfaction: satisfied, dissatisfied (reopened), unreachable, basically satisfied.
 * 司法 D05 — one case supervised 普通, 黄牌 and 红牌.
 * 金港第二网格 (worker gw004001002) — reports: W1, W2 filed; W3 filed then merged into W1; W4 voided;
 *   hotline H1 filed, H2 voided, H3 merged into W1, H4 a 证照办理咨询 (an application, no grid duty).
 */
const clock = new TestClock(cst(3, 31, 20));
const MARCH = { kind: 'month', year: 2026, month: 3 } as const;
const GARBAGE = '暴露垃圾';
let t: TestBackend;
let schemeId = '';
const ids: Record<string, string> = {};
const tokens = new Map<string, { token: string; at: number }>();

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const cached = tokens.get(who);
  const token = cached && cached.at === clock.value ? cached.token : await t.login(who);
  tokens.set(who, { token, at: clock.value });
  const r = await t.dispatch(method, input, token);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as T;
}

async function scorecard(kind: TargetKind): Promise<ScorecardRow[]> {
  clock.value = cst(3, 31, 20);
  return (await call<Scorecard>('leader', 'assessment.scorecard', { period: MARCH, schemeId, kind })).rows;
}

async function cell(kind: TargetKind, targetId: string, indicator: IndicatorId): Promise<[number, number]> {
  const row = (await scorecard(kind)).find((r) => r.target.id === targetId)!;
  const c = row.indicators.find((i) => i.indicator === indicator)!;
  return [c.numerator, c.denominator];
}

/** Every row of one side of a fraction, all pages. */
async function drillAll(kind: TargetKind, targetId: string, indicator: IndicatorId, part: 'numerator' | 'denominator'): Promise<DrillResult> {
  clock.value = cst(3, 31, 20);
  const first = await call<DrillResult>('leader', 'assessment.drill', { period: MARCH, kind, targetId, indicator, part, page: 1, pageSize: 200 });
  const rows = [...first.rows];
  for (let page = 2; (page - 1) * 200 < first.total; page++) {
    rows.push(...(await call<DrillResult>('leader', 'assessment.drill', { period: MARCH, kind, targetId, indicator, part, page, pageSize: 200 })).rows);
  }
  return { ...first, rows };
}

const caseIdsOf = (d: DrillResult) => d.rows.map((r) => r.case.id).sort();

async function ledger(type: LedgerEntry['type']): Promise<LedgerEntry[]> {
  clock.value = cst(3, 31, 20);
  return (await call<{ rows: LedgerEntry[] }>('leader', 'ledger.list', { period: MARCH, type, pageSize: 200 })).rows;
}

/** A scheme with every indicator each kind of target can have, so the scorecard shows them all. */
function everyIndicatorScheme(): SchemeDefinition {
  const parts = {} as SchemeDefinition['parts'];
  for (const kind of TARGET_KINDS) {
    const list = INDICATORS_FOR[kind];
    const base = Math.floor(100 / list.length);
    parts[kind] = {
      indicators: list.map((indicator, k) => ({
        indicator,
        weight: base + (k < 100 - base * list.length ? 1 : 0),
        rule: INDICATORS[indicator].unit === 'count'
          ? { type: 'linear', worst: 20, best: 0 }
          : INDICATORS[indicator].better === 'higher' ? { type: 'linear', worst: 0, best: 1 } : { type: 'linear', worst: 1, best: 0 },
      })),
      adjustments: [],
    };
  }
  return { name: '全部指标（测试）', parts, bands: [{ grade: 'A', min: 90 }, { grade: 'B', min: 75 }, { grade: 'C', min: 60 }, { grade: 'D', min: 40 }] };
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0, now: clock.now });
  const ref = await t.backend.reference();
  const dept = (code: string) => ref.departments.find((d) => d.code === code)!.id;
  const grid = (code: string) => ref.regions.find((r) => r.code === code)!.id;
  Object.assign(ids, {
    d02: dept('D02'), d03: dept('D03'), d04: dept('D04'), d05: dept('D05'), d07: dept('D07'), d08: dept('D08'),
    grid1: grid('500112004001001'), grid2: grid('500112004001002'), community: grid('500112004001'), street: grid('500112004'),
    worker1: (await findUserByUsername(t.backend.knex, 'gw004001001'))!.id, worker2: (await findUserByUsername(t.backend.knex, 'gw004001002'))!.id,
  });
  clock.value = cst(3, 1, 10);
  const active = (await call<Array<{ id: string; status: string }>>('admin', 'assessment.schemes', {})).find((s) => s.status === 'active')!;
  schemeId = (await call<SchemeWithDefinition>('admin', 'assessment.saveScheme', { basedOnId: active.id, definition: everyIndicatorScheme() })).id;

  const garbage = ref.categories.find((c) => c.name === GARBAGE)!.id;
  const consultation = ref.categories.find((c) => c.name === '证照办理咨询')!.id;
  const step = (month: number, day: number, h: number, m: number, who: string, move: ScriptedStep['move']): ScriptedStep => ({ at: cst(month, day, h, m), who, move });
  const opened = (day: number, categoryId = garbage) => [
    step(3, day, 9, 5, 'dispatcher', { move: 'accept' }), step(3, day, 9, 10, 'dispatcher', { move: 'file', categoryId }),
  ];
  const dispatch = (day: number, to: string[], h = 9, m = 15) => step(3, day, h, m, 'dispatcher', { move: 'dispatch', departmentIds: to });
  const result = (day: number, h: number, m: number, who: string, r: 'resolved' | 'not_our_duty' = 'resolved') => step(3, day, h, m, who, { move: 'handle', result: r, note: '已处置' });
  const pass = (day: number, h: number, m: number) => step(3, day, h, m, 'gw004001001', { move: 'verify_pass' });
  const fail = (day: number, h: number, m: number) => step(3, day, h, m, 'gw004001001', { move: 'verify_fail', reason: '仍有残留' });
  const closeAndCall = (day: number, h: number, m: number, satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable', reopen = false) => [
    step(3, day, h, m, 'dispatcher', { move: 'close' }), step(3, day, h, m + 10, 'dispatcher', { move: 'record_callback', satisfaction, reopen }),
  ];
  const signed = (day: number, who: string, h = 9, m = 20) => step(3, day, h, m, who, { move: 'sign' });
  const play = (name: string, day: number, steps: ScriptedStep[], category = GARBAGE) => scriptedCase(t.backend, clock, category, cst(3, day, 9), steps).then((id) => (ids[name] = id));

  // 城管 D02.
  await play('A', 2, [...opened(2), dispatch(2, [ids.d02!]), signed(2, 'dept-d02'), result(2, 9, 40, 'dept-d02'), fail(2, 10, 0), result(2, 15, 50, 'dept-d02'), pass(2, 16, 0), ...closeAndCall(2, 16, 10, 'satisfied')]);
  await play('B', 3, [...opened(3), dispatch(3, [ids.d02!]), signed(3, 'dept-d02'), result(3, 9, 40, 'dept-d02'), pass(3, 10, 0), ...closeAndCall(3, 10, 10, 'satisfied')]);
  await play('C', 4, [...opened(4), dispatch(4, [ids.d02!]), signed(4, 'dept-d02'), result(4, 9, 40, 'dept-d02'), fail(4, 10, 0)]);
  await play('T', 5, [
    ...opened(5), dispatch(5, [ids.d02!]), signed(5, 'dept-d02'), result(5, 9, 40, 'dept-d02', 'not_our_duty'),
    dispatch(5, [ids.d08!], 9, 50), signed(5, 'dept-d08', 9, 55), result(5, 10, 30, 'dept-d08'), pass(5, 11, 0), ...closeAndCall(5, 11, 10, 'satisfied'),
  ]);
  await play('P', 6, [
    ...opened(6), dispatch(6, [ids.d02!]), signed(6, 'dept-d02'), step(3, 6, 9, 30, 'dept-d02', { move: 'request_park', reason: '产权不清' }),
    step(3, 6, 10, 30, 'shiftlead', { move: 'approve_park' }),
  ]);
  // 市场监管 D03, and 应急 D07 leading S4.
  await play('S1', 9, [...opened(9), dispatch(9, [ids.d03!]), step(3, 9, 9, 30, 'dept-d03', { move: 'return', reason: '非本部门职责' })]);
  await play('S2', 10, [...opened(10), dispatch(10, [ids.d03!]), step(3, 10, 11, 0, 'dept-d03', { move: 'return', reason: '非本部门职责' })]);
  await play('S3', 11, [...opened(11), dispatch(11, [ids.d03!]), signed(11, 'dept-d03'), result(11, 9, 40, 'dept-d03'), pass(11, 10, 0), ...closeAndCall(11, 10, 10, 'satisfied')]);
  await play('S4', 12, [...opened(12), dispatch(12, [ids.d07!, ids.d03!]), step(3, 12, 9, 30, 'dept-d07', { move: 'return', reason: '非本部门职责' })]);
  // 民政 D04: M3's check comes after its 15:40 deadline.
  const satisfaction = ['satisfied', 'dissatisfied', 'unreachable', 'basically_satisfied'] as const;
  for (const [k, s] of satisfaction.entries()) {
    const day = 16 + k;
    const [checkH, checkM] = s === 'unreachable' ? [16, 0] : [10, 0];
    await play(`M${k + 1}`, day, [
      ...opened(day), dispatch(day, [ids.d04!]), signed(day, 'dept-d04'), result(day, 9, 40, 'dept-d04'), pass(day, checkH, checkM),
      ...closeAndCall(day, checkH, checkM + 10, s, s === 'dissatisfied'),
    ]);
  }
  // 司法 D05: 普通, 黄牌, 红牌.
  await play('V', 20, [
    ...opened(20), dispatch(20, [ids.d05!]), signed(20, 'dept-d05'),
    step(3, 20, 10, 0, 'shiftlead', { move: 'supervise', level: 'normal', note: '请关注' }),
    step(3, 20, 10, 30, 'leader', { move: 'supervise', level: 'yellow', note: '请加快' }),
    step(3, 20, 11, 0, 'shiftlead', { move: 'supervise', level: 'red', note: '立即办理' }),
    result(20, 11, 10, 'dept-d05'), pass(20, 11, 30), ...closeAndCall(20, 11, 40, 'satisfied'),
  ]);
  // 金港第二网格: the worker's own reports and others'.
  const inGrid2 = { gridCode: '500112004001002' };
  const own = { ...inGrid2, reporter: 'gw004001002', source: 'grid_worker' as const };
  const report = (name: string, day: number, minute: number, steps: ScriptedStep[], options: typeof inGrid2, category = GARBAGE) =>
    scriptedCase(t.backend, clock, category, cst(3, day, 9, minute), steps, options).then((id) => (ids[name] = id));
  const accepted = (day: number, minute: number, categoryId = garbage) => [
    step(3, day, 9, minute + 5, 'dispatcher', { move: 'accept' }), step(3, day, 9, minute + 10, 'dispatcher', { move: 'file', categoryId }),
  ];
  await report('W1', 23, 0, accepted(23, 0), own);
  await report('W2', 23, 30, accepted(23, 30), own);
  await report('W3', 24, 0, [...accepted(24, 0), step(3, 24, 9, 20, 'dispatcher', { move: 'merge', intoCaseId: ids.W1! })], own);
  await report('W4', 24, 30, [step(3, 24, 9, 35, 'dispatcher', { move: 'void', reason: '重复上报的旧问题' })], own);
  await report('H1', 25, 0, accepted(25, 0), inGrid2);
  await report('H2', 25, 30, [step(3, 25, 9, 35, 'dispatcher', { move: 'void', reason: '来电人反映不实' })], inGrid2);
  await report('H3', 26, 0, [step(3, 26, 9, 5, 'dispatcher', { move: 'accept' }), step(3, 26, 9, 10, 'dispatcher', { move: 'merge', intoCaseId: ids.W1! })], inGrid2);
  await report('H4', 26, 30, accepted(26, 30, consultation), inGrid2, '证照办理咨询');
}, 180_000);
afterAll(async () => t?.close());

describe('cases count once each (DESIGN §3)', () => {
  it('a reworked case is one case due to handle: late when its accepted result came after its deadline', async () => {
    // Due: A, B, C, T (D02's "not our duty"), P. Handled: all but C, whose only result failed.
    expect(await cell('department', ids.d02!, 'handling_rate')).toEqual([4, 5]);
    // On time: B, T and P; A's accepted result (15:50) came after its 15:20 deadline.
    expect(await cell('department', ids.d02!, 'on_time_handling_rate')).toEqual([3, 5]);
    const due = await drillAll('department', ids.d02!, 'on_time_handling_rate', 'denominator');
    expect(caseIdsOf(due)).toEqual([ids.A, ids.B, ids.C, ids.P, ids.T].sort());
    const onTime = await drillAll('department', ids.d02!, 'on_time_handling_rate', 'numerator');
    expect(caseIdsOf(onTime)).toEqual([ids.B, ids.P, ids.T].sort());
  });

  it('charges the rework in 返工率: handled cases that failed a check at least once, over the same handled cases as 处置率', async () => {
    expect(await cell('department', ids.d02!, 'rework_rate')).toEqual([1, 4]);
    const handled = await drillAll('department', ids.d02!, 'handling_rate', 'numerator');
    const reworkBase = await drillAll('department', ids.d02!, 'rework_rate', 'denominator');
    expect(caseIdsOf(reworkBase)).toEqual(caseIdsOf(handled));
    expect(caseIdsOf(handled)).toEqual([ids.A, ids.B, ids.P, ids.T].sort());
    expect(caseIdsOf(await drillAll('department', ids.d02!, 'rework_rate', 'numerator'))).toEqual([ids.A]);
  });

  it('counts a case passed from one department to another once for its grid and street, once for each department', async () => {
    expect(await cell('department', ids.d08!, 'handling_rate')).toEqual([1, 1]);
    for (const [kind, id] of [['grid', ids.grid1], ['community', ids.community], ['street', ids.street]] as const) {
      const list = caseIdsOf(await drillAll(kind, id!, 'handling_rate', 'denominator'));
      expect(new Set(list).size, `${kind}: every case once`).toBe(list.length);
      expect(list.filter((c) => c === ids.T)).toHaveLength(1);
    }
  });

  it('judges closure by the verification deadline of the accepted result, parked cases left out of both sides', async () => {
    // A (closed 16:10, due 3 March 10:50), B; C still open; P parked; T is 市政's.
    expect(await cell('department', ids.d02!, 'closure_rate')).toEqual([2, 3]);
    expect(await cell('department', ids.d02!, 'on_time_closure_rate')).toEqual([2, 3]);
    const closure = (await drillAll('department', ids.d02!, 'on_time_closure_rate', 'numerator')).rows.find((r) => r.case.id === ids.A)!;
    expect(closure.fact.dueAt).toBe(cst(3, 3, 10, 50));
  });
});

describe('签收及时率: every dispatch once, answered by signing or returning', () => {
  it('counts a return before the sign deadline as on time, a late return as late, and a withdrawn joint dispatch as answered', async () => {
    expect(await cell('department', ids.d03!, 'sign_on_time_rate')).toEqual([3, 4]);
    expect(await cell('department', ids.d07!, 'sign_on_time_rate')).toEqual([1, 1]);
    expect(await cell('department', ids.d03!, 'return_rate')).toEqual([2, 4]);
    const late = (await drillAll('department', ids.d03!, 'sign_on_time_rate', 'denominator')).rows.filter((r) => r.fact.onTime === false);
    expect(late.map((r) => r.case.id)).toEqual([ids.S2]);
  });

  it('puts only the late return on the ledger, not the dispatch the lead department took back', async () => {
    const overdue = (await ledger('overdue')).filter((e) => e.target.id === ids.d03);
    expect(overdue.map((e) => [e.caseId, e.stage, e.detail])).toEqual([[ids.S2, 'sign', '超过签收时限约 45 分钟后退回']]);
  });
});

describe('满意率 over the callbacks that reached the resident', () => {
  it('counts the dissatisfied callback that reopened a case against the department that handled it', async () => {
    expect(await cell('department', ids.d04!, 'satisfaction_rate')).toEqual([2, 3]);
    const reached = await drillAll('department', ids.d04!, 'satisfaction_rate', 'denominator');
    expect(caseIdsOf(reached)).toEqual([ids.M1, ids.M2, ids.M4].sort());
  });
});

describe('督办数', () => {
  it('lists each supervision with its weight, adding up to the number', async () => {
    expect(await cell('department', ids.d05!, 'supervision_points')).toEqual([15, 0]);
    const list = await drillAll('department', ids.d05!, 'supervision_points', 'numerator');
    expect(list.rows.map((r) => [r.fact.outcome, r.fact.weight]).sort()).toEqual([['normal', 0], ['red', 10], ['yellow', 5]]);
    expect(list.points).toBe(15);
  });
});

describe('grid worker reports', () => {
  it('有效上报率: a report merged as a duplicate after filing counts as made, not filed', async () => {
    expect(await cell('grid_worker', ids.worker2!, 'valid_report_rate')).toEqual([2, 4]);
  });

  it('漏报率: only problems someone else reported first, filed and within the worker\'s duties', async () => {
    expect(await cell('grid_worker', ids.worker2!, 'missed_report_rate')).toEqual([1, 2]);
    expect(await cell('grid', ids.grid2!, 'missed_report_rate')).toEqual([1, 2]);
    expect(caseIdsOf(await drillAll('grid_worker', ids.worker2!, 'missed_report_rate', 'numerator'))).toEqual([ids.H1]);
  });

  it('puts only the problem the worker missed on the ledger', async () => {
    const missed = (await ledger('missed_report')).filter((e) => e.target.id === ids.worker2);
    expect(missed.map((e) => [e.caseId, e.detail])).toEqual([[ids.H1, '网格内问题由他人首先上报并已立案']]);
  });

  it('按时核查率: every verification request counts, a rework asking again', async () => {
    // A twice, B, C, T, S3, M1–M4, V: eleven requests; M3's check came after its deadline.
    expect(await cell('grid_worker', ids.worker1!, 'on_time_verification_rate')).toEqual([10, 11]);
  });
});

describe('the ledger follows the same facts', () => {
  it('has one overdue handling entry per case: A late after its rework, C never reworked', async () => {
    const overdue = (await ledger('overdue')).filter((e) => e.target.id === ids.d02 && e.stage === 'handle');
    expect(overdue.map((e) => e.caseId).sort()).toEqual([ids.A, ids.C].sort());
    expect(overdue.find((e) => e.caseId === ids.A)).toMatchObject({ dueAt: cst(3, 2, 15, 20), doneAt: cst(3, 2, 15, 50), detail: '处置超期约 30 分钟完成' });
    const reworks = (await ledger('rework')).filter((e) => e.target.id === ids.d02);
    expect(reworks.map((e) => e.caseId).sort()).toEqual([ids.A, ids.C].sort());
  });
});

describe('every number opens to a list that adds up to it', () => {
  it('for every indicator of every target with something to count', async () => {
    const mismatches: string[] = [];
    for (const kind of TARGET_KINDS) {
      for (const row of await scorecard(kind)) {
        for (const c of row.indicators) {
          if (c.numerator === 0 && c.denominator === 0) continue;
          const numerator = await drillAll(kind, row.target.id, c.indicator, 'numerator');
          const got = INDICATORS[c.indicator].unit === 'count' ? numerator.rows.reduce((s, r) => s + r.fact.weight, 0) : numerator.total;
          if (got !== c.numerator || numerator.rows.length !== numerator.total) mismatches.push(`${kind} ${row.target.name} ${c.indicator} numerator ${got} ≠ ${c.numerator}`);
          if (INDICATORS[c.indicator].unit === 'count') continue;
          const denominator = await drillAll(kind, row.target.id, c.indicator, 'denominator');
          if (denominator.total !== c.denominator) mismatches.push(`${kind} ${row.target.name} ${c.indicator} denominator ${denominator.total} ≠ ${c.denominator}`);
          const inDenominator = new Set(denominator.rows.map((r) => r.case.id));
          // 漏报率 and 延期率 divide one kind of thing by another; the rest count a part of their denominator.
          if (c.indicator === 'missed_report_rate' || c.indicator === 'extension_rate') continue;
          if (!numerator.rows.every((r) => inDenominator.has(r.case.id))) mismatches.push(`${kind} ${row.target.name} ${c.indicator}: a numerator case is not in the denominator`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
