import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES, STAGE_OF_STATUS } from '../../core/domain/case';
import { availableMoves } from '../../core/workflow/availability';
import { decide, type Actor } from '../../core/workflow/decide';
import type { CaseEvent } from '../../core/workflow/events';
import { applyEvent, foldCase } from '../../core/workflow/fold';
import type { Move, MoveName } from '../../core/workflow/moves';
import type { CaseState } from '../../core/workflow/state';
import { HOUR, reported } from '../support/workflowPlay';
import { DEPT, GARBAGE, OTHER_DEPT, actors, contextFor } from '../support/workflowWorld';

const EVERYONE: Actor[] = Object.values(actors);

/** A well-formed input for a move the rules already allow; the choice within it is random. */
function inputFor(name: MoveName, pick: (n: number) => number): Move {
  switch (name) {
    case 'void': return { move: 'void', reason: '不属实' };
    case 'request_verification': return { move: 'request_verification', note: '请核实' };
    case 'file': return { move: 'file', categoryId: GARBAGE.id };
    case 'dispatch': return { move: 'dispatch', departmentIds: pick(2) === 0 ? [DEPT] : [DEPT, OTHER_DEPT] };
    case 'refer': return { move: 'refer', organisationId: 'org-1' };
    case 'return': return { move: 'return', reason: '非本部门职责' };
    case 'request_extension': return { move: 'request_extension', extra: { amount: 1 + pick(3), unit: 'working_days' }, reason: '需协调' };
    case 'refuse_extension': case 'refuse_park': return { move: name, reason: '理由不足' };
    case 'request_park': return { move: 'request_park', reason: '产权不清' };
    case 'handle': return { move: 'handle', result: (['resolved', 'partly_resolved', 'unresolvable', 'not_our_duty'] as const)[pick(4)]!, note: '已处置' };
    case 'verify_fail': return { move: 'verify_fail', reason: '未整改到位' };
    case 'record_callback': {
      const satisfaction = (['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const)[pick(4)]!;
      return { move: 'record_callback', satisfaction, reopen: satisfaction === 'dissatisfied' && pick(2) === 0 };
    }
    case 'supervise': return { move: 'supervise', level: (['normal', 'yellow', 'red'] as const)[pick(3)]!, note: '请加快' };
    case 'instruct': return { move: 'instruct', note: '请尽快办理' };
    default: return { move: name } as Move;
  }
}

/** What must hold of any case, whatever happened to it. */
function expectValid(s: CaseState): void {
  const timed = STAGE_OF_STATUS[s.status] !== undefined;
  expect(s.stage !== null, `stage while ${s.status}`).toBe(timed && s.status !== 'closing');
  expect(s.stageDeadlineAt !== null).toBe(s.stage !== null);
  expect(s.stageWarnAt !== null).toBe(s.stage !== null);
  if (s.stage !== null) {
    expect(s.stageWarnAt!).toBeLessThanOrEqual(s.stageDeadlineAt!);
    expect(s.stageStartedAt!).toBeLessThanOrEqual(s.stageWarnAt!);
  }
  if (s.handler === 'department') expect(s.departmentIds.length).toBeGreaterThan(0);
  else expect(s.departmentIds).toEqual([]);
  for (const d of s.signedDepartmentIds) expect(s.departmentIds).toContain(d);
  if (s.pendingRequest) expect(s.status).toBe('handling');
  if (s.status === 'archived') expect(s.satisfaction).not.toBeNull();
  if (s.status === 'merged') expect(s.mergedIntoId).not.toBeNull();
  if (!OPEN_STATUSES.includes(s.status)) expect(s.stage).toBeNull();
  for (const count of [s.reworkCount, s.returnCount, s.transferCount, s.extensionCount, s.reopenCount]) expect(count).toBeGreaterThanOrEqual(0);
  expect(s.conflict).toBe(false);
}

describe('random legal move sequences', () => {
  it('always leave a valid case, and the fold of the events agrees with the running state', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (choices) => {
        let { state, events } = reported();
        let step = 0;
        const pick = (n: number) => choices[step++ % choices.length]! % n;
        for (let i = 0; i < choices.length; i++) {
          const options = EVERYONE.flatMap((actor) => availableMoves(state, actor).filter((m) => m !== 'merge').map((m) => [actor, m] as const));
          if (options.length === 0) break;
          const [actor, name] = options[pick(options.length)]!;
          const decision = decide(state, inputFor(name, pick), contextFor(actor, state.reportedAt + (i + 1) * HOUR));
          // Offered means allowed: the buttons never lie.
          expect(decision.ok, `${actor.role} ${name} in ${state.status}: ${decision.ok ? '' : decision.reason}`).toBe(true);
          if (!decision.ok) return;
          for (const e of decision.events) state = applyEvent(state, e).state;
          events = [...events, ...decision.events];
          expectValid(state);
        }
        expect(foldCase(events)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('fold concurrent branches to the same case in any arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 4, maxLength: 20 }), fc.nat(), (choices, seed) => {
        const { state, events } = reported();
        let step = 0;
        const pick = (n: number) => choices[step++ % choices.length]! % n;
        // Two people act on the same version of the case without seeing each other's move.
        const branches: CaseEvent[][] = [];
        for (const branch of [0, 1]) {
          const options = EVERYONE.flatMap((actor) => availableMoves(state, actor).filter((m) => m !== 'merge').map((m) => [actor, m] as const));
          const [actor, name] = options[pick(options.length)]!;
          const decision = decide(state, inputFor(name, pick), contextFor(actor, state.reportedAt + (branch + 1) * HOUR));
          if (decision.ok) branches.push(decision.events);
        }
        const all = [...events, ...branches.flat()];
        const reference = foldCase(all);
        const shuffled = fc.sample(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), { numRuns: 5, seed });
        for (const order of shuffled) expect(foldCase(order)).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });
});
