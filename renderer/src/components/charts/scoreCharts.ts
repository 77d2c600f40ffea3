import type { DashboardData, RadarSeries, RankedTarget } from '@core/api/dashboardTypes';
import type { IndicatorId } from '@core/assessment/indicators';
import { escapeHtml, textStyle, tooltipStyle, type ChartTheme } from './chartTheme';
import type { ChartOption } from './echartsSetup';

/** vue-i18n's t, narrowed to what the option builders use. */
export type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Ranked first, unranked (nothing due) last: the order a leader reads the table in. */
export const rankingOrder = (departments: RankedTarget[]): RankedTarget[] =>
  [...departments].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name));

/** Horizontal bars, best on top, coloured by grade; the caller keeps rankingOrder() to map a click to its department. */
export function rankingOption(departments: RankedTarget[], theme: ChartTheme, t: Translate, nameOf: (d: RankedTarget) => string, labelWidth: number): ChartOption {
  const rows = rankingOrder(departments);
  return {
    grid: { left: 8, right: theme.fontSize * 5, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const d = rows[(p as { dataIndex: number }).dataIndex];
        if (!d) return '';
        const value = d.score === null ? t('dashboard.ranking.unranked') : t('dashboard.ranking.label', { score: d.score.toFixed(1), grade: d.grade ?? '' });
        return `${escapeHtml(d.name)}<br/>${d.rank ? `#${d.rank} · ` : ''}${escapeHtml(value)}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map(nameOf),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
      // Every department is named: the default would skip every other label when rows are tight.
      axisLabel: { ...textStyle(theme), width: labelWidth, overflow: 'truncate', interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: theme.fontSize * 1.2,
        showBackground: true,
        backgroundStyle: { color: theme.splitLine },
        data: rows.map((d) => ({ value: d.score ?? 0, itemStyle: { color: d.grade ? theme.grade[d.grade] : theme.mutedText } })),
        label: {
          show: true,
          position: 'right',
          ...textStyle(theme, theme.smallFontSize),
          formatter: (p: unknown) => {
            const d = rows[(p as { dataIndex: number }).dataIndex];
            return !d || d.score === null ? t('dashboard.ranking.unranked') : `${d.score.toFixed(1)} ${d.grade ?? ''}`;
          },
        },
      },
    ],
  };
}

/** One polygon per street over the scheme's street indicators, scored 0–100; a short panel puts the legend beside it. */
export function radarOption(streets: RadarSeries[], theme: ChartTheme, t: Translate, legend: 'bottom' | 'right' = 'bottom'): ChartOption {
  const indicators = streets[0]?.values.map((v) => v.indicator) ?? [];
  const name = (id: IndicatorId) => t(`dashboard.indicator.${id}`);
  return {
    color: theme.palette,
    legend: {
      ...(legend === 'bottom' ? { bottom: 0 } : { right: 0, top: 'middle', orient: 'vertical' as const }),
      textStyle: textStyle(theme, theme.smallFontSize),
      itemWidth: theme.fontSize,
      itemHeight: theme.fontSize * 0.7,
    },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const s = streets[(p as { dataIndex: number }).dataIndex];
        if (!s) return '';
        const lines = s.values.map((v) => `${escapeHtml(name(v.indicator))}：${v.score === null ? '—' : v.score.toFixed(1)}`);
        return [`<b>${escapeHtml(s.name)}</b>`, ...lines].join('<br/>');
      },
    },
    radar: {
      radius: legend === 'bottom' ? '62%' : '72%',
      center: legend === 'bottom' ? ['50%', '48%'] : ['40%', '54%'],
      indicator: indicators.map((id) => ({ name: name(id), max: 100, min: 0 })),
      axisName: { ...textStyle(theme, theme.smallFontSize), color: theme.mutedText },
      splitNumber: 4,
      splitLine: { lineStyle: { color: theme.axisLine } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: theme.fontSize * 0.45,
        lineStyle: { width: theme.lineWidth },
        areaStyle: { opacity: 0.12 },
        // A score with nothing due is left out of the polygon rather than drawn as a zero.
        data: streets.map((s) => ({ name: s.name, value: s.values.map((v) => v.score ?? '-') })),
      },
    ],
  };
}

