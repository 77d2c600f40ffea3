import type { CaseStatus } from '../domain/case';
import type { CaseEventType, EventPayloads } from './events';
import type { CaseState } from './state';

const OPEN: readonly CaseStatus[] = [
  'reported', 'verifying_report', 'accepted', 'filed', 'dispatched', 'handling', 'verifying', 'closing', 'callback',
];

/** The statuses each event may be applied in. Shared by decide (before writing) and fold (replaying). */
export const FROM_STATUSES: Record<Exclude<CaseEventType, 'reported'>, readonly CaseStatus[]> = {
  accepted: ['reported'],
  voided: ['reported', 'verifying_report', 'accepted'],
  verification_requested: ['reported'],
  report_confirmed: ['verifying_report'],
  filed: ['accepted'],
  dispatched: ['filed'],
  referred: ['filed'],
  referral_accepted: ['dispatched'],
  referral_declined: ['dispatched'],
  grid_assigned: ['filed'],
  signed: ['dispatched', 'handling'],
  returned: ['dispatched', 'handling'],
  extension_requested: ['handling'],
  extension_approved: ['handling'],
  extension_refused: ['handling'],
  park_requested: ['handling'],
  park_approved: ['handling'],
  park_refused: ['handling'],
  handled: ['handling'],
  verification_passed: ['verifying'],
  verification_failed: ['verifying'],
  closed: ['closing'],
  callback_recorded: ['callback'],
  supervised: OPEN,
  instructed: OPEN,
  urgent_flagged: OPEN,
  merged: ['reported', 'verifying_report', 'accepted', 'filed'],
  duplicate_absorbed: OPEN,
};

/**
 * Checks beyond the status: returns why the event cannot apply, in Chinese, or null.
 * Only facts of the case itself belong here; who may act is decided in decide.ts.
 */
export function eventGuard<T extends CaseEventType>(state: CaseState, type: T, payload: EventPayloads[T]): string | null {
  if (type !== 'reported') {
    const from = FROM_STATUSES[type as Exclude<CaseEventType, 'reported'>];
    if (!from.includes(state.status)) return statusRefusal(state.status);
  }
  switch (type) {
    case 'signed': {
      const { departmentId } = payload as EventPayloads['signed'];
      if (state.handler !== 'department' || !state.departmentIds.includes(departmentId)) return '案件未派遣给该部门';
      if (state.signedDepartmentIds.includes(departmentId)) return '该部门已签收';
      return null;
    }
    case 'returned': {
      const { departmentId } = payload as EventPayloads['returned'];
      if (state.handler !== 'department' || !state.departmentIds.includes(departmentId)) return '案件未派遣给该部门';
      if (state.signedDepartmentIds.includes(departmentId)) return '已签收的案件不能退回，请在处置时反馈"非职责"';
      return null;
    }
    case 'referral_accepted':
    case 'referral_declined': {
      const { organisationId } = payload as EventPayloads['referral_accepted'];
      return state.handler === 'organisation' && state.organisationId === organisationId ? null : '案件未转给该社会组织';
    }
    case 'extension_requested':
    case 'park_requested':
      return state.pendingRequest ? '已有待审批的申请' : null;
    case 'extension_approved':
    case 'extension_refused':
      return state.pendingRequest?.kind === 'extension' ? null : '没有待审批的延期申请';
    case 'park_approved':
    case 'park_refused':
      return state.pendingRequest?.kind === 'park' ? null : '没有待审批的挂账申请';
    case 'handled':
      if (state.pendingRequest) return '有待审批的申请，审批后才能反馈处置结果';
      if (state.handler === 'department' && state.signedDepartmentIds.length === 0) return '部门尚未签收';
      return null;
    case 'merged': {
      const { intoCaseId } = payload as EventPayloads['merged'];
      return intoCaseId === state.id ? '不能合并到案件自身' : null;
    }
    default:
      return null;
  }
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  reported: '待受理',
  verifying_report: '待核实',
  accepted: '待立案',
  filed: '待派遣',
  dispatched: '待签收',
  handling: '处置中',
  verifying: '待核查',
  closing: '待结案',
  callback: '待回访',
  archived: '已归档',
  parked: '已挂账',
  voided: '已作废',
  merged: '已合并',
};

function statusRefusal(status: CaseStatus): string {
  return `案件当前状态为"${STATUS_LABELS[status]}"，不能执行此操作`;
}
