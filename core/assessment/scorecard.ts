import type { TargetKind } from './indicators';
import { ADJUSTMENT_MEASURES, INDICATOR_MEASURES, evaluateMeasure, lateCount, type FactTotals } from './measures';
import type { SchemeAdjustment, SchemeDefinition } from './scheme';
import { composite, type CompositeResult, type IndicatorInput } from './scoring';

export interface TargetRef {
  kind: TargetKind;
  id: string;
  name: string;
}

export interface ScoredTarget extends CompositeResult {
  target: TargetRef;
  /** 1 is best; equal scores share a rank (1, 1, 3); targets with no score come last, unranked. */
  rank: number | null;
}

export function targetComposite(scheme: SchemeDefinition, kind: TargetKind, rows: readonly FactTotals[]): CompositeResult {
  const part = scheme.parts[kind];
  const inputs: Record<string, IndicatorInput> = {};
  for (const { indicator } of part.indicators) {
    const m = INDICATOR_MEASURES[indicator];
    inputs[indicator] = { numerator: evaluateMeasure(m.numerator, rows), denominator: m.denominator ? evaluateMeasure(m.denominator, rows) : 0 };
  }
  const counts: Partial<Record<SchemeAdjustment['source'], number>> = {};
  for (const a of part.adjustments) counts[a.source] = a.source === 'overdue' ? lateCount(rows) : evaluateMeasure(ADJUSTMENT_MEASURES[a.source], rows);
  return composite(part, scheme.bands, inputs, counts);
}

export function rankTargets(scored: Array<Omit<ScoredTarget, 'rank'>>): ScoredTarget[] {
  const sorted = [...scored].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.target.name.localeCompare(b.target.name, 'zh-CN'));
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((s, i) => {
    if (s.score === null) return { ...s, rank: null };
    if (s.score !== previous) rank = i + 1;
    previous = s.score;
    return { ...s, rank };
  });
}

export function scoreTargets(
  scheme: SchemeDefinition,
  targets: readonly TargetRef[],
  rowsOf: (target: TargetRef) => readonly FactTotals[],
): ScoredTarget[] {
  return rankTargets(targets.map((target) => ({ target, ...targetComposite(scheme, target.kind, rowsOf(target)) })));
}
