import { useI18n } from 'vue-i18n';
import { INDICATORS, type IndicatorId, type TargetKind } from '@core/assessment/indicators';
import type { PeriodSpec } from '@core/assessment/periods';
import type { RunSummary } from '@core/api/assessmentTypes';
import { monthFromLabel } from './period';

const NONE = '—';
/** Scores are kept to two decimals by the server; trailing zeros only add noise. */
/** Composite scores line up in a ranked column: always two decimals (90.60 under 95.09). */
export const formatComposite = (n: number | null | undefined): string => (n === null || n === undefined ? NONE : n.toFixed(2));
export const formatScore = (n: number | null | undefined): string => (n === null || n === undefined ? NONE : String(Math.round(n * 100) / 100));

export function formatValue(indicator: IndicatorId, value: number | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  return INDICATORS[indicator].unit === 'rate' ? `${(Math.round(value * 1000) / 10).toFixed(1)}%` : String(Math.round(value * 100) / 100);
}

/** How a change reads: good when it moves the way the indicator wants. */
export type Trend = 'up' | 'down' | 'flat' | 'none';
export function trendOf(change: number | null | undefined): Trend {
  if (change === null || change === undefined) return 'none';
  return Math.abs(change) < 1e-9 ? 'flat' : change > 0 ? 'up' : 'down';
}
export function isGood(trend: Trend, better: 'higher' | 'lower' = 'higher'): boolean | null {
  if (trend === 'none' || trend === 'flat') return null;
  return (trend === 'up') === (better === 'higher');
}

/** Labels for everything the assessment screens print, in the current language. */
export function useAssessmentText() {
  const { t, locale } = useI18n();

  const periodText = (p: PeriodSpec): string => {
    switch (p.kind) {
      case 'month': {
        const monthName = new Intl.DateTimeFormat(locale.value, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(p.year, p.month - 1, 15));
        return t('assessment.period.month', { year: p.year, month: p.month, monthName });
      }
      case 'quarter':
        return t('assessment.period.quarter', { year: p.year, quarter: p.quarter });
      case 'year':
        return t('assessment.period.year', { year: p.year });
      case 'custom':
        return t('assessment.period.custom', { from: p.from, to: p.to });
    }
  };
  /** The server's own labels are Chinese; months it names are re-spoken in the current language. */
  const serverPeriodText = (label: string): string => {
    const spec = monthFromLabel(label);
    return spec ? periodText(spec) : label;
  };
  const kindName = (k: TargetKind) => t(`assessment.kind.${k}`);
  /** One target of a kind: 'Department' rather than the tab's 'Departments'. */
  const kindOne = (k: TargetKind) => t(`assessment.kindOne.${k}`);
  const indicatorName = (i: IndicatorId) => t(`assessment.indicator.${i}.name`);
  const numeratorName = (i: IndicatorId) => t(`assessment.indicator.${i}.numerator`);
  const denominatorName = (i: IndicatorId) => t(`assessment.indicator.${i}.denominator`);
  const formula = (i: IndicatorId) => (INDICATORS[i].unit === 'rate' ? `${numeratorName(i)} / ${denominatorName(i)}` : numeratorName(i));
  const runStatus = (run: RunSummary | null) => t(run ? `assessment.scorecard.${run.status}` : 'assessment.scorecard.live');

  return { t, locale, periodText, serverPeriodText, kindName, kindOne, indicatorName, numeratorName, denominatorName, formula, runStatus };
}
