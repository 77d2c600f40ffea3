import type { HandlingResult, Priority, Satisfaction, SupervisionLevel } from '../domain/case';
import type { Role } from '../domain/roles';
import type { StageLimit } from '../api/types';
import type { CaseEventType } from './events';

/** The moves a user can make on an open case (the report itself is made by reportCase). */
export type Move =
  | { move: 'accept'; note?: string }
  | { move: 'void'; reason: string }
  | { move: 'request_verification'; note: string }
  | { move: 'confirm_report'; note?: string }
  | { move: 'file'; categoryId: string; priority?: Priority; note?: string }
  | { move: 'dispatch'; departmentIds: string[]; note?: string }
  | { move: 'refer'; organisationId: string; note?: string }
  | { move: 'accept_referral'; note?: string }
  | { move: 'decline_referral'; reason: string }
  | { move: 'assign_grid'; note?: string }
  | { move: 'sign' }
  | { move: 'return'; reason: string }
  | { move: 'request_extension'; extra: StageLimit; reason: string }
  | { move: 'approve_extension'; note?: string }
  | { move: 'refuse_extension'; reason: string }
  | { move: 'request_park'; reason: string }
  | { move: 'approve_park'; note?: string }
  | { move: 'refuse_park'; reason: string }
  | { move: 'handle'; result: HandlingResult; note: string; photos?: string[] }
  | { move: 'verify_pass'; note?: string; photos?: string[] }
  | { move: 'verify_fail'; reason: string }
  | { move: 'close'; note?: string }
  | { move: 'record_callback'; satisfaction: Satisfaction; note?: string; reopen?: boolean }
  | { move: 'supervise'; level: SupervisionLevel; note: string }
  | { move: 'instruct'; note: string }
  | { move: 'flag_urgent'; note?: string }
  | { move: 'merge'; intoCaseId: string; note?: string };

export type MoveName = Move['move'];

export const MOVE_EVENT: Record<MoveName, CaseEventType> = {
  accept: 'accepted',
  void: 'voided',
  request_verification: 'verification_requested',
  confirm_report: 'report_confirmed',
  file: 'filed',
  dispatch: 'dispatched',
  refer: 'referred',
  accept_referral: 'referral_accepted',
  decline_referral: 'referral_declined',
  assign_grid: 'grid_assigned',
  sign: 'signed',
  return: 'returned',
  request_extension: 'extension_requested',
  approve_extension: 'extension_approved',
  refuse_extension: 'extension_refused',
  request_park: 'park_requested',
  approve_park: 'park_approved',
  refuse_park: 'park_refused',
  handle: 'handled',
  verify_pass: 'verification_passed',
  verify_fail: 'verification_failed',
  close: 'closed',
  record_callback: 'callback_recorded',
  supervise: 'supervised',
  instruct: 'instructed',
  flag_urgent: 'urgent_flagged',
  merge: 'merged',
};

export const MOVE_NAMES = Object.keys(MOVE_EVENT) as MoveName[];

const CENTRE: readonly Role[] = ['dispatcher', 'shift_leader'];
const APPROVERS: readonly Role[] = ['shift_leader', 'leader'];
/** Moves made by whoever handles the case: checked further against the handler kind. */
const HANDLERS: readonly Role[] = ['department_staff', 'grid_worker', 'organisation_staff', 'dispatcher', 'shift_leader'];
/** An organisation answers a referral through its own account, or the centre records its answer for it. */
const REFERRAL_ANSWERERS: readonly Role[] = ['organisation_staff', ...CENTRE];

/** Who may make each move, before the per-case scope checks in decide.ts. */
export const MOVE_ROLES: Record<MoveName, readonly Role[]> = {
  accept: CENTRE,
  void: CENTRE,
  request_verification: CENTRE,
  confirm_report: [...CENTRE, 'grid_worker'],
  file: CENTRE,
  dispatch: CENTRE,
  refer: CENTRE,
  accept_referral: REFERRAL_ANSWERERS,
  decline_referral: REFERRAL_ANSWERERS,
  assign_grid: CENTRE,
  sign: ['department_staff'],
  return: ['department_staff'],
  request_extension: HANDLERS,
  approve_extension: APPROVERS,
  refuse_extension: APPROVERS,
  request_park: HANDLERS,
  approve_park: APPROVERS,
  refuse_park: APPROVERS,
  handle: HANDLERS,
  verify_pass: ['grid_worker', 'shift_leader'],
  verify_fail: ['grid_worker', 'shift_leader'],
  close: CENTRE,
  record_callback: [...CENTRE, 'grid_worker'],
  supervise: APPROVERS,
  instruct: ['leader'],
  flag_urgent: [...CENTRE, 'leader'],
  merge: CENTRE,
};

export const MOVE_LABELS: Record<MoveName, string> = {
  accept: '受理',
  void: '作废',
  request_verification: '要求核实',
  confirm_report: '核实属实',
  file: '立案',
  dispatch: '派遣',
  refer: '转社会组织',
  accept_referral: '社会组织接收',
  decline_referral: '社会组织拒收',
  assign_grid: '网格自处置',
  sign: '签收',
  return: '退回',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  refuse_extension: '驳回延期',
  request_park: '申请挂账',
  approve_park: '批准挂账',
  refuse_park: '驳回挂账',
  handle: '反馈处置结果',
  verify_pass: '核查通过',
  verify_fail: '核查不通过',
  close: '结案',
  record_callback: '回访',
  supervise: '督办',
  instruct: '领导批示',
  flag_urgent: '加急',
  merge: '合并为重复件',
};
