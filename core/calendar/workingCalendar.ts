import type { CalendarDay, LimitColour, LimitUnit, OfficeHours, TimeLimit } from './types';
import { DEFAULT_OFFICE_HOURS } from './types';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, dayNumberOf, formatDayNumber, isMondayToFriday } from './localDays';
import { validateOfficeHours, type OfficeIntervalsMs } from './officeHours';
import { assertLimitUnit, assertTimeLimit } from './timeLimit';

const CHINA_STANDARD_TIME_OFFSET_MINUTES = 480;
const MAX_UTC_OFFSET_MINUTES = 18 * 60;
/** A calendar with no working day for this long is a data error, not a long holiday. */
const MAX_CONSECUTIVE_DAYS_OFF = 3660;
const YELLOW_FROM_USED_FRACTION = 0.75;
const WORKING_DAYS_PER_PLAIN_WEEK = 5;
const MAX_EPOCH_MS = 8.64e15; // the range a JS Date can represent

/*
 * Edge semantics (office units; urgent_hours is plain clock arithmetic):
 * - Office intervals are half-open [open, close). An instant at a close (12:00, 17:30) is outside
 *   office time, so counting from it starts at the next open (14:00, next working day 08:30).
 * - A deadline is the earliest instant at which the counted time is used up, so a deadline that
 *   fills an interval exactly is that interval's close (12:00), never the next open (14:00).
 * - Amount 0 therefore returns the start itself when it is inside office time, otherwise the
 *   next office minute. Negative, NaN or infinite amounts throw a RangeError.
 * - extend() with amount 0 returns the old deadline unchanged: approving "no extra time" must
 *   not move a 12:00 deadline to 14:00.
 * - elapsed() counts [start, end) and is 0 when end ≤ start (clock skew never yields negative ages).
 * - colour(): red strictly after the deadline by the clock; yellow once ≥ 75 % of the counted time
 *   is used (so exactly at the deadline is still yellow); green otherwise.
 */
export class WorkingCalendar {
  /** Office time in one working day, e.g. 7 h = 25 200 000 ms with the default hours. */
  readonly officeMsPerDay: number;
  private readonly intervalsMs: OfficeIntervalsMs;
  private readonly offsetMs: number;
  /** true = make-up working day, false = holiday; days absent follow the Monday–Friday rule. */
  private readonly overrides = new Map<number, boolean>();
  /** After this day every week has exactly five working days, which lets long spans skip whole weeks. */
  private readonly lastOverrideDay: number;
  private readonly officeMsPerPlainWeek: number;

  constructor(
    days: readonly CalendarDay[],
    officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
    utcOffsetMinutes: number = CHINA_STANDARD_TIME_OFFSET_MINUTES,
  ) {
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > MAX_UTC_OFFSET_MINUTES) {
      throw new RangeError(`UTC offset must be whole minutes within ±${MAX_UTC_OFFSET_MINUTES}, got ${utcOffsetMinutes}`);
    }
    this.offsetMs = utcOffsetMinutes * MS_PER_MINUTE;
    this.intervalsMs = validateOfficeHours(officeHours);
    this.officeMsPerDay = this.intervalsMs.reduce((sum, [open, close]) => sum + close - open, 0);
    this.officeMsPerPlainWeek = WORKING_DAYS_PER_PLAIN_WEEK * this.officeMsPerDay;

