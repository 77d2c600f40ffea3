import type { SchemeDefinition, ScoringRule } from './scheme';

const rate = (target: number, pointsPerPoint = 2): ScoringRule => ({ type: 'target', target, pointsPerPoint });

/**
 * The scheme GridDesk ships with (2026 版街道网格化服务管理考核方案). Departments and street
 * offices are judged on what happened to the cases they were given, grid workers on
 * what they found and checked, not on their logbooks.
 */
export const DEFAULT_SCHEME: SchemeDefinition = {
  name: '网格化服务管理考核方案（默认）',
  bands: [
    { grade: 'A', min: 90 },
    { grade: 'B', min: 75 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: 40 },
  ],
  parts: {
    department: {
      indicators: [
        { indicator: 'sign_on_time_rate', weight: 15, rule: rate(0.98) },
        { indicator: 'on_time_handling_rate', weight: 25, rule: rate(0.95) },
        { indicator: 'closure_rate', weight: 15, rule: rate(0.95) },
        { indicator: 'rework_rate', weight: 10, rule: rate(0.05) },
        { indicator: 'return_rate', weight: 10, rule: rate(0.03, 3) },
        { indicator: 'satisfaction_rate', weight: 20, rule: rate(0.9) },
        { indicator: 'extension_rate', weight: 5, rule: { type: 'linear', worst: 0.3, best: 0 } },
      ],
      adjustments: [
        { source: 'rework', pointsEach: -0.2, cap: 5 },
        { source: 'red_supervision', pointsEach: -1, cap: 5 },
      ],
    },
    street: {
      indicators: [
        { indicator: 'on_time_handling_rate', weight: 25, rule: rate(0.95) },
        { indicator: 'closure_rate', weight: 20, rule: rate(0.95) },
        { indicator: 'on_time_closure_rate', weight: 15, rule: rate(0.9) },
        { indicator: 'return_rate', weight: 15, rule: rate(0.03, 3) },
        { indicator: 'satisfaction_rate', weight: 25, rule: rate(0.9) },
      ],
      adjustments: [{ source: 'red_supervision', pointsEach: -1, cap: 5 }],
    },
    community: {
      indicators: [
        { indicator: 'closure_rate', weight: 30, rule: rate(0.95) },
        { indicator: 'on_time_closure_rate', weight: 20, rule: rate(0.9) },
        { indicator: 'satisfaction_rate', weight: 30, rule: rate(0.9) },
        { indicator: 'missed_report_rate', weight: 20, rule: { type: 'linear', worst: 1, best: 0 } },
      ],
      adjustments: [{ source: 'false_report', pointsEach: -1, cap: 5 }],
    },
    grid: {
      indicators: [
        { indicator: 'closure_rate', weight: 25, rule: rate(0.95) },
        { indicator: 'satisfaction_rate', weight: 25, rule: rate(0.9) },
        { indicator: 'missed_report_rate', weight: 25, rule: { type: 'linear', worst: 1, best: 0 } },
        { indicator: 'on_time_verification_rate', weight: 25, rule: rate(0.95) },
      ],
      adjustments: [{ source: 'grid_self_handled', pointsEach: 0.1, cap: 3 }],
    },
    grid_worker: {
      indicators: [
        { indicator: 'valid_report_rate', weight: 30, rule: rate(0.9) },
        { indicator: 'missed_report_rate', weight: 20, rule: { type: 'linear', worst: 1, best: 0 } },
        { indicator: 'on_time_verification_rate', weight: 30, rule: rate(0.95) },
        {
          indicator: 'on_time_handling_rate',
          weight: 20,
          rule: { type: 'steps', steps: [{ reach: 0.95, score: 100 }, { reach: 0.85, score: 85 }, { reach: 0.7, score: 70 }], otherwise: 50 },
        },
      ],
      adjustments: [
        { source: 'false_report', pointsEach: -1, cap: 5 },
        { source: 'grid_self_handled', pointsEach: 0.1, cap: 3 },
      ],
    },
  },
};
