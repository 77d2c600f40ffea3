import { describe, expect, it } from 'vitest';
import { availableMoves } from '../../core/workflow/availability';
import { decide, type Actor } from '../../core/workflow/decide';
import { MOVE_NAMES, type Move, type MoveName } from '../../core/workflow/moves';
import type { CaseState } from '../../core/workflow/state';
import { play, reported } from '../support/workflowPlay';
import { DEPT, GARBAGE, OTHER_DEPT, actors, contextFor } from '../support/workflowWorld';

const { dispatcher: D, shiftLeader: S, leader: L, admin: A, staff: OWN, otherStaff: OTH, gridWorker: G, otherGridWorker: OG, orgStaff: ORG, otherOrgStaff: OORG } = actors;

const filed = () => play([[D, { move: 'accept' }], [D, { move: 'file', categoryId: GARBAGE.id }]]);
const dispatched = () => play([[D, { move: 'dispatch', departmentIds: [DEPT] }]], filed());
const handling = () => play([[OWN, { move: 'sign' }]], dispatched());

/** Every state a case can be in, reached through real moves. */
const STATES: Record<string, () => CaseState> = {
  reported: () => reported().state,
  verifying_report: () => play([[D, { move: 'request_verification', note: '请核实' }]]).state,
  accepted: () => play([[D, { move: 'accept' }]]).state,
  filed: () => filed().state,
  dispatched: () => dispatched().state,
  dispatched_joint: () => play([[D, { move: 'dispatch', departmentIds: [DEPT, OTHER_DEPT] }]], filed()).state,
  handling_department: () => handling().state,
  handling_joint_unsigned_co: () => play([[D, { move: 'dispatch', departmentIds: [DEPT, OTHER_DEPT] }], [OWN, { move: 'sign' }]], filed()).state,
  handling_grid: () => play([[D, { move: 'assign_grid' }]], filed()).state,
  referred: () => play([[D, { move: 'refer', organisationId: 'org-1' }]], filed()).state,
  handling_organisation: () => play([[D, { move: 'refer', organisationId: 'org-1' }], [ORG, { move: 'accept_referral' }]], filed()).state,
  verifying_organisation: () => play([[D, { move: 'refer', organisationId: 'org-1' }], [ORG, { move: 'accept_referral' }], [ORG, { move: 'handle', result: 'resolved', note: '已上门服务' }]], filed()).state,
  extension_pending: () => play([[OWN, { move: 'request_extension', extra: { amount: 2, unit: 'working_days' }, reason: '需协调' }]], handling()).state,
  park_pending: () => play([[OWN, { move: 'request_park', reason: '产权不清' }]], handling()).state,
  verifying: () => play([[OWN, { move: 'handle', result: 'resolved', note: '已处置' }]], handling()).state,
  closing: () => play([[OWN, { move: 'handle', result: 'resolved', note: '已处置' }], [G, { move: 'verify_pass' }]], handling()).state,
  callback: () => play([[OWN, { move: 'handle', result: 'resolved', note: '已处置' }], [G, { move: 'verify_pass' }], [D, { move: 'close' }]], handling()).state,
  archived: () => play([[OWN, { move: 'handle', result: 'resolved', note: '已处置' }], [G, { move: 'verify_pass' }], [D, { move: 'close' }], [D, { move: 'record_callback', satisfaction: 'satisfied' }]], handling()).state,
  parked: () => play([[OWN, { move: 'request_park', reason: '产权不清' }], [S, { move: 'approve_park' }]], handling()).state,
  voided: () => play([[D, { move: 'void', reason: '不属实' }]]).state,
};

const ROLES: Record<string, Actor> = { D, S, L, A, OWN, OTH, G, OG, ORG, OORG };

// Moves every open case offers the command centre, on top of each state's own.
const OPEN: Record<'D' | 'S' | 'L', MoveName[]> = { D: ['flag_urgent'], S: ['supervise', 'flag_urgent'], L: ['supervise', 'instruct', 'flag_urgent'] };
const EARLY = (own: MoveName[]): Record<'D' | 'S' | 'L', MoveName[]> => ({ D: [...own, 'merge', ...OPEN.D], S: [...own, 'merge', ...OPEN.S], L: OPEN.L });

/**
 * The rules, written out by hand: for each state, each role's allowed moves. Anything
 * not listed is refused. (D dispatcher, S shift leader, L leader, A admin, OWN/OTH staff
 * of the dispatched / another department, G/OG grid worker of the case's / another grid.)
 */
