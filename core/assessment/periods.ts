/** Assessment periods in China time (UTC+8): a month, a quarter, a year or a custom range of days. */
export type PeriodSpec =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export interface Period {
  spec: PeriodSpec;
  /** Inclusive first day and exclusive end day, 'YYYY-MM-DD' in China time. */
  fromDay: string;
  toDay: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d = 1) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

export function periodOf(spec: PeriodSpec): Period {
  switch (spec.kind) {
    case 'month':
      return { spec, fromDay: day(spec.year, spec.month), toDay: day(spec.year, spec.month + 1), label: `${spec.year}年${spec.month}月` };
    case 'quarter':
      return { spec, fromDay: day(spec.year, spec.quarter * 3 - 2), toDay: day(spec.year, spec.quarter * 3 + 1), label: `${spec.year}年第${spec.quarter}季度` };
    case 'year':
      return { spec, fromDay: day(spec.year, 1), toDay: day(spec.year + 1, 1), label: `${spec.year}年` };
    case 'custom': {
      const [y, m, d] = spec.to.split('-').map(Number) as [number, number, number];
      return { spec, fromDay: spec.from, toDay: day(y, m, d + 1), label: `${spec.from} 至 ${spec.to}` };
    }
  }
}

/** The period just before, of the same length: for the trend against the last period. */
export function previousPeriod(spec: PeriodSpec): PeriodSpec {
  switch (spec.kind) {
    case 'month':
      return spec.month === 1 ? { kind: 'month', year: spec.year - 1, month: 12 } : { kind: 'month', year: spec.year, month: spec.month - 1 };
    case 'quarter':
      return spec.quarter === 1 ? { kind: 'quarter', year: spec.year - 1, quarter: 4 } : { kind: 'quarter', year: spec.year, quarter: spec.quarter - 1 };
    case 'year':
      return { kind: 'year', year: spec.year - 1 };
    case 'custom': {
      const from = Date.parse(`${spec.from}T00:00:00Z`);
      const to = Date.parse(`${spec.to}T00:00:00Z`);
      const length = to - from + 86_400_000;
      const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      return { kind: 'custom', from: iso(from - length), to: iso(from - 86_400_000) };
    }
  }
}

const CST_OFFSET_MS = 8 * 3_600_000;

/** The China-time calendar day of an instant. */
export function chinaDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}
