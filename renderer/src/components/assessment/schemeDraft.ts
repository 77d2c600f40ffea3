import { INDICATORS, type IndicatorId } from '@core/assessment/indicators';
import type { ScoringRule } from '@core/assessment/scheme';

/** Rates are stored as fractions (0.95) and edited as percentages (95). */
export const isRateIndicator = (id: IndicatorId) => INDICATORS[id].unit === 'rate';
export const toShown = (id: IndicatorId, v: number) => (isRateIndicator(id) ? Math.round(v * 100000) / 1000 : v);
export const fromShown = (id: IndicatorId, v: number) => (isRateIndicator(id) ? Math.round(v * 1000) / 100000 : v);

/** A sensible starting rule of each type for an indicator, pointing the way the indicator wants to go. */
export function defaultRule(id: IndicatorId, type: ScoringRule['type']): ScoringRule {
  const higher = INDICATORS[id].better === 'higher';
  const rate = isRateIndicator(id);
  const top = rate ? 1 : 0;
  const bottom = rate ? (higher ? 0 : 1) : 30;
  if (type === 'linear') return higher ? { type, worst: bottom, best: top } : { type, worst: rate ? 1 : 30, best: 0 };
  if (type === 'target') return { type, target: rate ? (higher ? 0.95 : 0.05) : 0, pointsPerPoint: 2 };
  const steps = higher
    ? [{ reach: 0.95, score: 100 }, { reach: 0.85, score: 85 }, { reach: 0.7, score: 70 }]
    : [{ reach: rate ? 0.05 : 0, score: 100 }, { reach: rate ? 0.15 : 10, score: 85 }, { reach: rate ? 0.3 : 20, score: 70 }];
  return { type, steps, otherwise: 50 };
}

export const sumWeights = (items: ReadonlyArray<{ weight: number }>) => Math.round(items.reduce((s, i) => s + (i.weight || 0), 0) * 100) / 100;