const EXPECTED: Record<string, Partial<Record<keyof typeof ROLES, MoveName[]>>> = {
  reported: EARLY(['accept', 'void', 'request_verification']),
  verifying_report: { ...EARLY(['void', 'confirm_report']), G: ['confirm_report'] },
  accepted: EARLY(['void', 'file']),
  filed: EARLY(['dispatch', 'refer', 'assign_grid']),
  dispatched: { ...OPEN, OWN: ['sign', 'return'] },
  dispatched_joint: { ...OPEN, OWN: ['sign', 'return'], OTH: ['sign', 'return'] },
  handling_department: { ...OPEN, OWN: ['request_extension', 'request_park', 'handle'] },
  handling_joint_unsigned_co: { ...OPEN, OWN: ['request_extension', 'request_park', 'handle'], OTH: ['sign', 'return'] },
  handling_grid: { ...OPEN, G: ['request_extension', 'request_park', 'handle'] },
  referred: { D: ['accept_referral', 'decline_referral', ...OPEN.D], S: ['accept_referral', 'decline_referral', ...OPEN.S], L: OPEN.L, ORG: ['accept_referral', 'decline_referral'] },
  handling_organisation: {
    D: ['request_extension', 'request_park', 'handle', ...OPEN.D], S: ['request_extension', 'request_park', 'handle', ...OPEN.S], L: OPEN.L,
    ORG: ['request_extension', 'request_park', 'handle'],
  },
  verifying_organisation: { ...OPEN, S: ['verify_pass', 'verify_fail', ...OPEN.S], G: ['verify_pass', 'verify_fail'] },
  extension_pending: { ...OPEN, S: ['approve_extension', 'refuse_extension', ...OPEN.S], L: ['approve_extension', 'refuse_extension', ...OPEN.L] },
  park_pending: { ...OPEN, S: ['approve_park', 'refuse_park', ...OPEN.S], L: ['approve_park', 'refuse_park', ...OPEN.L] },
  verifying: { ...OPEN, S: ['verify_pass', 'verify_fail', ...OPEN.S], G: ['verify_pass', 'verify_fail'] },
  closing: { D: ['close', ...OPEN.D], S: ['close', ...OPEN.S], L: OPEN.L },
  callback: { D: ['record_callback', ...OPEN.D], S: ['record_callback', ...OPEN.S], L: OPEN.L, G: ['record_callback'] },
  archived: {},
  parked: {},
  voided: {},
};

/** A well-formed input for each move, so refusals come from the rules and not from missing input. */
const SAMPLE: Record<MoveName, Move> = {
  accept: { move: 'accept' },
  void: { move: 'void', reason: '不属实' },
  request_verification: { move: 'request_verification', note: '请核实' },
  confirm_report: { move: 'confirm_report' },
  file: { move: 'file', categoryId: GARBAGE.id },
  dispatch: { move: 'dispatch', departmentIds: [DEPT] },
  refer: { move: 'refer', organisationId: 'org-1' },
  accept_referral: { move: 'accept_referral' },
  decline_referral: { move: 'decline_referral', reason: '超出服务范围' },
  assign_grid: { move: 'assign_grid' },
  sign: { move: 'sign' },
  return: { move: 'return', reason: '非本部门职责' },
  request_extension: { move: 'request_extension', extra: { amount: 1, unit: 'working_days' }, reason: '需协调' },
  approve_extension: { move: 'approve_extension' },
  refuse_extension: { move: 'refuse_extension', reason: '理由不足' },
  request_park: { move: 'request_park', reason: '产权不清' },
  approve_park: { move: 'approve_park' },
  refuse_park: { move: 'refuse_park', reason: '请继续协调' },
  handle: { move: 'handle', result: 'resolved', note: '已处置' },
  verify_pass: { move: 'verify_pass' },
  verify_fail: { move: 'verify_fail', reason: '未整改到位' },
  close: { move: 'close' },
  record_callback: { move: 'record_callback', satisfaction: 'satisfied' },
  supervise: { move: 'supervise', level: 'yellow', note: '请加快' },
  instruct: { move: 'instruct', note: '请尽快办理' },
  flag_urgent: { move: 'flag_urgent' },
  merge: { move: 'merge', intoCaseId: 'target' },
};

describe('every (state, move, role) combination', () => {
  for (const [stateName, build] of Object.entries(STATES)) {
    describe(stateName, () => {
      const state = build();
      for (const [roleName, actor] of Object.entries(ROLES)) {
        it(`${roleName} may make exactly the listed moves`, () => {
          const expected = [...(EXPECTED[stateName]![roleName as keyof typeof ROLES] ?? [])].sort();
          expect(availableMoves(state, actor).sort()).toEqual(expected);
          for (const name of MOVE_NAMES) {
            const target = name === 'merge' ? { ...reported().state, id: 'target' } : undefined;
            const ctx = { ...contextFor(actor, state.reportedAt + 24 * 3_600_000), ...(target ? { target } : {}) };
            const decision = decide(state, SAMPLE[name], ctx);
            expect(decision.ok, `${stateName} / ${roleName} / ${name}: ${decision.ok ? 'allowed' : decision.reason}`).toBe(expected.includes(name));
            if (!decision.ok) expect(decision.reason).toMatch(/[\u4e00-\u9fff]/);
          }
        });
      }
    });
  }
});
