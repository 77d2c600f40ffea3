import { INDICATORS, type IndicatorId } from './indicators';
import type { Grade, GradeBand, SchemeAdjustment, SchemePart, ScoringRule } from './scheme';

const clamp = (v: number) => Math.min(100, Math.max(0, v));
export const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * One indicator's points for a value. Rates are fractions (0.93) and a target rule takes
 * points off per percentage point; counts take points off per unit. For indicators where
 * lower is better, "short of the target" means above it, and steps are upper bounds.
 */
export function ruleScore(indicator: IndicatorId, value: number, rule: ScoringRule): number {
  const { better, unit } = INDICATORS[indicator];
  switch (rule.type) {
    case 'linear':
      if (rule.best === rule.worst) return value === rule.best ? 100 : 0;
      return clamp(((value - rule.worst) / (rule.best - rule.worst)) * 100);
    case 'target': {
      const short = better === 'higher' ? rule.target - value : value - rule.target;
      const units = unit === 'rate' ? short * 100 : short;
      return clamp(100 - Math.max(0, units) * rule.pointsPerPoint);
    }
    case 'steps':
      for (const step of rule.steps) {
        if (better === 'higher' ? value >= step.reach : value <= step.reach) return step.score;
      }
      return rule.otherwise;
  }
}

export interface IndicatorInput {
  numerator: number;
  denominator: number;
}

export interface IndicatorResult {
  indicator: IndicatorId;
  weight: number;
  numerator: number;
  denominator: number;
  /** null when nothing was due (shown as "—"): never 0% or 100% by default. */
  value: number | null;
  score: number | null;
}

export interface AdjustmentResult {
  source: SchemeAdjustment['source'];
  count: number;
  points: number;
}

export interface CompositeResult {
  score: number | null;
  grade: Grade | null;
  indicators: IndicatorResult[];
  adjustments: AdjustmentResult[];
}

export function indicatorValue(indicator: IndicatorId, input: IndicatorInput): number | null {
  if (INDICATORS[indicator].unit === 'count') return input.numerator;
  return input.denominator > 0 ? input.numerator / input.denominator : null;
}

export function gradeOf(score: number, bands: readonly GradeBand[]): Grade {
  for (const band of bands) if (score >= band.min) return band.grade;
  return 'E';
}

/**
 * The composite: a weighted mean of the indicator scores that have a value (indicators
 * with nothing due drop out and the others' weights are renormalised), plus bonus and
 * penalty points, kept within 0–100.
 */
export function composite(
  part: SchemePart,
  bands: readonly GradeBand[],
  inputs: Partial<Record<IndicatorId, IndicatorInput>>,
  adjustmentCounts: Partial<Record<SchemeAdjustment['source'], number>>,
): CompositeResult {
  const indicators = part.indicators.map((si): IndicatorResult => {
    const input = inputs[si.indicator] ?? { numerator: 0, denominator: 0 };
    const value = indicatorValue(si.indicator, input);
    return {
      indicator: si.indicator,
      weight: si.weight,
      numerator: input.numerator,
      denominator: input.denominator,
      value: value === null ? null : Math.round(value * 10000) / 10000,
      score: value === null ? null : round2(ruleScore(si.indicator, value, si.rule)),
    };
  });
  const scored = indicators.filter((i) => i.score !== null);
  const weight = scored.reduce((sum, i) => sum + i.weight, 0);
  const adjustments = part.adjustments.map((a): AdjustmentResult => {
    const count = adjustmentCounts[a.source] ?? 0;
    const raw = count * a.pointsEach;
    const points = a.cap === null ? raw : Math.sign(raw) * Math.min(Math.abs(raw), a.cap);
    return { source: a.source, count, points: round2(points) };
  });
  if (weight === 0) return { score: null, grade: null, indicators, adjustments };
  const base = scored.reduce((sum, i) => sum + i.score! * i.weight, 0) / weight;
  const score = round2(clamp(base + adjustments.reduce((sum, a) => sum + a.points, 0)));
  return { score, grade: gradeOf(score, bands), indicators, adjustments };
}
