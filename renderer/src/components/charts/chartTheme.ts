import type { Grade } from '@core/assessment';

/**
 * Colours and type sizes of one surface. The workstation reads charts from half a metre; the
 * wall is read across a room, so its sizes are those of a 1920×1080 canvas seen from 5–10 m.
 */
export interface ChartTheme {
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  fontSize: number;
  smallFontSize: number;
  largeFontSize: number;
  /** Series colours, in order. */
  palette: string[];
  /** Twelve distinguishable colours, for the category classes. */
  widePalette: string[];
  /** The funnel's first and last stage: one hue darkening down the flow, white text legible on all. */
  flow: [string, string];
  tooltipBackground: string;
  tooltipText: string;
  /** Low → high for counts (density, open, overdue). */
  heat: string[];
  /** Low → high for scores: red where a grid does badly. */
  scoreHeat: string[];
  limit: { green: string; yellow: string; red: string };
  grade: Record<Grade, string>;
  /** The border between grids and the thicker one around communities and streets. */
  gridBorder: string;
  communityBorder: string;
  streetBorder: string;
  emptyArea: string;
  lineWidth: number;
}

export const WORKSTATION_THEME: ChartTheme = {
  text: '#1f2329',
  mutedText: '#6b7480',
  axisLine: '#c9ced6',
  splitLine: '#eceef1',
  fontSize: 12,
  smallFontSize: 11,
  largeFontSize: 14,
  palette: ['#2f6fd6', '#e08a00', '#3f9b5b', '#9256c9', '#d0342c', '#17a2b8', '#8a6d3b'],
  widePalette: ['#2f6fd6', '#e08a00', '#3f9b5b', '#9256c9', '#d0342c', '#17a2b8', '#8a6d3b', '#c2185b', '#5c6bc0', '#7cb342', '#f4511e', '#00897b'],
  flow: ['#4a86e0', '#173f87'],
  tooltipBackground: 'rgba(255,255,255,0.97)',
  tooltipText: '#1f2329',
  heat: ['#eef4fb', '#b9d3f0', '#6fa3e0', '#2f6fd6', '#173f87'],
  scoreHeat: ['#d0342c', '#f0a04b', '#f4e38c', '#9ccc7a', '#3f8f2f'],
  limit: { green: '#3f8f2f', yellow: '#c07a00', red: '#d0342c' },
  grade: { A: '#3f8f2f', B: '#2f6fd6', C: '#c07a00', D: '#e0662a', E: '#d0342c' },
  gridBorder: '#ffffff',
  communityBorder: '#5b6472',
  streetBorder: '#1d2a3a',
  emptyArea: '#e4e7ed',
  lineWidth: 2,
};

export const WALL_THEME: ChartTheme = {
  text: '#e6f0ff',
  mutedText: '#8fa6c8',
  axisLine: '#36527a',
  splitLine: 'rgba(80,120,180,0.22)',
  fontSize: 20,
  smallFontSize: 18,
  largeFontSize: 24,
  palette: ['#3fb8ff', '#ffb340', '#4fe39a', '#c38bff', '#ff6b6b', '#38e0d6', '#f0e36a'],
  widePalette: ['#3fb8ff', '#ffb340', '#4fe39a', '#c38bff', '#ff6b6b', '#38e0d6', '#f0e36a', '#ff8ac2', '#8c9eff', '#b2ff59', '#ff9e40', '#64ffda'],
  flow: ['#2b9be0', '#163f7a'],
  tooltipBackground: 'rgba(8,20,44,0.95)',
  tooltipText: '#e6f0ff',
  heat: ['#0f2b52', '#1a5a8f', '#2b93c7', '#f2b84b', '#ff5a4f'],
  scoreHeat: ['#ff5a4f', '#f2b84b', '#d8e27a', '#58d68d', '#27ae60'],
  limit: { green: '#4fe39a', yellow: '#ffc53d', red: '#ff5a4f' },
  grade: { A: '#4fe39a', B: '#3fb8ff', C: '#ffc53d', D: '#ff9447', E: '#ff5a4f' },
  gridBorder: '#061226',
  communityBorder: '#6d8fbf',
  streetBorder: '#cfe2ff',
  emptyArea: '#13243f',
  lineWidth: 3,
};

/** Canvas text takes a real family list: 'inherit' is not a font, and the canvas would fall back to 10px sans-serif. */
export const CHART_FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const textStyle = (theme: ChartTheme, size = theme.fontSize) => ({ color: theme.text, fontSize: size, fontFamily: CHART_FONT });

export const tooltipStyle = (theme: ChartTheme) => ({
  backgroundColor: theme.tooltipBackground,
  borderColor: theme.axisLine,
  textStyle: { color: theme.tooltipText, fontSize: theme.fontSize, fontFamily: CHART_FONT },
  confine: true,
});

/** The colour a fraction of the way from one hex colour to another. */
export function mix(from: string, to: string, fraction: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * fraction));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Rates travel as fractions; people read percentages with one decimal at most. */
export const percent = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits).replace(/\.0$/, '')}%`;

/** Escapes text for the HTML tooltips: names come from the database. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
