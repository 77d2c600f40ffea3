import type { TimedStage } from '../domain/case';
import type { CaseEvent, EventOf } from './events';
import type { CaseState } from './state';

interface Clock {
  deadlineAt: number | null;
  warnAt: number | null;
}
const NO_CLOCK: Clock = { deadlineAt: null, warnAt: null };

function startStage(state: CaseState, stage: TimedStage | null, at: number, clock: Clock): CaseState {
  return {
    ...state,
    stage,
    stageStartedAt: stage ? at : null,
    stageDeadlineAt: stage ? clock.deadlineAt : null,
    stageWarnAt: stage ? clock.warnAt : null,
  };
}

export function initialState(e: EventOf<'reported'>): CaseState {
  const p = e.payload;
  return {
    id: e.caseId,
    caseNo: p.caseNo,
    status: 'reported',
    priority: p.priority,
    source: p.source,
    categoryId: p.categoryId,
    gridId: p.gridId,
    communityId: p.communityId,
    streetId: p.streetId,
    address: p.address,
    lat: p.lat ?? null,
    lng: p.lng ?? null,
    description: p.description,
    reporterName: p.reporterName,
    reporterPhone: p.reporterPhone,
    photos: p.photos,
    handler: null,
    departmentIds: [],
    signedDepartmentIds: [],
    organisationId: null,
    stage: 'accept',
    stageStartedAt: e.at,
    stageDeadlineAt: p.deadlineAt,
    stageWarnAt: p.warnAt,
    pendingRequest: null,
    handlingResult: null,
    satisfaction: null,
    supervisionLevel: null,
    supervisionCount: 0,
    instructionCount: 0,
    reworkCount: 0,
    returnCount: 0,
    transferCount: 0,
    extensionCount: 0,
    reopenCount: 0,
    mergedIntoId: null,
    duplicateCount: 0,
    reportedAt: e.at,
    acceptedAt: null,
    filedAt: null,
    dispatchedAt: null,
    signedAt: null,
    handledAt: null,
    verifiedAt: null,
    closedAt: null,
    callbackAt: null,
    archivedAt: null,
    conflict: false,
    supersededEventIds: [],
    lastEventId: e.id,
    lastHlc: e.hlc,
    eventCount: 1,
  };
}

const LEVEL_RANK = { normal: 1, yellow: 2, red: 3 } as const;

