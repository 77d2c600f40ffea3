import type {
  CaseSource,
  HandlingResult,
  Priority,
  Satisfaction,
  SupervisionLevel,
} from '../domain/case';
import type { Role } from '../domain/roles';
import type { StageLimit } from '../api/types';

/**
 * Every event type's payload. Stage-starting events carry the stage's clock decided when
 * they were made: deadlineAt (red after it) and warnAt (yellow from it: 75% used).
 */
export interface EventPayloads {
  reported: {
    caseNo: string;
    source: CaseSource;
    categoryId: string | null;
    gridId: string;
    communityId: string;
    streetId: string;
    address: string;
    description: string;
    reporterName: string;
    reporterPhone: string;
    priority: Priority;
    photos: string[];
    /** Optional position (WGS-84), for duplicate detection and the map. */
    lat?: number | null;
    lng?: number | null;
    deadlineAt: number;
    warnAt: number;
  };
  accepted: { note: string };
  voided: { reason: string };
  verification_requested: { note: string };
  report_confirmed: { note: string };
  filed: { categoryId: string; priority: Priority; note: string };
  dispatched: { departmentIds: string[]; deadlineAt: number; warnAt: number; note: string };
  /**
   * awaitsAcceptance: the organisation must accept (sign clock) before it handles. Referrals made before
   * organisations could answer lack it and went straight to handling (handle clock): the fold keeps both.
   */
  referred: { organisationId: string; deadlineAt: number; warnAt: number; note: string; awaitsAcceptance?: boolean };
  /** The organisation took the case: its handling clock starts (like a department's signing). */
  referral_accepted: { organisationId: string; note: string; deadlineAt: number; warnAt: number };
  /** The organisation declined: the case returns to the dispatcher with the reason (like a department's return). */
  referral_declined: { organisationId: string; reason: string; deadlineAt: number; warnAt: number };
  grid_assigned: { deadlineAt: number; warnAt: number; note: string };
  signed: { departmentId: string; deadlineAt: number; warnAt: number };
  /** deadlineAt restarts the dispatch clock when the case goes back to the dispatcher. */
  returned: { departmentId: string; reason: string; deadlineAt: number | null; warnAt: number | null };
  extension_requested: { extra: StageLimit; reason: string };
  extension_approved: { deadlineAt: number; warnAt: number; note: string };
  extension_refused: { reason: string };
  park_requested: { reason: string };
  park_approved: { note: string };
  park_refused: { reason: string };
  /** deadlineAt: the verify deadline, or the new dispatch deadline when the result is not_our_duty. */
  handled: { result: HandlingResult; note: string; photos: string[]; deadlineAt: number; warnAt: number };
  verification_passed: { note: string; photos: string[] };
  verification_failed: { reason: string; deadlineAt: number; warnAt: number };
  closed: { note: string; deadlineAt: number; warnAt: number };
  callback_recorded: { satisfaction: Satisfaction; note: string; reopen: boolean; deadlineAt: number | null; warnAt: number | null };
  supervised: { level: SupervisionLevel; note: string };
  instructed: { note: string };
  urgent_flagged: { note: string };
  merged: { intoCaseId: string; note: string };
  duplicate_absorbed: { duplicateCaseId: string; duplicateCaseNo: string; reporterName: string };
}

export type CaseEventType = keyof EventPayloads;

export const CASE_EVENT_TYPES = [
  'reported', 'accepted', 'voided', 'verification_requested', 'report_confirmed', 'filed', 'dispatched',
  'referred', 'grid_assigned', 'signed', 'returned', 'extension_requested', 'extension_approved',
  'extension_refused', 'park_requested', 'park_approved', 'park_refused', 'handled', 'verification_passed',
  'verification_failed', 'closed', 'callback_recorded', 'supervised', 'instructed', 'urgent_flagged', 'merged',
  'duplicate_absorbed', 'referral_accepted', 'referral_declined',
] as const satisfies readonly CaseEventType[];

interface EventEnvelope {
  id: string;
  caseId: string;
  /** Wall-clock time on the actor's machine when the move was made. */
  at: number;
  /** HLC version; orders events across nodes. */
  hlc: string;
  actorId: string | null;
  actorRole: Role | 'system';
  /** The newest event the actor had seen: the causal parent. Null for the report. */
  parentId: string | null;
}

export type CaseEvent = {
  [T in CaseEventType]: EventEnvelope & { type: T; payload: EventPayloads[T] };
}[CaseEventType];

export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

export const EVENT_LABELS: Record<CaseEventType, string> = {
  reported: '上报',
  accepted: '受理',
  voided: '作废',
  verification_requested: '要求核实',
  report_confirmed: '核实属实',
  filed: '立案',
  dispatched: '派遣',
  referred: '转社会组织',
  referral_accepted: '社会组织接收',
  referral_declined: '社会组织拒收',
  grid_assigned: '网格自处置',
  signed: '签收',
  returned: '退回',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  extension_refused: '驳回延期',
  park_requested: '申请挂账',
  park_approved: '批准挂账',
  park_refused: '驳回挂账',
  handled: '处置反馈',
  verification_passed: '核查通过',
  verification_failed: '核查不通过（返工）',
  closed: '结案',
  callback_recorded: '回访',
  supervised: '督办',
  instructed: '领导批示',
  urgent_flagged: '加急',
  merged: '合并为重复件',
  duplicate_absorbed: '并入重复件',
};
