/** Who is assessed. 'grid' is the grid as a unit, answered for by its grid leader (网格长). */
export const TARGET_KINDS = ['department', 'street', 'community', 'grid', 'grid_worker'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  department: '职能部门',
  street: '街道',
  community: '社区',
  grid: '网格长',
  grid_worker: '网格员',
};

export const INDICATOR_IDS = [
  'sign_on_time_rate', 'handling_rate', 'on_time_handling_rate', 'closure_rate', 'on_time_closure_rate', 'rework_rate',
  'return_rate', 'extension_rate', 'satisfaction_rate', 'supervision_points', 'valid_report_rate', 'missed_report_rate',
  'on_time_verification_rate', 'base_data_update_rate',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDefinition {
  label: string;
  /** Numerator / denominator in words, shown next to every number. */
  formula: string;
  better: 'higher' | 'lower';
  /** A rate is numerator/denominator; a count is the numerator alone. */
  unit: 'rate' | 'count';
}

/** DESIGN §3's indicators. */
export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  sign_on_time_rate: { label: '签收及时率', formula: '按时签收或退回数 / 派遣数', better: 'higher', unit: 'rate' },
  handling_rate: { label: '处置率', formula: '已处置数 / 应处置数', better: 'higher', unit: 'rate' },
  on_time_handling_rate: { label: '按期处置率', formula: '按期处置数 / 应处置数', better: 'higher', unit: 'rate' },
  closure_rate: { label: '结案率', formula: '已结案数 / 应结案数（不含批准挂账）', better: 'higher', unit: 'rate' },
  on_time_closure_rate: { label: '按期结案率', formula: '按期结案数 / 应结案数（不含批准挂账）', better: 'higher', unit: 'rate' },
  rework_rate: { label: '返工率', formula: '曾核查不通过的已处置数 / 已处置数', better: 'lower', unit: 'rate' },
  return_rate: { label: '退回率', formula: '退回数 / 派遣数', better: 'lower', unit: 'rate' },
  extension_rate: { label: '延期率', formula: '批准延期数 / 派遣数', better: 'lower', unit: 'rate' },
  satisfaction_rate: { label: '满意率', formula: '满意及基本满意回访数 / 联系上的回访数', better: 'higher', unit: 'rate' },
  supervision_points: { label: '督办数', formula: '督办分值（普通 0、黄牌 5、红牌 10 分）', better: 'lower', unit: 'count' },
  valid_report_rate: { label: '有效上报率', formula: '立案数 / 上报数（含作废、合并，不含待受理）', better: 'higher', unit: 'rate' },
  missed_report_rate: { label: '漏报率', formula: '他人首报并立案的网格问题数 / 网格员上报立案数', better: 'lower', unit: 'rate' },
  on_time_verification_rate: { label: '按时核查率', formula: '按时核查数 / 核查请求数', better: 'higher', unit: 'rate' },
  base_data_update_rate: { label: '基础数据更新率', formula: '按周期按时核实的记录数 / 到期应核实的记录数', better: 'higher', unit: 'rate' },
};

/** Which indicators make sense for which kind of target. */
export const INDICATORS_FOR: Record<TargetKind, readonly IndicatorId[]> = {
  department: [
    'sign_on_time_rate', 'handling_rate', 'on_time_handling_rate', 'closure_rate', 'on_time_closure_rate', 'rework_rate',
    'return_rate', 'extension_rate', 'satisfaction_rate', 'supervision_points',
  ],
  street: ['handling_rate', 'on_time_handling_rate', 'closure_rate', 'on_time_closure_rate', 'rework_rate', 'return_rate', 'satisfaction_rate', 'supervision_points'],
  community: ['handling_rate', 'on_time_handling_rate', 'closure_rate', 'on_time_closure_rate', 'satisfaction_rate', 'supervision_points', 'missed_report_rate'],
  grid: ['handling_rate', 'on_time_handling_rate', 'closure_rate', 'on_time_closure_rate', 'satisfaction_rate', 'missed_report_rate', 'on_time_verification_rate', 'base_data_update_rate'],
  grid_worker: ['valid_report_rate', 'missed_report_rate', 'on_time_verification_rate', 'on_time_handling_rate', 'base_data_update_rate'],
};
