import type { FactKind } from './facts';
import type { IndicatorId } from './indicators';
import type { AdjustmentSource } from './scheme';

/**
 * Which facts a number counts, and how: one definition that both the scorecard's totals
 * and its drill-down lists are computed from, so a number and its case list always agree.
 *
 * measure: 'settled' counts a fact due in the period once it is done or its due day has
 * passed (an open stage due later today or this month is not judged yet); 'done' and
 * 'onTime' count finished facts, on time meaning done no later than due; 'count' counts
 * every fact; 'weight' sums supervision points.
 */
export interface FactMeasure {
  kinds: FactKind[];
  outcomes?: string[];
  notOutcomes?: string[];
  measure: 'settled' | 'done' | 'onTime' | 'count' | 'weight';
}

export interface IndicatorMeasures {
  numerator: FactMeasure;
  denominator: FactMeasure | null;
}

const settled = (kind: FactKind, notOutcomes?: string[]): FactMeasure => ({ kinds: [kind], measure: 'settled', ...(notOutcomes ? { notOutcomes } : {}) });
/** "Handled" means one thing everywhere (DESIGN §3): a result verification did not fail. */
const handled: FactMeasure = { kinds: ['handle'], measure: 'done' };
const filedOwnReports: FactMeasure = { kinds: ['report'], outcomes: ['filed'], measure: 'count' };

export const INDICATOR_MEASURES: Record<IndicatorId, IndicatorMeasures> = {
  // Signed or returned by the deadline (or the dispatch withdrawn before it) / dispatches.
  sign_on_time_rate: { numerator: { kinds: ['sign'], measure: 'onTime' }, denominator: settled('sign') },
  handling_rate: { numerator: handled, denominator: settled('handle') },
  on_time_handling_rate: { numerator: { kinds: ['handle'], measure: 'onTime' }, denominator: settled('handle') },
  closure_rate: { numerator: { kinds: ['close'], outcomes: ['closed'], measure: 'count' }, denominator: settled('close', ['parked']) },
  on_time_closure_rate: { numerator: { kinds: ['close'], outcomes: ['closed'], measure: 'onTime' }, denominator: settled('close', ['parked']) },
  rework_rate: { numerator: { kinds: ['reworked'], measure: 'count' }, denominator: handled },
  return_rate: { numerator: { kinds: ['sign'], outcomes: ['returned'], measure: 'count' }, denominator: settled('sign') },
  extension_rate: { numerator: { kinds: ['extension'], measure: 'count' }, denominator: settled('sign') },
  satisfaction_rate: {
    numerator: { kinds: ['callback'], outcomes: ['satisfied', 'basically_satisfied'], measure: 'count' },
    denominator: { kinds: ['callback'], notOutcomes: ['unreachable'], measure: 'count' },
  },
  supervision_points: { numerator: { kinds: ['supervision'], measure: 'weight' }, denominator: null },
  valid_report_rate: {
    numerator: filedOwnReports,
    denominator: { kinds: ['report'], outcomes: ['filed', 'voided', 'merged'], measure: 'count' },
  },
  missed_report_rate: { numerator: { kinds: ['found_by_others'], measure: 'count' }, denominator: filedOwnReports },
  on_time_verification_rate: { numerator: { kinds: ['verify'], measure: 'onTime' }, denominator: settled('verify') },
  // Due re-verifications answered by their due time / due ones decided (answered, or due and passed).
  base_data_update_rate: { numerator: { kinds: ['register_verify'], measure: 'onTime' }, denominator: settled('register_verify') },
};

/** What each bonus or penalty item counts. */
export const ADJUSTMENT_MEASURES: Record<AdjustmentSource, FactMeasure> = {
  rework: { kinds: ['rework'], measure: 'count' },
  return: { kinds: ['sign'], outcomes: ['returned'], measure: 'count' },
  false_report: { kinds: ['report'], outcomes: ['voided'], measure: 'count' },
  red_supervision: { kinds: ['supervision'], outcomes: ['red'], measure: 'count' },
  overdue: { kinds: ['sign', 'handle', 'verify'], measure: 'settled' }, // minus on time: see lateCount
  grid_self_handled: { kinds: ['handle'], outcomes: ['handled'], measure: 'count' },
};

/** A rollup row: one (fact kind, outcome) for one target over some days, already summed. */
export interface FactTotals {
  kind: FactKind;
  outcome: string | null;
  settled: number;
  done: number;
  onTime: number;
  count: number;
  weight: number;
}

export function matches(m: FactMeasure, kind: FactKind, outcome: string | null): boolean {
  if (!m.kinds.includes(kind)) return false;
  if (m.outcomes && (outcome === null || !m.outcomes.includes(outcome))) return false;
  if (m.notOutcomes && outcome !== null && m.notOutcomes.includes(outcome)) return false;
  return true;
}

export function evaluateMeasure(m: FactMeasure, rows: readonly FactTotals[]): number {
  let sum = 0;
  for (const row of rows) if (matches(m, row.kind, row.outcome)) sum += row[m.measure];
  return sum;
}

/** Overdue stages: settled but not on time. */
export function lateCount(rows: readonly FactTotals[]): number {
  const m = ADJUSTMENT_MEASURES.overdue;
  return evaluateMeasure(m, rows) - evaluateMeasure({ ...m, measure: 'onTime' }, rows);
}
