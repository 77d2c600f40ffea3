/*
 * Local calendar days are handled as integer day numbers (days since 1970-01-01) so the hot
 * loops in WorkingCalendar never format strings or consult the host time zone.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date; rejects malformed text and impossible dates such as 2026-02-30. */
export function dayNumberOf(localDate: string): number {
  const match = typeof localDate === 'string' ? LOCAL_DATE_PATTERN.exec(localDate) : null;
  if (!match) throw new RangeError(`Invalid date ${JSON.stringify(localDate)}: expected 'YYYY-MM-DD'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const utcMs = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls 02-30 over into March and maps years 0–99 to 19xx; the round trip catches both.
  const roundTrip = new Date(utcMs);
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    throw new RangeError(`Invalid date ${JSON.stringify(localDate)}: no such calendar day`);
  }
  return utcMs / MS_PER_DAY;
}

export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  const THURSDAY = 4; // 1970-01-01
  return (((dayNumber + THURSDAY) % 7) + 7) % 7;
}

export function isMondayToFriday(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday >= 1 && weekday <= 5;
}
