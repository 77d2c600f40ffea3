import { describe, expect, it } from 'vitest';
import { caseFacts } from '../../core/assessment/facts';
import { HOUR, MONDAY_9AM, play, reported } from '../support/workflowPlay';
import { DEPT, GARBAGE, GRID, OTHER_DEPT, actors } from '../support/workflowWorld';

const { dispatcher: D, staff: OWN, otherStaff: OTH, shiftLeader: S, gridWorker: G } = actors;
const at = (step: number) => MONDAY_9AM + step * HOUR;

describe('facts derived from a case history', () => {
  it('record each dispatch, handling, verification, rework, closure and callback with their deadlines', () => {
    const { events } = play([
      [D, { move: 'accept' }], // 1
      [D, { move: 'file', categoryId: GARBAGE.id }], // 2
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
    const summary = facts.map((f) => [f.kind, f.departmentId ?? f.handler, f.outcome, f.doneAt === null ? null : (f.doneAt - MONDAY_9AM) / HOUR]);
    expect(summary).toEqual([
      ['report', null, 'filed', null],
      ['sign', OTHER_DEPT, 'returned', 4],
      ['sign', DEPT, 'signed', 6],
      ['handle', DEPT, 'handled', 7],
      ['close', DEPT, 'closed', 11],
      ['verify', DEPT, 'failed', 8],
      ['rework', DEPT, null, null],
      ['handle', DEPT, 'handled', 9],
      ['verify', DEPT, 'passed', 10],
      ['callback', DEPT, 'basically_satisfied', null],
    ]);
    // The report came from the grid worker of the grid, so nobody else "found" it.
    expect(facts.find((f) => f.kind === 'report')!.userId).toBe(G.id);
    expect(facts.some((f) => f.kind === 'found_by_others')).toBe(false);
    // Each sign fact is due one working hour after its dispatch: 12:00 + 1 h runs to 15:00 (lunch).
    expect(facts.find((f) => f.kind === 'sign')!.dueAt).toBe(at(6));
    // The closure is due when the last verification was due.
    const lastVerify = facts.filter((f) => f.kind === 'verify').at(-1)!;
    expect(facts.find((f) => f.kind === 'close')!.dueAt).toBe(lastVerify.dueAt);
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const f of facts) expect(f.gridId).toBe(GRID);
  });

  it('count a hotline report as found by others, and an extension and supervision against the handler', () => {
    const start = reported();
    const hotline = { ...start, events: start.events.map((e) => ({ ...e, actorId: D.id, actorRole: 'dispatcher' as const })) };
    const { events } = play([
      [D, { move: 'accept' }],
      [D, { move: 'file', categoryId: GARBAGE.id }],
      [D, { move: 'assign_grid' }],
      [G, { move: 'request_extension', extra: { amount: 1, unit: 'working_days' }, reason: '需协调' }],
      [S, { move: 'approve_extension' }],
      [S, { move: 'supervise', level: 'yellow', note: '请加快' }],
    ], hotline);
    const facts = caseFacts(events);
    expect(facts.map((f) => f.kind)).toEqual(['report', 'found_by_others', 'handle', 'close', 'extension', 'supervision']);
    expect(facts.find((f) => f.kind === 'report')!.userId).toBeNull();
    expect(facts.find((f) => f.kind === 'supervision')).toMatchObject({ handler: 'grid', weight: 5, outcome: 'yellow' });
    const handle = facts.find((f) => f.kind === 'handle')!;
    expect(handle.dueAt).toBe(facts.find((f) => f.kind === 'close')!.dueAt);
  });
});
