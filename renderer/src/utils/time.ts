/** China has had no daylight saving since 1991, so a fixed offset converts calendar days exactly. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const chinaParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of chinaParts.formatToParts(ms)) out[p.type] = p.value;
  return out;
}

/** 'YYYY-MM-DD HH:mm' in China time, whatever the workstation's own time zone. */
export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const p = partsOf(ms);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const isIsoDate = (value: string): boolean => DATE_PATTERN.test(value);

/** Epoch ms of 00:00 China time on a 'YYYY-MM-DD' calendar day. */
export function chinaDayStart(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CHINA_OFFSET_MS;
}

export interface SpanParts {
  days: number;
  hours: number;
  minutes: number;
}

export function splitSpan(ms: number): SpanParts {
  const total = Math.floor(Math.abs(ms) / MS_PER_MINUTE);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