    let lastOverrideDay = -Infinity;
    for (const entry of days) {
      const dayNumber = dayNumberOf(entry?.date);
      if (entry.kind !== 'holiday' && entry.kind !== 'workday') {
        throw new RangeError(`Calendar entry ${entry.date}: kind must be 'holiday' or 'workday', got ${JSON.stringify(entry.kind)}`);
      }
      const isWorking = entry.kind === 'workday';
      if (this.overrides.get(dayNumber) === !isWorking) {
        throw new RangeError(`Calendar entry ${entry.date} is listed both as a holiday and as a workday`);
      }
      this.overrides.set(dayNumber, isWorking);
      lastOverrideDay = Math.max(lastOverrideDay, dayNumber);
    }
    this.lastOverrideDay = lastOverrideDay;
  }

  isWorkingDay(localDate: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(localDate));
  }

  deadline(startMs: number, limit: TimeLimit): number {
    assertEpochMs(startMs, 'start');
    assertTimeLimit(limit);
    if (limit.unit === 'urgent_hours') return assertEpochMs(startMs + Math.round(limit.amount * MS_PER_HOUR), 'deadline');
    return assertEpochMs(this.addOfficeTime(startMs, this.officeBudgetMs(limit)), 'deadline');
  }

  elapsed(startMs: number, endMs: number, unit: LimitUnit): number {
    assertEpochMs(startMs, 'start');
    assertEpochMs(endMs, 'end');
    assertLimitUnit(unit);
    if (endMs <= startMs) return 0;
    return unit === 'urgent_hours' ? endMs - startMs : this.officeTimeBetween(startMs, endMs);
  }

  extend(deadlineMs: number, extra: TimeLimit): number {
    assertTimeLimit(extra);
    if (extra.amount === 0) return assertEpochMs(deadlineMs, 'deadline');
    return this.deadline(deadlineMs, extra);
  }

  usedFraction(startMs: number, deadlineMs: number, nowMs: number, unit: LimitUnit): number {
    const allowed = this.elapsed(startMs, deadlineMs, unit);
    const used = this.elapsed(startMs, nowMs, unit);
    // A zero-length limit has no ratio; it is fully used once its deadline arrives.
    if (allowed === 0) return nowMs >= deadlineMs ? 1 : 0;
    return used / allowed;
  }

  colour(startMs: number, deadlineMs: number, nowMs: number, unit: LimitUnit): LimitColour {
    if (nowMs > deadlineMs) return 'red';
    return this.usedFraction(startMs, deadlineMs, nowMs, unit) >= YELLOW_FROM_USED_FRACTION ? 'yellow' : 'green';
  }

  private officeBudgetMs(limit: TimeLimit): number {
    const unitMs = limit.unit === 'working_days' ? this.officeMsPerDay : MS_PER_HOUR;
    // Whole milliseconds keep fractional limits (1/3 day) free of float drift in the walk below.
    return Math.round(limit.amount * unitMs);
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    return this.overrides.get(dayNumber) ?? isMondayToFriday(dayNumber);
  }

  private dayNumberAt(ms: number): number {
    return Math.floor((ms + this.offsetMs) / MS_PER_DAY);
  }

  private midnightOf(dayNumber: number): number {
    return dayNumber * MS_PER_DAY - this.offsetMs;
  }

  private addOfficeTime(startMs: number, budgetMs: number): number {
    let dayNumber = this.dayNumberAt(startMs);
    let msIntoDay = startMs - this.midnightOf(dayNumber);
    let remaining = budgetMs;
    let consecutiveDaysOff = 0;
    for (;;) {
      if (!this.isWorkingDayNumber(dayNumber)) {
        consecutiveDaysOff += 1;
        if (consecutiveDaysOff > MAX_CONSECUTIVE_DAYS_OFF) {
          throw new Error(
            `Working calendar has no working day in the ${MAX_CONSECUTIVE_DAYS_OFF} days up to ` +
              `${formatDayNumber(dayNumber)}; check the holiday entries`,
          );
        }
      } else if (msIntoDay === 0 && remaining > this.officeMsPerDay) {
        consecutiveDaysOff = 0;
        remaining -= this.officeMsPerDay;
      } else {
        consecutiveDaysOff = 0;
        for (const [open, close] of this.intervalsMs) {
          if (msIntoDay >= close) continue;
          const from = Math.max(msIntoDay, open);
          const available = close - from;
          // `<=` is what makes a deadline filling an interval exactly land on its close.
          if (remaining <= available) return this.midnightOf(dayNumber) + from + remaining;
          remaining -= available;
        }
      }
      dayNumber += 1;
      msIntoDay = 0;
      if (dayNumber > this.lastOverrideDay && remaining > this.officeMsPerPlainWeek) {
        // Leave at least 1 ms so the final, partial stretch is still found by the walk above.
        const weeks = Math.floor((remaining - 1) / this.officeMsPerPlainWeek);
        dayNumber += weeks * 7;
        remaining -= weeks * this.officeMsPerPlainWeek;
      }
    }
  }

  private officeTimeBetween(startMs: number, endMs: number): number {
    const firstDay = this.dayNumberAt(startMs);
    const lastDay = this.dayNumberAt(endMs);
    let total = 0;
    let dayNumber = firstDay;
    while (dayNumber <= lastDay) {
      if (dayNumber > firstDay && dayNumber > this.lastOverrideDay && lastDay - dayNumber >= 7) {
        const weeks = Math.floor((lastDay - dayNumber) / 7);
        total += weeks * this.officeMsPerPlainWeek;
        dayNumber += weeks * 7;
        continue;
      }
      if (this.isWorkingDayNumber(dayNumber)) {
        if (dayNumber > firstDay && dayNumber < lastDay) {
          total += this.officeMsPerDay;
        } else {
          const midnight = this.midnightOf(dayNumber);
          for (const [open, close] of this.intervalsMs) {
            const overlap = Math.min(close, endMs - midnight) - Math.max(open, startMs - midnight);
            if (overlap > 0) total += overlap;
          }
        }
      }
      dayNumber += 1;
    }
    return total;
  }
}

function assertEpochMs(ms: number, what: string): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) {
    throw new RangeError(`${what} must be epoch milliseconds within the Date range, got ${String(ms)}`);
  }
  return ms;
}
