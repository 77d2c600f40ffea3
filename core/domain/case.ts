export const CASE_STATUSES = [
  'reported', // 待受理
  'verifying_report', // 待核实: the reporter or grid worker was asked to confirm the report
  'accepted', // 待立案
  'filed', // 待派遣
  'dispatched', // 待签收
  'handling', // 处置中
  'verifying', // 待核查
  'closing', // 待结案
  'callback', // 待回访
  'archived', // 已归档
  'parked', // 已挂账
  'voided', // 已作废
  'merged', // 已合并
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'reported', 'verifying_report', 'accepted', 'filed', 'dispatched', 'handling', 'verifying', 'closing', 'callback',
];
export const isOpenStatus = (s: CaseStatus): boolean => OPEN_STATUSES.includes(s);

export const CASE_SOURCES = ['grid_worker', 'hotline', 'walk_in', 'patrol', 'video', 'import'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The honest closing results of DESIGN §2; each counts differently in the scores. */
export const HANDLING_RESULTS = ['resolved', 'partly_resolved', 'unresolvable', 'not_our_duty'] as const;
export type HandlingResult = (typeof HANDLING_RESULTS)[number];

export const SUPERVISION_LEVELS = ['normal', 'yellow', 'red'] as const; // 普通 / 黄牌 / 红牌
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** Stages that carry a time limit; matches the catalogue's per-stage limits. */
export const TIMED_STAGES = ['accept', 'sign', 'handle', 'verify', 'callback'] as const;
export type TimedStage = (typeof TIMED_STAGES)[number];

export const STAGE_OF_STATUS: Partial<Record<CaseStatus, TimedStage>> = {
  reported: 'accept',
  verifying_report: 'accept',
  accepted: 'accept',
  filed: 'accept',
  dispatched: 'sign',
  handling: 'handle',
  verifying: 'verify',
  callback: 'callback',
};
