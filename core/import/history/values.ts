import type { CaseSource, HandlingResult, Satisfaction } from '../../domain/case';

/** A cell as the table reader gives it: a Date is an instant (the reader has read the wall time as Beijing time). */
export type CellValue = string | number | boolean | Date | null;

/** Old systems' times are China Standard Time wall times (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;
/** Excel's day 0 is 1899-12-30: serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;
/** Serials outside 1990–2100 are not times a case file holds. */
const SERIAL_RANGE = [32_874, 73_051] as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const isBlank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');

export const cellText = (v: CellValue): string => {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : new Date(v.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toPrecision(15)));
  return String(v).trim();
};

function wallTime(y: number, mo: number, d: number, h: number, mi: number, s: number): Parsed<number> {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { ok: false, reason: '不是有效的日期时间' };
  }
  return { ok: true, value: ms - CST_OFFSET_MS };
}

const TEXT_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?)?$/;

/**
 * A time cell: an Excel date, an Excel serial number, or text such as 2025-03-01 09:30,
 * 2025/3/1 9:30:00 or 2025年3月1日 9:30. Times are read as Beijing time. A date without a
 * time of day is refused: stage deadlines count office hours, so midnight would be a guess.
 */
export function parseTime(v: CellValue): Parsed<number> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, reason: '不是有效的日期时间' };
    return { ok: true, value: v.getTime() };
  }
  if (typeof v === 'number') {
    if (!(v >= SERIAL_RANGE[0] && v <= SERIAL_RANGE[1])) return { ok: false, reason: '数字不是有效的 Excel 日期' };
    if (Number.isInteger(v)) return { ok: false, reason: '只有日期没有时刻，请填写到分钟' };
    // Excel serials carry float noise: round to the second.
    const ms = Math.round(((v - EXCEL_EPOCH_SERIAL) * DAY_MS) / 1000) * 1000;
    return { ok: true, value: ms - CST_OFFSET_MS };
  }
  const text = cellText(v).replace(/\s+/g, ' ');
  const m = TEXT_TIME.exec(text);
  if (!m) return { ok: false, reason: '时间格式无法识别，应为"2025-03-01 09:30"' };
  if (m[4] === undefined) return { ok: false, reason: '只有日期没有时刻，请填写到分钟' };
  return wallTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

function lookup<T>(table: ReadonlyArray<readonly [T, readonly string[]]>, what: string, v: CellValue): Parsed<T> {
  const key = cellText(v).replace(/\s/g, '').toLowerCase();
  for (const [value, words] of table) {
    if (words.some((w) => w.toLowerCase() === key)) return { ok: true, value };
  }
  const known = table.map(([, words]) => words[0]).join('、');
  return { ok: false, reason: `无法识别的${what}，应为：${known}` };
}

const SOURCES: ReadonlyArray<readonly [CaseSource, readonly string[]]> = [
  ['grid_worker', ['网格员上报', '网格员', '网格上报', 'grid_worker']],
  ['hotline', ['12345热线', '12345', '热线', '市民热线', '电话', 'hotline']],
  ['walk_in', ['群众来访', '来访', '窗口', 'walk_in']],
  ['patrol', ['部门巡查', '巡查', '巡查发现', 'patrol']],
  ['video', ['视频监控', '视频', '监控', 'video']],
];

/** The channel the old system got the report from. */
export const parseSource = (v: CellValue): Parsed<CaseSource> => lookup(SOURCES, '案件来源', v);

export const SOURCE_LABELS: Record<CaseSource, string> = {
  grid_worker: '网格员上报', hotline: '12345热线', walk_in: '群众来访', patrol: '部门巡查', video: '视频监控', import: '历史导入',
};

const RESULTS: ReadonlyArray<readonly [HandlingResult, readonly string[]]> = [
  ['resolved', ['已解决', '已处置', '解决', '办结', 'resolved']],
  ['partly_resolved', ['部分解决', '基本解决', 'partly_resolved']],
  ['unresolvable', ['无法解决', '暂无法解决', '挂账', 'unresolvable']],
  ['not_our_duty', ['非职责', '非本部门职责', 'not_our_duty']],
];

export const parseResult = (v: CellValue): Parsed<HandlingResult> => lookup(RESULTS, '处置结果', v);

const SATISFACTIONS: ReadonlyArray<readonly [Satisfaction, readonly string[]]> = [
  ['satisfied', ['满意', '非常满意', 'satisfied']],
  ['basically_satisfied', ['基本满意', 'basically_satisfied']],
  ['dissatisfied', ['不满意', 'dissatisfied']],
  ['unreachable', ['无法联系', '未接通', '联系不上', 'unreachable']],
];

export const parseSatisfaction = (v: CellValue): Parsed<Satisfaction> => lookup(SATISFACTIONS, '回访满意度', v);
