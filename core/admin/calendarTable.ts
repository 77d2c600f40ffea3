/**
 * A year's holiday notice (放假安排) as an admin enters it: a table of dates, each a holiday (放假)
 * or a make-up working day (调休上班), typed row by row or pasted from a spreadsheet or CSV.
 */
export interface CalendarEntry {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarFault {
  /** Line (from 1) of a pasted table, or row (from 1) of the entered table. */
  line: number;
  value: string;
  reason: string;
}

const HOLIDAY_WORDS = ['放假', '休', '假', '休息', '节假日', 'holiday', 'off'];
const WORKDAY_WORDS = ['上班', '班', '调休上班', '补班', '工作日', 'workday', 'work'];

export function parseKind(raw: string): CalendarEntry['kind'] | null {
  const word = raw.trim().toLowerCase();
  if (HOLIDAY_WORDS.includes(word)) return 'holiday';
  if (WORKDAY_WORDS.includes(word)) return 'workday';
  return null;
}

/** 2026-01-01, 2026/1/1, 2026.1.1 and 2026年1月1日 → 2026-01-01 when it is a real date, else null. */
export function parseDate(raw: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Checks a year's entries: real dates of that year, a known kind, each date once. Lines are `lineOf[i]`, else i + 1. */
export function validateCalendarYear(year: number, entries: readonly CalendarEntry[], lineOf: readonly number[] = []): CalendarFault[] {
  const faults: CalendarFault[] = [];
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const line = lineOf[i] ?? i + 1;
    const date = parseDate(e.date);
    if (!date) faults.push({ line, value: e.date, reason: '日期格式不对，应如 2026-10-01' });
    else if (!date.startsWith(`${year}-`)) faults.push({ line, value: e.date, reason: `日期不在 ${year} 年` });
    else if (seen.has(date)) faults.push({ line, value: e.date, reason: `日期与第 ${seen.get(date)} 行重复` });
    else seen.set(date, line);
    if (e.kind !== 'holiday' && e.kind !== 'workday') faults.push({ line, value: String(e.kind), reason: '类型应为"放假"或"上班"' });
    if (e.name.length > 32) faults.push({ line, value: e.name, reason: '名称超过 32 个字' });
  });
  return faults;
}

/**
 * Reads a pasted table: one date a line, columns split by tab, comma or spaces: date, kind
 * (放假/休 or 上班/班), and an optional name (国庆节). A header line and blank lines are skipped.
 */
export function parseCalendarTable(text: string, year: number): { entries: CalendarEntry[]; faults: CalendarFault[] } {
  const entries: CalendarEntry[] = [];
  const lineOf: number[] = [];
  const faults: CalendarFault[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const cells = raw.split(/[\t,，]|\s+/).map((c) => c.trim().replace(/^"|"$/g, '')).filter((c) => c !== '');
    if (cells.length === 0) return;
    if (i === 0 && !parseDate(cells[0]!) && /日期|date/i.test(cells[0]!)) return;
    const date = parseDate(cells[0]!);
    if (!date) return void faults.push({ line, value: cells[0]!, reason: '日期格式不对，应如 2026-10-01' });
    const kind = parseKind(cells[1] ?? '');
    if (!kind) return void faults.push({ line, value: cells[1] ?? '', reason: '类型应为"放假"或"上班"' });
    entries.push({ date, kind, name: cells.slice(2).join(' ') });
    lineOf.push(line);
  });
  faults.push(...validateCalendarYear(year, entries, lineOf));
  return { entries, faults: faults.sort((a, b) => a.line - b.line) };
}