const MONTH_LABEL = /^(\d{4})年(\d{1,2})月$/;

/** '2026年6月' → '6月' or 'Jun': the year is in the panel title's context. */
export function shortMonth(label: string, locale: string): string {
  const m = MONTH_LABEL.exec(label);
  if (!m) return label;
  if (locale.startsWith('zh')) return `${Number(m[2])}月`;
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** One line per indicator, month by month, as percentages. */
export function trendsOption(trends: DashboardData['trends'], theme: ChartTheme, t: Translate, locale: string): ChartOption {
  const indicators = trends[0]?.values.map((v) => v.indicator) ?? [];
  return {
    color: theme.palette,
    legend: { top: 0, textStyle: textStyle(theme, theme.smallFontSize), itemWidth: theme.fontSize * 1.5, itemHeight: theme.fontSize * 0.6 },
    grid: { left: 8, right: 16, top: theme.fontSize * 3.2, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', ...tooltipStyle(theme), valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trends.map((p) => shortMonth(p.periodLabel, locale)),
      axisLabel: textStyle(theme, theme.smallFontSize),
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { ...textStyle(theme, theme.smallFontSize), formatter: '{value}%' },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    series: indicators.map((indicator) => ({
      type: 'line' as const,
      name: t(`dashboard.indicator.${indicator}`),
      symbolSize: theme.fontSize * 0.5,
      lineStyle: { width: theme.lineWidth },
      triggerLineEvent: true,
      data: trends.map((p) => {
        const value = p.values.find((v) => v.indicator === indicator)?.value;
        return value === null || value === undefined ? '-' : Number((value * 100).toFixed(1));
      }),
    })),
  };
}

export interface ProfileTrendText {
  score: string;
  indicatorName: (id: IndicatorId) => string;
}

/**
 * One target month by month: the composite score drawn bold, each rate indicator as a thin
 * line a click away in the legend (all shown at once they would hide the score).
 */
export function profileTrendOption(
  points: Array<{ periodLabel: string; score: number | null; indicators: Array<{ indicator: IndicatorId; value: number | null }> }>,
  rateIndicators: IndicatorId[],
  theme: ChartTheme,
  text: ProfileTrendText,
  locale: string,
): ChartOption {
  const dash = (v: number | null | undefined) => (v === null || v === undefined ? '-' : Number(v.toFixed(1)));
  const rateOf = (p: (typeof points)[number], id: IndicatorId) => {
    const value = p.indicators.find((i) => i.indicator === id)?.value;
    return value === null || value === undefined ? null : value * 100;
  };
  const lines = rateIndicators.map((id) => ({
    type: 'line' as const,
    name: text.indicatorName(id),
    symbolSize: theme.fontSize * 0.45,
    lineStyle: { width: 1.5 },
    data: points.map((p) => dash(rateOf(p, id))),
  }));
  return {
    color: theme.palette,
    legend: {
      top: 0,
      textStyle: textStyle(theme, theme.smallFontSize),
      itemWidth: theme.fontSize * 1.5,
      itemHeight: theme.fontSize * 0.6,
      selected: Object.fromEntries(rateIndicators.map((id) => [text.indicatorName(id), false])),
    },
    grid: { left: 8, right: 16, top: theme.fontSize * 3.2, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', ...tooltipStyle(theme), valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '—') },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => shortMonth(p.periodLabel, locale)),
      axisLabel: textStyle(theme, theme.smallFontSize),
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: textStyle(theme, theme.smallFontSize), splitLine: { lineStyle: { color: theme.splitLine } } },
    series: [
      {
        type: 'line' as const,
        name: text.score,
        symbolSize: theme.fontSize * 0.7,
        lineStyle: { width: theme.lineWidth * 1.5 },
        label: { show: true, position: 'top', ...textStyle(theme, theme.smallFontSize), formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(1) : '') },
        data: points.map((p) => dash(p.score)),
      },
      ...lines,
    ],
  };
}
