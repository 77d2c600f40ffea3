/**
 * Dates in imported tables arrive three ways: real date cells, Excel serial numbers (a date
 * column formatted as "常规"), and text typed by hand ("2025-3-4 8:30", "2025年3月4日", "20250304").
 * All of them mean the office's wall-clock time; this turns each into the instant it names.
 */

/** China Standard Time, the office's clock (no daylight saving). */
export const OFFICE_UTC_OFFSET_MINUTES = 480;

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30, after Lotus's leap-year bug) to 1970-01-01. */
const EXCEL_1900_TO_UNIX_DAYS = 25_569;
/** The 1904 date system (old Mac workbooks) counts from 1904-01-01. */
const EXCEL_1904_TO_UNIX_DAYS = 24_107;
/** 1900-03-01, from where serials are continuous; 9999-12-31 is Excel's last date. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 2_958_465;

const DATE_TEXT =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|T|\s*日\s*)(\d{1,2})\s*[:：时点]\s*(\d{1,2})(?:\s*分)?(?:\s*[:：]\s*(\d{1,2}(?:\.\d+)?)|\s*(\d{1,2}(?:\.\d+)?)\s*秒)?)?\s*$/;
const COMPACT_DATE_TEXT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2})(\d{2})(\d{2})?)?$/;
const SERIAL_TEXT = /^\d{2,7}(?:\.\d+)?$/;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant of an office wall-clock time, or null when no such time exists (2025-02-30, 25:00). */
export function wallClockToDate(t: WallClock, utcOffsetMinutes = OFFICE_UTC_OFFSET_MINUTES): Date | null {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) return null;
  if (t.hour > 23 || t.minute > 59 || t.second >= 60) return null;
  const utc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, Math.floor(t.second));
  const check = new Date(utc);
  if (check.getUTCFullYear() !== t.year || check.getUTCMonth() !== t.month - 1 || check.getUTCDate() !== t.day) return null;
  return new Date(utc - utcOffsetMinutes * 60_000);
}

/** An Excel serial (days, with the time as the fraction) as an office instant; null outside Excel's range. */
export function excelSerialToDate(serial: number, date1904 = false, utcOffsetMinutes = OFFICE_UTC_OFFSET_MINUTES): Date | null {
  const min = date1904 ? 0 : SERIAL_MIN;
  if (!Number.isFinite(serial) || serial < min || serial > SERIAL_MAX) return null;
  const epochDays = date1904 ? EXCEL_1904_TO_UNIX_DAYS : EXCEL_1900_TO_UNIX_DAYS;
  // Serials carry binary floating-point noise (0.999999 of a second); Excel shows whole seconds.
  const wallMs = Math.round(((serial - epochDays) * MS_PER_DAY) / 1000) * 1000;
  return new Date(wallMs - utcOffsetMinutes * 60_000);
}

/**
 * A date cell read by exceljs: it turns the serial into a Date as if the wall clock were UTC.
 * Shift it so the wall clock is the office's.
 */
export function excelDateCellToDate(cell: Date, utcOffsetMinutes = OFFICE_UTC_OFFSET_MINUTES): Date | null {
  const ms = cell.getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(Math.round(ms / 1000) * 1000 - utcOffsetMinutes * 60_000);
}

/** Hand-typed date text; null when it is not a date this knows. */
export function parseDateText(text: string, utcOffsetMinutes = OFFICE_UTC_OFFSET_MINUTES): Date | null {
  const trimmed = text.trim();
  const match = DATE_TEXT.exec(trimmed) ?? COMPACT_DATE_TEXT.exec(trimmed);
  if (match) {
    return wallClockToDate(
      {
        year: Number(match[1]),
        month: Number(match[2]),
        day: Number(match[3]),
        hour: Number(match[4] ?? 0),
        minute: Number(match[5] ?? 0),
        second: Number(match[6] ?? match[7] ?? 0),
      },
      utcOffsetMinutes,
    );
  }
  // A serial pasted as text (a CSV export of a date column formatted as a number).
  if (SERIAL_TEXT.test(trimmed)) return excelSerialToDate(Number(trimmed), false, utcOffsetMinutes);
  return null;
}

/** Any cell value of a date column as an instant; null when it does not name one. */
export function cellToDate(value: unknown, options: { date1904?: boolean; utcOffsetMinutes?: number } = {}): Date | null {
  const offset = options.utcOffsetMinutes ?? OFFICE_UTC_OFFSET_MINUTES;
  if (value instanceof Date) return excelDateCellToDate(value, offset);
  if (typeof value === 'number') return excelSerialToDate(value, options.date1904 ?? false, offset);
  if (typeof value === 'string') return parseDateText(value, offset);
  return null;
}
