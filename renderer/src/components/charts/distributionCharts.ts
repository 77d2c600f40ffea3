import type { DashboardData } from '@core/api/dashboardTypes';
import { escapeHtml, textStyle, tooltipStyle, type ChartTheme } from './chartTheme';
import type { ChartOption } from './echartsSetup';
import type { Translate } from './scoreCharts';

/** What a sunburst sector stands for, so a click can open the cases of a major or a minor class. */
export interface CategoryNode {
  name: string;
  value: number;
  majorCode: string;
  categoryId?: string;
  children?: CategoryNode[];
}

/** Major classes inside, their minor classes outside; only sectors wide enough for their name are labelled. */
export function categorySunburstOption(categories: DashboardData['categories'], theme: ChartTheme, t: Translate): ChartOption {
  const data: CategoryNode[] = categories
    .filter((m) => m.total > 0)
    .map((m, i) => ({
      name: m.majorName,
      value: m.total,
      majorCode: m.majorCode,
      itemStyle: { color: theme.widePalette[i % theme.widePalette.length] },
      children: [...m.minors].sort((a, b) => b.count - a.count).map((c) => ({ name: c.name, value: c.count, majorCode: m.majorCode, categoryId: c.categoryId })),
    }));
  return {
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const node = (p as { data?: CategoryNode }).data;
        return node ? escapeHtml(t('dashboard.categories.tooltip', { name: node.name, n: node.value })) : '';
      },
    },
    series: [
      {
        type: 'sunburst',
        radius: ['12%', '96%'],
        nodeClick: false,
        sort: undefined,
        itemStyle: { borderColor: theme.gridBorder, borderWidth: 1 },
        emphasis: { focus: 'ancestor' },
        levels: [
          {},
          // Radial labels fit the narrow sectors; the thinnest are left to the tooltip.
          { r0: '12%', r: '55%', label: { ...textStyle(theme, theme.smallFontSize), color: '#fff', minAngle: 10, rotate: 'radial' } },
          { r0: '55%', r: '96%', itemStyle: { opacity: 0.7 }, label: { ...textStyle(theme, theme.smallFontSize - 1), minAngle: 8, rotate: 'radial', width: 58, overflow: 'truncate' } },
        ],
        data,
      },
    ],
  };
}

/** Days as a heat map, weeks running left to right as on a wall calendar. */
export function calendarOption(calendar: DashboardData['calendar'], range: [string, string], theme: ChartTheme, t: Translate, locale: string): ChartOption {
  const max = Math.max(1, ...calendar.map((d) => d.reports));
  const zh = locale.startsWith('zh');
  return {
    tooltip: {
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const [day, n] = ((p as { data?: [string, number] }).data ?? ['', 0]) as [string, number];
        return escapeHtml(t('dashboard.calendar.tooltip', { day, n }));
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      right: 8,
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      text: [String(max), '0'],
      textStyle: textStyle(theme, theme.smallFontSize),
      inRange: { color: theme.heat.slice(0, 4) },
    },
    calendar: {
      range,
      top: 24,
      left: 36,
      right: 8,
      bottom: 34,
      cellSize: ['auto', 'auto'],
      splitLine: { show: false },
      itemStyle: { color: theme.emptyArea, borderColor: theme.gridBorder, borderWidth: 2 },
      yearLabel: { show: false },
      dayLabel: { firstDay: 1, nameMap: zh ? 'ZH' : 'EN', ...textStyle(theme, theme.smallFontSize), color: theme.mutedText },
      monthLabel: { nameMap: zh ? 'ZH' : 'EN', ...textStyle(theme, theme.smallFontSize), color: theme.mutedText },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: calendar.map((d) => [d.day, d.reports]) }],
  };
}