/** The projection's change for one event already known to be legal in `s`. */
export function reduce(s: CaseState, e: CaseEvent): CaseState {
  switch (e.type) {
    case 'reported':
      return s;
    case 'accepted':
      return { ...s, status: 'accepted', acceptedAt: e.at };
    case 'voided':
      return startStage({ ...s, status: 'voided', closedAt: e.at }, null, e.at, NO_CLOCK);
    case 'verification_requested':
      return { ...s, status: 'verifying_report' };
    case 'report_confirmed':
      return { ...s, status: 'reported' };
    case 'filed':
      return { ...s, status: 'filed', filedAt: e.at, categoryId: e.payload.categoryId, priority: e.payload.priority };
    case 'dispatched':
      return startStage(
        { ...s, status: 'dispatched', handler: 'department', departmentIds: [...e.payload.departmentIds], signedDepartmentIds: [], organisationId: null, dispatchedAt: e.at },
        'sign', e.at, e.payload,
      );
    case 'referred': {
      const referred = { ...s, handler: 'organisation' as const, organisationId: e.payload.organisationId, departmentIds: [], signedDepartmentIds: [], dispatchedAt: e.at };
      if (e.payload.awaitsAcceptance) return startStage({ ...referred, status: 'dispatched' }, 'sign', e.at, e.payload);
      return startStage({ ...referred, status: 'handling' }, 'handle', e.at, e.payload);
    }
    case 'referral_accepted':
      return startStage({ ...s, status: 'handling', signedAt: e.at }, 'handle', e.at, e.payload);
    case 'referral_declined':
      return startStage(
        { ...s, status: 'filed', handler: null, organisationId: null, returnCount: s.returnCount + 1 },
        'accept', e.at, e.payload,
      );
    case 'grid_assigned':
      return startStage(
        { ...s, status: 'handling', handler: 'grid', departmentIds: [], signedDepartmentIds: [], organisationId: null, dispatchedAt: e.at },
        'handle', e.at, e.payload,
      );
    case 'signed': {
      const signed = [...s.signedDepartmentIds, e.payload.departmentId];
      if (s.status === 'handling') return { ...s, signedDepartmentIds: signed };
      return startStage({ ...s, status: 'handling', signedDepartmentIds: signed, signedAt: e.at }, 'handle', e.at, e.payload);
    }
    case 'returned': {
      const remaining = s.departmentIds.filter((d) => d !== e.payload.departmentId);
      const base = { ...s, returnCount: s.returnCount + 1, departmentIds: remaining };
      // The lead's return, or the last department's, sends the case back to the dispatcher.
      if (remaining.length === 0 || s.departmentIds[0] === e.payload.departmentId) {
        return startStage({ ...base, status: 'filed', handler: null, departmentIds: [], signedDepartmentIds: [] }, 'accept', e.at, e.payload);
      }
      return base;
    }
    case 'extension_requested':
      return { ...s, pendingRequest: { kind: 'extension', extra: e.payload.extra, reason: e.payload.reason, requestedBy: e.actorId } };
    case 'extension_approved':
      return { ...s, pendingRequest: null, extensionCount: s.extensionCount + 1, stageDeadlineAt: e.payload.deadlineAt, stageWarnAt: e.payload.warnAt };
    case 'extension_refused':
    case 'park_refused':
      return { ...s, pendingRequest: null };
    case 'park_requested':
      return { ...s, pendingRequest: { kind: 'park', reason: e.payload.reason, requestedBy: e.actorId } };
    case 'park_approved':
      return startStage({ ...s, status: 'parked', pendingRequest: null, handlingResult: 'unresolvable', handledAt: e.at }, null, e.at, NO_CLOCK);
    case 'handled':
      if (e.payload.result === 'not_our_duty') {
        return startStage(
          { ...s, status: 'filed', handler: null, departmentIds: [], signedDepartmentIds: [], transferCount: s.transferCount + 1, handlingResult: null },
          'accept', e.at, e.payload,
        );
      }
      return startStage({ ...s, status: 'verifying', handlingResult: e.payload.result, handledAt: e.at }, 'verify', e.at, e.payload);
    case 'verification_passed':
      return startStage({ ...s, status: 'closing', verifiedAt: e.at }, null, e.at, NO_CLOCK);
    case 'verification_failed':
      return startStage({ ...s, status: 'handling', reworkCount: s.reworkCount + 1, handlingResult: null }, 'handle', e.at, e.payload);
    case 'closed':
      return startStage({ ...s, status: 'callback', closedAt: e.at }, 'callback', e.at, e.payload);
    case 'callback_recorded': {
      const recorded = { ...s, satisfaction: e.payload.satisfaction, callbackAt: e.at };
      if (e.payload.reopen) {
        return startStage(
          { ...recorded, status: 'filed', reopenCount: s.reopenCount + 1, handler: null, departmentIds: [], signedDepartmentIds: [], handlingResult: null, closedAt: null },
          'accept', e.at, e.payload,
        );
      }
      return startStage({ ...recorded, status: 'archived', archivedAt: e.at }, null, e.at, NO_CLOCK);
    }
    case 'supervised': {
      const current = s.supervisionLevel ? LEVEL_RANK[s.supervisionLevel] : 0;
      const level = LEVEL_RANK[e.payload.level] > current ? e.payload.level : s.supervisionLevel;
      return { ...s, supervisionLevel: level, supervisionCount: s.supervisionCount + 1 };
    }
    case 'instructed':
      return { ...s, instructionCount: s.instructionCount + 1 };
    case 'urgent_flagged':
      return { ...s, priority: 'urgent' };
    case 'merged':
      return startStage({ ...s, status: 'merged', mergedIntoId: e.payload.intoCaseId, closedAt: e.at }, null, e.at, NO_CLOCK);
    case 'duplicate_absorbed':
      return { ...s, duplicateCount: s.duplicateCount + 1 };
  }
}
