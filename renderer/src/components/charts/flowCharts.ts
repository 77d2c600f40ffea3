import type { DashboardData, FunnelStage } from '@core/api/dashboardTypes';
import { escapeHtml, mix, percent, textStyle, tooltipStyle, type ChartTheme } from './chartTheme';
import type { ChartOption } from './echartsSetup';
import type { Translate } from './scoreCharts';

type FunnelCounts = Array<{ stage: FunnelStage; count: number }>;

/** The seven stages in workflow order (never sorted by size), each as a share of what was reported. */
export function funnelOption(funnel: FunnelCounts, theme: ChartTheme, t: Translate): ChartOption {
  const reported = funnel[0]?.count ?? 0;
  const stageName = (stage: FunnelStage) => t(`dashboard.funnel.stage.${stage}`);
  return {
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const row = funnel[(p as { dataIndex: number }).dataIndex];
        if (!row) return '';
        return escapeHtml(t('dashboard.funnel.tooltip', { stage: stageName(row.stage), n: row.count, p: percent(reported ? row.count / reported : null) }));
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '6%',
        right: '6%',
        top: 6,
        bottom: 6,
        min: 0,
        max: Math.max(1, reported),
        minSize: '18%',
        gap: 3,
        itemStyle: { borderWidth: 0 },
        label: {
          show: true,
          position: 'inside',
          ...textStyle(theme, theme.fontSize),
          color: '#fff',
          fontWeight: 600,
          formatter: (p: unknown) => {
            const row = funnel[(p as { dataIndex: number }).dataIndex];
            return row ? `${stageName(row.stage)}  ${row.count}` : '';
          },
        },
        data: funnel.map((row, i) => ({
          name: stageName(row.stage),
          value: row.count,
          // One hue fading down the stages reads as one flow; seven hues would read as seven categories.
          itemStyle: { color: mix(theme.flow[0], theme.flow[1], i / Math.max(1, funnel.length - 1)) },
        })),
      },
    ],
  };
}

export const LIMIT_COLOURS = ['green', 'yellow', 'red'] as const;

/** Three gauges: the share of open cases whose current stage is on time, due soon, overdue. */
export function limitGaugesOption(limits: DashboardData['limits'], theme: ChartTheme, t: Translate): ChartOption {
  const total = limits.green + limits.yellow + limits.red;
  return {
    series: LIMIT_COLOURS.map((colour, i) => {
      const share = total ? (limits[colour] / total) * 100 : 0;
      return {
        type: 'gauge' as const,
        center: [`${(i * 2 + 1) * (100 / 6)}%`, '52%'],
        radius: '82%',
        startAngle: 210,
        endAngle: -30,
        min: 0,
        max: 100,
        pointer: { show: false },
        progress: { show: true, width: theme.fontSize, roundCap: true, itemStyle: { color: theme.limit[colour] } },
        axisLine: { lineStyle: { width: theme.fontSize, color: [[1, theme.splitLine]] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { offsetCenter: [0, '62%'], ...textStyle(theme, theme.fontSize), color: theme.limit[colour], fontWeight: 600 },
        detail: {
          offsetCenter: [0, '0%'],
          valueAnimation: true,
          ...textStyle(theme, theme.largeFontSize * 2),
          fontWeight: 700,
          formatter: () => `${share.toFixed(0)}%\n{count|${t('dashboard.limits.detail', { n: limits[colour] })}}`,
          rich: { count: { ...textStyle(theme, theme.smallFontSize), color: theme.mutedText, padding: [6, 0, 0, 0] } },
        },
        data: [{ value: Number(share.toFixed(1)), name: t(`dashboard.limits.${colour}`) }],
      };
    }),
  };
}

const DAY_MS = 86_400_000;

/** The totals skip days without reports; a trend line must show them as zero, not join over them. */
export function lastDays(days: Array<{ day: string; reports: number }>, lastDay: string, count: number): Array<{ day: string; reports: number }> {
  const byDay = new Map(days.map((d) => [d.day, d.reports]));
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(end - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return { day, reports: byDay.get(day) ?? 0 };
  });
}

/** Reports per day: the wall's 30-day line, days shown as MM-DD. */
export function dailyTrendOption(days: Array<{ day: string; reports: number }>, theme: ChartTheme): ChartOption {
  return {
    grid: { left: 8, right: 24, top: theme.fontSize * 1.5, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', ...tooltipStyle(theme) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: days.map((d) => d.day.slice(5)),
      axisLabel: { ...textStyle(theme, theme.smallFontSize), color: theme.mutedText, interval: 6 },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { ...textStyle(theme, theme.smallFontSize), color: theme.mutedText },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    series: [
      {
        type: 'line',
        smooth: true,
        symbol: 'circle',
        symbolSize: theme.fontSize * 0.35,
        lineStyle: { width: theme.lineWidth, color: theme.palette[0] },
        itemStyle: { color: theme.palette[0] },
        areaStyle: { color: theme.palette[0], opacity: 0.18 },
        data: days.map((d) => d.reports),
      },
    ],
  };
}
