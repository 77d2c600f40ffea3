import type { CaseSource, HandlingResult, Priority, Satisfaction, SupervisionLevel, TimedStage } from '@core/domain/case';
import type { LimitUnit } from '@core/calendar/types';

/** Label tables for the domain enums core does not label itself; kept beside each other so the two languages stay aligned. */
interface EnumLabels {
  source: Record<CaseSource, string>;
  priority: Record<Priority, string>;
  handlingResult: Record<HandlingResult, string>;
  satisfaction: Record<Satisfaction, string>;
  supervision: Record<SupervisionLevel, string>;
  stage: Record<TimedStage, string>;
  limitUnit: Record<LimitUnit, string>;
  organisationKind: Record<string, string>;
}

export const zhEnums: EnumLabels = {
  source: {
    grid_worker: '网格员上报',
    hotline: '12345热线',
    walk_in: '群众来访',
    patrol: '部门巡查',
    video: '视频监控',
    import: '批量导入',
  },
  priority: { normal: '一般', urgent: '加急' },
  handlingResult: {
    resolved: '已解决',
    partly_resolved: '部分解决',
    unresolvable: '无法解决-挂账',
    not_our_duty: '非职责-转办',
  },
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', unreachable: '无法联系' },
  supervision: { normal: '普通督办', yellow: '黄牌督办', red: '红牌督办' },
  stage: { accept: '受理', sign: '签收', handle: '处置', verify: '核查', callback: '回访' },
  limitUnit: { working_hours: '工作时', working_days: '工作日', urgent_hours: '紧急工作时' },
  organisationKind: {
    medical: '医疗卫生',
    housekeeping: '家政服务',
    volunteer: '志愿服务',
    property: '物业服务',
    legal: '法律服务',
    enterprise: '企业',
    charity: '慈善公益',
    psychological: '心理服务',
    elderly: '养老服务',
    education: '教育',
  },
};

export const enEnums: EnumLabels = {
  source: {
    grid_worker: 'Grid worker',
    hotline: '12345 hotline',
    walk_in: 'Walk-in',
    patrol: 'Department patrol',
    video: 'Video',
    import: 'Import',
  },
  priority: { normal: 'Normal', urgent: 'Urgent' },
  handlingResult: {
    resolved: 'Resolved',
    partly_resolved: 'Partly resolved',
    unresolvable: 'Unresolvable (parked)',
    not_our_duty: 'Not our duty (transferred)',
  },
  satisfaction: { satisfied: 'Satisfied', basically_satisfied: 'Mostly satisfied', dissatisfied: 'Dissatisfied', unreachable: 'Unreachable' },
  supervision: { normal: 'Supervised', yellow: 'Yellow-card supervision', red: 'Red-card supervision' },
  stage: { accept: 'Accept', sign: 'Sign', handle: 'Handle', verify: 'Verify', callback: 'Callback' },
  limitUnit: { working_hours: 'working hours', working_days: 'working days', urgent_hours: 'urgent hours' },
  organisationKind: {
    medical: 'Medical',
    housekeeping: 'Housekeeping',
    volunteer: 'Volunteers',
    property: 'Property management',
    legal: 'Legal',
    enterprise: 'Enterprise',
    charity: 'Charity',
    psychological: 'Counselling',
    elderly: 'Elderly care',
    education: 'Education',
  },
};
