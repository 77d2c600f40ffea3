import { describe, expect, it } from 'vitest';
import { caseFacts } from '../../core/assessment/facts';
import { decide } from '../../core/workflow/decide';
import type { CaseEvent, EventOf } from '../../core/workflow/events';
import { foldCase } from '../../core/workflow/fold';
import { HOUR, play } from '../support/workflowPlay';
import { GARBAGE, ORG, actors, contextFor } from '../support/workflowWorld';

const { dispatcher: D, orgStaff: ORG_STAFF, otherOrgStaff: OTHER_ORG_STAFF, gridWorker: G } = actors;

const filed = () => play([[D, { move: 'accept' }], [D, { move: 'file', categoryId: GARBAGE.id }]]);
const referred = () => play([[D, { move: 'refer', organisationId: ORG, note: '请上门服务' }]], filed());
const last = <T extends CaseEvent['type']>(events: CaseEvent[], type: T) =>
  events.filter((e): e is EventOf<T> => e.type === type).at(-1)!;

describe('a referral to a social organisation', () => {
  it('waits for the organisation to accept, on the signing clock of a department', () => {
    const { state, events } = referred();
    expect(state).toMatchObject({ status: 'dispatched', handler: 'organisation', organisationId: ORG, stage: 'sign' });
    const e = last(events, 'referred');
    expect(e.payload.awaitsAcceptance).toBe(true);
    const signClock = contextFor(D, e.at).clock('sign', e.at, GARBAGE, 'normal');
    expect(e.payload).toMatchObject(signClock);
    expect(state.stageDeadlineAt).toBe(signClock.deadlineAt);
  });

  it('accepted through the organisation\'s own account starts the handling clock', () => {
    const { state, events } = play([[ORG_STAFF, { move: 'accept_referral', note: '明天上门' }]], referred());
    expect(state).toMatchObject({ status: 'handling', handler: 'organisation', organisationId: ORG, stage: 'handle' });
    const e = last(events, 'referral_accepted');
    expect(e).toMatchObject({ actorRole: 'organisation_staff', actorId: ORG_STAFF.id, payload: { organisationId: ORG, note: '明天上门' } });
    expect(state.stageDeadlineAt).toBe(e.payload.deadlineAt);
    expect(state.signedAt).toBe(e.at);
  });

  it('the dispatcher may record the answer on its behalf, and the event says who recorded it', () => {
    const { events } = play([[D, { move: 'accept_referral', note: '电话确认接收' }]], referred());
    expect(last(events, 'referral_accepted')).toMatchObject({ actorRole: 'dispatcher', actorId: D.id });
  });

  it('a decline returns the case to the dispatcher with the reason, like a department\'s return', () => {
    const { state, events } = play([[ORG_STAFF, { move: 'decline_referral', reason: '超出服务范围' }]], referred());
    expect(state).toMatchObject({ status: 'filed', handler: null, organisationId: null, stage: 'accept', returnCount: 1 });
    expect(last(events, 'referral_declined').payload).toMatchObject({ organisationId: ORG, reason: '超出服务范围' });
    // The dispatcher can send it on again.
    const again = play([[D, { move: 'dispatch', departmentIds: [GARBAGE.departmentId!] }]], { state, events });
    expect(again.state.status).toBe('dispatched');
  });

  it('another organisation\'s account can neither answer nor handle it', () => {
    const { state } = referred();
    const ctx = contextFor(OTHER_ORG_STAFF, state.reportedAt + 10 * HOUR);
    expect(decide(state, { move: 'accept_referral' }, ctx)).toEqual({ ok: false, reason: '只能办理转给本组织的案件' });
    const handling = play([[ORG_STAFF, { move: 'accept_referral' }]], referred()).state;
    expect(decide(handling, { move: 'handle', result: 'resolved', note: '已办' }, ctx)).toEqual({ ok: false, reason: '只能办理转给本组织的案件' });
  });

  it('cannot be accepted twice, nor handled before it is accepted', () => {
    const accepted = play([[ORG_STAFF, { move: 'accept_referral' }]], referred()).state;
    const ctx = contextFor(ORG_STAFF, accepted.reportedAt + 10 * HOUR);
    expect(decide(accepted, { move: 'accept_referral' }, ctx)).toMatchObject({ ok: false });
    expect(decide(referred().state, { move: 'handle', result: 'resolved', note: '已办' }, ctx)).toMatchObject({ ok: false });
  });

  it('is followed to a result, verified, closed and called back like any case', () => {
    const { state } = play([
      [ORG_STAFF, { move: 'accept_referral' }],
      [ORG_STAFF, { move: 'handle', result: 'resolved', note: '已上门服务' }],
      [G, { move: 'verify_pass' }],
      [D, { move: 'close' }],
      [D, { move: 'record_callback', satisfaction: 'satisfied' }],
    ], referred());
    expect(state).toMatchObject({ status: 'archived', handler: 'organisation', organisationId: ORG, satisfaction: 'satisfied' });
  });

  it('the handling fact of the organisation starts at acceptance, due by the handling deadline', () => {
    const { events } = play([[ORG_STAFF, { move: 'accept_referral' }], [ORG_STAFF, { move: 'handle', result: 'resolved', note: '已办' }]], referred());
    const accepted = last(events, 'referral_accepted');
    const handle = caseFacts(events).filter((f) => f.kind === 'handle');
    expect(handle).toEqual([expect.objectContaining({ handler: 'organisation', at: accepted.at, dueAt: accepted.payload.deadlineAt, outcome: 'handled' })]);
  });

  it('a referral made before organisations could answer still folds straight to handling', () => {
    const { events } = referred();
    const legacy = events.map((e) => (e.type === 'referred' ? { ...e, payload: { ...e.payload, awaitsAcceptance: undefined } } : e)) as CaseEvent[];
    expect(foldCase(legacy)).toMatchObject({ status: 'handling', handler: 'organisation', stage: 'handle' });
  });
});

