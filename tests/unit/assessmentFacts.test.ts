import { describe, expect, it } from 'vitest';
import { caseFacts, type CaseFact } from '../../core/assessment/facts';
import { decide } from '../../core/workflow/decide';
import type { CaseEvent } from '../../core/workflow/events';
import { HOUR, MONDAY_9AM, play, reported, type Played } from '../support/workflowPlay';
import { DEPT, GARBAGE, GRID, OTHER_DEPT, actors, contextFor } from '../support/workflowWorld';

const { dispatcher: D, staff: OWN, otherStaff: OTH, shiftLeader: S, gridWorker: G } = actors;
const at = (step: number) => MONDAY_9AM + step * HOUR;
const hours = (t: number | null) => (t === null ? null : (t - MONDAY_9AM) / HOUR);
const of = (facts: CaseFact[], kind: CaseFact['kind']) => facts.filter((f) => f.kind === kind);
const deadlineOf = (events: CaseEvent[], type: CaseEvent['type']) => (events.find((e) => e.type === type)!.payload as { deadlineAt: number }).deadlineAt;

/** The same history reported by the dispatcher taking a hotline call instead of the grid worker. */
const hotline = (): Played => {
  const start = reported();
  return { ...start, events: start.events.map((e) => ({ ...e, actorId: D.id, actorRole: 'dispatcher' as const })) };
};

const filed: Array<[typeof D, Parameters<typeof play>[0][number][1]]> = [[D, { move: 'accept' }], [D, { move: 'file', categoryId: GARBAGE.id }]];

