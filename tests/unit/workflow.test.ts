import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../core/workflow/decide';
import type { CaseEvent } from '../../core/workflow/events';
import { applyEvent, foldCase } from '../../core/workflow/fold';
import type { Move } from '../../core/workflow/moves';
import { initialState } from '../../core/workflow/reduce';
import { reportCase } from '../../core/workflow/report';
import type { CaseState } from '../../core/workflow/state';
import type { Actor } from '../../core/workflow/decide';
import { DEPT, GARBAGE, GRID, UNLICENSED_TRADING, actors, contextFor } from '../support/workflowWorld';

// Monday 2026-03-02 09:00 China time.
const MONDAY_9AM = Date.UTC(2026, 2, 2, 1, 0);
const HOUR = 3_600_000;

function reported(categoryId = GARBAGE.id): { state: CaseState; events: CaseEvent[] } {
  const decision = reportCase(
    {
      caseNo: '20260302-0001', source: 'grid_worker', categoryId, gridId: GRID, communityId: 'c', streetId: 's',
      address: '双龙大道128号', description: '人行道堆放垃圾', reporterName: '', reporterPhone: '', priority: 'normal', photos: [],
    },
    contextFor(actors.gridWorker, MONDAY_9AM),
  );
  if (!decision.ok) throw new Error(decision.reason);
  return { state: initialState(decision.events[0] as Extract<CaseEvent, { type: 'reported' }>), events: decision.events };
}

function play(steps: Array<[Actor, Move]>, start = reported()) {
  let { state } = start;
  const events = [...start.events];
  steps.forEach(([actor, move], i) => {
    const decision = decide(state, move, contextFor(actor, MONDAY_9AM + (i + 1) * HOUR));
    if (!decision.ok) throw new Error(`${move.move}: ${decision.reason}`);
    for (const e of decision.events) state = applyEvent(state, e).state;
    events.push(...decision.events);
  });
  return { state, events };
}

const HAPPY_PATH: Array<[Actor, Move]> = [
  [actors.dispatcher, { move: 'accept' }],
  [actors.dispatcher, { move: 'file', categoryId: GARBAGE.id }],
  [actors.dispatcher, { move: 'dispatch', departmentIds: [DEPT] }],
  [actors.staff, { move: 'sign' }],
  [actors.staff, { move: 'handle', result: 'resolved', note: '已清运' }],
  [actors.gridWorker, { move: 'verify_fail', reason: '仍有残留' }],
  [actors.staff, { move: 'handle', result: 'resolved', note: '已彻底清理' }],
  [actors.gridWorker, { move: 'verify_pass' }],
  [actors.dispatcher, { move: 'close' }],
  [actors.dispatcher, { move: 'record_callback', satisfaction: 'satisfied' }],
];

describe('the case workflow', () => {
  it('takes a report through dispatch, rework, verification, close and callback to the archive', () => {
    const { state, events } = play(HAPPY_PATH);
    expect(state.status).toBe('archived');
    expect(state.reworkCount).toBe(1);
    expect(state.satisfaction).toBe('satisfied');
    expect(events.map((e) => e.type)).toEqual([
      'reported', 'accepted', 'filed', 'dispatched', 'signed', 'handled', 'verification_failed', 'handled',
      'verification_passed', 'closed', 'callback_recorded',
    ]);
    expect(foldCase(events)).toEqual(state);
  });

  it('runs each stage against its own deadline on the working calendar', () => {
    const { state } = play(HAPPY_PATH.slice(0, 3));
    expect(state.stage).toBe('sign');
    // Dispatched Monday 12:00; 1 working hour of signing runs over lunch to 15:00.
    expect(state.stageDeadlineAt).toBe(Date.UTC(2026, 2, 2, 7, 0));
  });

  it('refuses a move the state does not allow, and says why in Chinese', () => {
    const { state } = reported();
    const decision = decide(state, { move: 'close' }, contextFor(actors.dispatcher, MONDAY_9AM));
    expect(decision).toEqual({ ok: false, reason: '案件当前状态为"待受理"，不能执行此操作' });
  });

  it('refuses a role the move is not for', () => {
    const { state } = reported();
    expect(decide(state, { move: 'accept' }, contextFor(actors.leader, MONDAY_9AM))).toEqual({ ok: false, reason: '领导不能执行"受理"' });
  });

  it('lets department staff act only on cases sent to their department', () => {
    const { state } = play(HAPPY_PATH.slice(0, 3));
    expect(decide(state, { move: 'sign' }, contextFor(actors.otherStaff, MONDAY_9AM))).toEqual({ ok: false, reason: '只能办理派遣给本部门的案件' });
  });

  it('keeps law-enforcement matters away from grid self-handling (the admission list)', () => {
    const { state } = play([
      [actors.dispatcher, { move: 'accept' }],
      [actors.dispatcher, { move: 'file', categoryId: UNLICENSED_TRADING.id }],
    ], reported(UNLICENSED_TRADING.id));
    const decision = decide(state, { move: 'assign_grid' }, contextFor(actors.dispatcher, MONDAY_9AM + 3 * HOUR));
    expect(decision).toEqual({ ok: false, reason: '「无证经营」属于行政执法事项，按《网格事项准入清单》不得交由网格处置' });
  });

  it('folds to the same case from any arrival order of the same events', () => {
    const { events, state } = play(HAPPY_PATH);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
        expect(foldCase(shuffled)).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the loser of a race as superseded and flags the case for a person', () => {
    const { state, events } = play(HAPPY_PATH.slice(0, 2));
    const ctxA = contextFor(actors.dispatcher, MONDAY_9AM + 5 * HOUR);
    const ctxB = contextFor(actors.shiftLeader, MONDAY_9AM + 5 * HOUR);
    const a = decide(state, { move: 'dispatch', departmentIds: [DEPT] }, ctxA);
    const b = decide(state, { move: 'assign_grid' }, ctxB);
    if (!a.ok || !b.ok) throw new Error('both moves are legal on their own');
    const merged = foldCase([...events, ...a.events, ...b.events]);
    expect(merged.conflict).toBe(true);
    expect(merged.supersededEventIds).toEqual([b.events[0]!.id]);
    expect(merged.status).toBe('dispatched');
    expect(foldCase([...b.events, ...events, ...a.events])).toEqual(merged);
  });
});
