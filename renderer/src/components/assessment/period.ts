import type { PeriodSpec } from '@core/assessment/periods';

/** Periods as they travel in the URL: '2026-10', '2026-Q3', '2026', '2026-10-01~2026-10-15'. */
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const CUSTOM = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

export type PeriodKind = PeriodSpec['kind'];
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

/** Year and month (1-12) of an instant in China time, whatever the workstation's zone. */
export function chinaMonth(ms = Date.now()): { year: number; month: number } {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Assessment is done on the month just finished. */
export function lastMonth(ms = Date.now()): PeriodSpec {
  const { year, month } = chinaMonth(ms);
  return month === 1 ? { kind: 'month', year: year - 1, month: 12 } : { kind: 'month', year, month: month - 1 };
}

export function thisMonth(ms = Date.now()): PeriodSpec {
  return { kind: 'month', ...chinaMonth(ms) };
}

export function encodePeriod(p: PeriodSpec): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${pad(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
    case 'custom':
      return `${p.from}~${p.to}`;
  }
}

const validYear = (y: number) => y >= 2000 && y <= 2100;

export function decodePeriod(text: string | undefined): PeriodSpec | null {
  if (!text) return null;
  let m = MONTH.exec(text);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return validYear(year) && month >= 1 && month <= 12 ? { kind: 'month', year, month } : null;
  }
  m = QUARTER.exec(text);
  if (m) return validYear(Number(m[1])) ? { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) } : null;
  m = YEAR.exec(text);
  if (m) return validYear(Number(m[1])) ? { kind: 'year', year: Number(m[1]) } : null;
  m = CUSTOM.exec(text);
  if (m && m[1]! <= m[2]!) return { kind: 'custom', from: m[1]!, to: m[2]! };
  return null;
}

export const samePeriod = (a: PeriodSpec, b: PeriodSpec): boolean => encodePeriod(a) === encodePeriod(b);

/** The server labels months '2026年10月'; profile points carry only that label. */
export function monthFromLabel(label: string): PeriodSpec | null {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(label);
  return m ? { kind: 'month', year: Number(m[1]), month: Number(m[2]) } : null;
}