describe('facts derived from a case history', () => {
  it('record each dispatch, one handling item however many results it took, each check, the rework, closure and callback', () => {
    const { events } = play([
      ...filed, // 1, 2
      [D, { move: 'dispatch', departmentIds: [OTHER_DEPT] }], // 3
      [OTH, { move: 'return', reason: '非本部门职责' }], // 4
      [D, { move: 'dispatch', departmentIds: [DEPT] }], // 5
      [OWN, { move: 'sign' }], // 6
      [OWN, { move: 'handle', result: 'resolved', note: '已清运' }], // 7
      [G, { move: 'verify_fail', reason: '仍有残留' }], // 8
      [OWN, { move: 'handle', result: 'resolved', note: '已彻底清理' }], // 9
      [G, { move: 'verify_pass' }], // 10
      [D, { move: 'close' }], // 11
      [D, { move: 'record_callback', satisfaction: 'basically_satisfied' }], // 12
    ]);
    const facts = caseFacts(events);
    expect(facts.map((f) => [f.kind, f.departmentId ?? f.handler, f.outcome, hours(f.doneAt)])).toEqual([
      ['report', null, 'filed', null],
      ['sign', OTHER_DEPT, 'returned', 4],
      ['sign', DEPT, 'signed', 6],
      ['verify', DEPT, 'failed', 8],
      ['rework', DEPT, null, null],
      ['verify', DEPT, 'passed', 10],
      ['callback', DEPT, 'basically_satisfied', null],
      // One item: its accepted result is the second, its deadline the one set at signing, not the rework's.
      ['handle', DEPT, 'handled', 9],
      ['reworked', DEPT, null, 9],
      ['close', DEPT, 'closed', 11],
    ]);
    const [handle] = of(facts, 'handle');
    expect(handle!.dueAt).toBe(deadlineOf(events, 'signed'));
    expect(handle!.dueAt).not.toBe(deadlineOf(events, 'verification_failed'));
    expect(handle!.id).toBe(`${events[0]!.caseId}:handle:0`);
    // The case is closed by the time the accepted result's check was due.
    expect(of(facts, 'close')[0]!.dueAt).toBe(of(facts, 'verify')[1]!.dueAt);
    expect(of(facts, 'report')[0]!.userId).toBe(G.id);
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const f of facts) expect([f.gridId, f.place]).toEqual([GRID, true]);
  });

  it('count a problem someone else reported as missed only once it is filed and was the grid worker\'s to find', () => {
    const missed = (steps: Parameters<typeof play>[0], matterKind: 'certificate' | null = null) =>
      caseFacts(play(steps, hotline()).events, { matterKind: () => matterKind }).filter((f) => f.kind === 'found_by_others').length;
    expect(missed(filed)).toBe(1);
    expect(missed([[D, { move: 'accept' }]])).toBe(0); // not filed yet
    expect(missed([[D, { move: 'void', reason: '反映不实' }]])).toBe(0);
    expect(missed(filed, 'certificate')).toBe(0); // an application: no grid worker could have found it
    const facts = caseFacts(play(filed, hotline()).events);
    expect(facts.map((f) => [f.kind, f.outcome, f.userId])).toEqual([['other_report', 'filed', null], ['found_by_others', null, null]]);
  });

  it('count a report merged as a duplicate after it was filed as merged, not filed', () => {
    const duplicate = play([...filed]);
    const original = play([...filed]);
    const decision = decide(duplicate.state, { move: 'merge', intoCaseId: original.state.id }, { ...contextFor(D, at(5)), target: original.state });
    if (!decision.ok) throw new Error(decision.reason);
    const facts = caseFacts([...duplicate.events, ...decision.events.filter((e) => e.caseId === duplicate.state.id)]);
    expect(facts.map((f) => [f.kind, f.outcome])).toEqual([['report', 'merged']]);
  });

  it('end a joint dispatch the lead sends back: the other department\'s open dispatch is withdrawn, on time', () => {
    const { events } = play([...filed, [D, { move: 'dispatch', departmentIds: [DEPT, OTHER_DEPT] }], [OWN, { move: 'return', reason: '非本部门职责' }]]);
    const signs = of(caseFacts(events), 'sign');
    expect(signs.map((f) => [f.departmentId, f.outcome, hours(f.doneAt)])).toEqual([[DEPT, 'returned', 4], [OTHER_DEPT, 'withdrawn', 4]]);
    expect(signs[1]!.doneAt! <= signs[1]!.dueAt!).toBe(true);
  });

  it('drop the lead\'s handling item when it sends back a joint dispatch another department had signed', () => {
    const { events } = play([...filed, [D, { move: 'dispatch', departmentIds: [DEPT, OTHER_DEPT] }], [OTH, { move: 'sign' }], [OWN, { move: 'return', reason: '非本部门职责' }]]);
    const facts = caseFacts(events);
    expect(of(facts, 'handle')).toEqual([]);
    expect(of(facts, 'close')).toEqual([]);
  });

  it('give each department its own item when a case is passed on, and its grid the last one only', () => {
    const { events } = play([
      ...filed, [D, { move: 'dispatch', departmentIds: [OTHER_DEPT] }], [OTH, { move: 'sign' }], [OTH, { move: 'handle', result: 'not_our_duty', note: '属城管职责' }],
      [D, { move: 'dispatch', departmentIds: [DEPT] }], [OWN, { move: 'sign' }], [OWN, { move: 'handle', result: 'resolved', note: '已清运' }],
    ]);
    const facts = caseFacts(events);
    expect(of(facts, 'handle').map((f) => [f.departmentId, f.outcome, f.place])).toEqual([[OTHER_DEPT, 'transferred', false], [DEPT, 'handled', true]]);
    expect(of(facts, 'close')[0]).toMatchObject({ departmentId: DEPT, place: true });
  });

  it('count the rework for the grid once the case is handled, even when another department failed the check', () => {
    const { events } = play([
      ...filed, [D, { move: 'dispatch', departmentIds: [OTHER_DEPT] }], [OTH, { move: 'sign' }], [OTH, { move: 'handle', result: 'resolved', note: '已处置' }],
      [G, { move: 'verify_fail', reason: '仍有残留' }], [OTH, { move: 'handle', result: 'not_our_duty', note: '属城管职责' }],
      [D, { move: 'dispatch', departmentIds: [DEPT] }], [OWN, { move: 'sign' }], [OWN, { move: 'handle', result: 'resolved', note: '已清运' }],
    ]);
    const reworked = of(caseFacts(events), 'reworked');
    expect(reworked.map((f) => [f.departmentId, f.place])).toEqual([[OTHER_DEPT, false], [null, true]]);
  });

  it('take an approved park as the result the department gave when it asked', () => {
    const { events } = play([
      ...filed, [D, { move: 'dispatch', departmentIds: [DEPT] }], [OWN, { move: 'sign' }],
      [OWN, { move: 'request_park', reason: '产权不清' }], // 5
      [S, { move: 'approve_park' }], // 6
    ]);
    const facts = caseFacts(events);
    expect(of(facts, 'handle').map((f) => [f.outcome, hours(f.doneAt)])).toEqual([['parked', 5]]);
    expect(of(facts, 'close').map((f) => [f.outcome, hours(f.doneAt)])).toEqual([['parked', 6]]);
  });

  it('judge a callback that reopens the case against the department that handled it', () => {
    const { events } = play([
      ...filed, [D, { move: 'dispatch', departmentIds: [DEPT] }], [OWN, { move: 'sign' }], [OWN, { move: 'handle', result: 'resolved', note: '已处置' }],
      [G, { move: 'verify_pass' }], [D, { move: 'close' }], [D, { move: 'record_callback', satisfaction: 'dissatisfied', reopen: true }],
    ]);
    const facts = caseFacts(events);
    expect(of(facts, 'callback')[0]).toMatchObject({ handler: 'department', departmentId: DEPT, outcome: 'dissatisfied' });
    expect(of(facts, 'close')[0]).toMatchObject({ outcome: null, doneAt: null });
  });

  it('count an extension and a supervision against the handler, and extend the handling item', () => {
    const { events } = play([
      ...filed, [D, { move: 'assign_grid' }],
      [G, { move: 'request_extension', extra: { amount: 1, unit: 'working_days' }, reason: '需协调' }],
      [S, { move: 'approve_extension' }],
      [S, { move: 'supervise', level: 'yellow', note: '请加快' }],
    ], hotline());
    const facts = caseFacts(events);
    expect(facts.map((f) => f.kind)).toEqual(['other_report', 'extension', 'supervision', 'handle', 'close', 'found_by_others']);
    expect(of(facts, 'supervision')[0]).toMatchObject({ handler: 'grid', weight: 5, outcome: 'yellow' });
    expect(of(facts, 'handle')[0]!.dueAt).toBe(deadlineOf(events, 'extension_approved'));
    expect(of(facts, 'close')[0]!.dueAt).toBe(deadlineOf(events, 'extension_approved'));
  });
});
