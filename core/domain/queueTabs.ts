import type { CaseStatus } from './case';

/** The dispatcher's queue tabs: most are statuses; two cut across them. */
export const QUEUE_TABS = [
  'to_accept', // 待受理
  'to_file', // 待立案
  'to_dispatch', // 待派遣
  'to_sign', // 待签收
  'handling', // 处置中
  'to_verify', // 待核查
  'to_close', // 待结案
  'to_call_back', // 待回访
  'overdue', // 已超期: an open stage past its deadline
  'supervised', // 督办中: open and under supervision
  'pending_approval', // 待审批: an extension or parking request waits for a leader
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const TAB_STATUSES: Partial<Record<QueueTab, CaseStatus[]>> = {
  to_accept: ['reported', 'verifying_report'],
  to_file: ['accepted'],
  to_dispatch: ['filed'],
  to_sign: ['dispatched'],
  handling: ['handling'],
  to_verify: ['verifying'],
  to_close: ['closing'],
  to_call_back: ['callback'],
};

export const QUEUE_TAB_LABELS: Record<QueueTab, string> = {
  to_accept: '待受理',
  to_file: '待立案',
  to_dispatch: '待派遣',
  to_sign: '待签收',
  handling: '处置中',
  to_verify: '待核查',
  to_close: '待结案',
  to_call_back: '待回访',
  overdue: '已超期',
  supervised: '督办中',
  pending_approval: '待审批',
};
