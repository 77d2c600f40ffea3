import type { IndicatorId, TargetKind } from './indicators';

/**
 * How a value becomes 0–100 points:
 * - linear: the value's place between `worst` and `best` (either may be the larger).
 * - target: 100 at or beyond the target; `pointsPerPoint` off for each percentage point short.
 * - steps: the score of the first step the value reaches (steps ordered from best to worst).
 */
export type ScoringRule =
  | { type: 'linear'; worst: number; best: number }
  | { type: 'target'; target: number; pointsPerPoint: number }
  | { type: 'steps'; steps: Array<{ reach: number; score: number }>; otherwise: number };

export interface SchemeIndicator {
  indicator: IndicatorId;
  /** Weights of a target kind add up to 100. */
  weight: number;
  rule: ScoringRule;
}

/** Bonus and penalty items (加减分项): points per occurrence, with an optional cap. */
export const ADJUSTMENT_SOURCES = ['rework', 'return', 'false_report', 'red_supervision', 'overdue', 'grid_self_handled'] as const;
export type AdjustmentSource = (typeof ADJUSTMENT_SOURCES)[number];

export const ADJUSTMENT_LABELS: Record<AdjustmentSource, string> = {
  rework: '返工',
  return: '退回（拒签）',
  false_report: '虚假或无效上报',
  red_supervision: '红牌督办',
  overdue: '超期（未免责）',
  grid_self_handled: '网格自处置办结',
};

export interface SchemeAdjustment {
  source: AdjustmentSource;
  /** Negative for a penalty, positive for a bonus. */
  pointsEach: number;
  /** The most points (in absolute value) this item may add or take away. */
  cap: number | null;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'E'];

/** Lower bounds, best grade first; E is anything below D's bound. */
export interface GradeBand {
  grade: Grade;
  min: number;
}

export interface SchemePart {
  indicators: SchemeIndicator[];
  adjustments: SchemeAdjustment[];
}

export interface SchemeDefinition {
  name: string;
  parts: Record<TargetKind, SchemePart>;
  bands: GradeBand[];
}
