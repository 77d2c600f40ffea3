import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkingCalendar } from '../../core/calendar';
import type { CalendarDay } from '../../core/calendar';

/*
 * The optimised day/interval walk is checked against a deliberately naive oracle that steps one
 * minute at a time, with its own working-day rule on date strings.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CST_OFFSET = 8 * HOUR;

const HOLIDAYS_2026 = [
  '2026-01-01', '2026-01-02', '2026-01-03',
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
];
const MAKEUP_WORKDAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
const CN_2026: CalendarDay[] = [
  ...HOLIDAYS_2026.map((date) => ({ date, kind: 'holiday' as const })),
  ...MAKEUP_WORKDAYS_2026.map((date) => ({ date, kind: 'workday' as const })),
];

function isOfficeMinute(ms: number): boolean {
  const local = new Date(ms + CST_OFFSET);
  const date = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  const working = MAKEUP_WORKDAYS_2026.includes(date) || (!HOLIDAYS_2026.includes(date) && weekday >= 1 && weekday <= 5);
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
  return working && ((minuteOfDay >= 510 && minuteOfDay < 720) || (minuteOfDay >= 840 && minuteOfDay < 1050));
}

function naiveDeadline(startMs: number, officeMinutes: number): number {
  let t = startMs;
  if (officeMinutes === 0) {
    while (!isOfficeMinute(t)) t += MINUTE;
    return t;
  }
  let remaining = officeMinutes;
  for (;;) {
    if (isOfficeMinute(t)) remaining -= 1;
    t += MINUTE;
    if (remaining === 0) return t;
  }
}

function naiveElapsed(startMs: number, endMs: number): number {
  let total = 0;
  for (let t = startMs; t < endMs; t += MINUTE) if (isOfficeMinute(t)) total += MINUTE;
  return total;
}

const calendar = new WorkingCalendar(CN_2026);
/** A harmless workday entry on a Monday far ahead disables the plain-week fast-forward before 2099. */
const calendarWithoutFastForward = new WorkingCalendar([...CN_2026, { date: '2099-01-05', kind: 'workday' }]);

const YEAR_2026_START = Date.UTC(2026, 0, 1) - CST_OFFSET;
const minuteIn2026 = fc.integer({ min: 0, max: 364 * 24 * 60 }).map((m) => YEAR_2026_START + m * MINUTE);
const officeMinutesUpTo3Days = fc.integer({ min: 0, max: 3 * 7 * 60 });

describe('WorkingCalendar against a minute-by-minute oracle (CST 2026)', () => {
  it('deadline matches for working hours', () => {
    fc.assert(
      fc.property(minuteIn2026, officeMinutesUpTo3Days, (start, minutes) => {
        expect(calendar.deadline(start, { amount: minutes / 60, unit: 'working_hours' })).toBe(naiveDeadline(start, minutes));
      }),
      { numRuns: 300 },
    );
  });

  it('elapsed matches for working hours', () => {
    fc.assert(
      fc.property(minuteIn2026, fc.integer({ min: -60, max: 14 * 24 * 60 }), (start, spanMinutes) => {
        const end = start + spanMinutes * MINUTE;
        expect(calendar.elapsed(start, end, 'working_hours')).toBe(Math.max(0, naiveElapsed(start, end)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('WorkingCalendar invariants', () => {
  const anyMsIn2026 = fc.integer({ min: 0, max: 364 * DAY }).map((ms) => YEAR_2026_START + ms);

  it('elapsed from the start to the deadline is exactly the limit', () => {
    fc.assert(
      fc.property(anyMsIn2026, fc.integer({ min: 0, max: 20 * 7 * HOUR }), (start, budgetMs) => {
        const deadline = calendar.deadline(start, { amount: budgetMs / HOUR, unit: 'working_hours' });
        expect(calendar.elapsed(start, deadline, 'working_days')).toBe(budgetMs);
      }),
    );
  });

  it('extending by b equals a limit of a + b', () => {
    fc.assert(
      fc.property(minuteIn2026, fc.integer({ min: 0, max: 5 * 420 }), fc.integer({ min: 1, max: 5 * 420 }), (start, a, b) => {
        const first = calendar.deadline(start, { amount: a / 60, unit: 'working_hours' });
        const extended = calendar.extend(first, { amount: b / 60, unit: 'working_hours' });
        expect(extended).toBe(calendar.deadline(start, { amount: (a + b) / 60, unit: 'working_hours' }));
      }),
    );
  });

  it('skipping plain weeks gives the same answers as walking every day', () => {
    const after2026 = fc.integer({ min: 0, max: 4 * 365 * DAY }).map((ms) => Date.UTC(2027, 0, 1) - CST_OFFSET + ms);
    fc.assert(
      fc.property(after2026, fc.double({ min: 0, max: 2000, noNaN: true }), (start, workingDays) => {
        const limit = { amount: workingDays, unit: 'working_days' } as const;
        const deadline = calendar.deadline(start, limit);
        expect(deadline).toBe(calendarWithoutFastForward.deadline(start, limit));
        expect(calendar.elapsed(start, deadline, 'working_days')).toBe(
          calendarWithoutFastForward.elapsed(start, deadline, 'working_days'),
        );
      }),
    );
  });
});
