import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS, WorkingCalendar, formatLimit } from '../../core/calendar';
import type { CalendarDay, OfficeHours, TimeLimit } from '../../core/calendar';

/** The State Council's 2026 arrangement (国务院办公厅 2026 年部分节假日安排). */
const CN_2026: CalendarDay[] = [
  // 元旦
  { date: '2026-01-01', kind: 'holiday' },
  { date: '2026-01-02', kind: 'holiday' },
  { date: '2026-01-03', kind: 'holiday' },
  { date: '2026-01-04', kind: 'workday' }, // Sunday
  // 春节
  { date: '2026-02-14', kind: 'workday' }, // Saturday
  { date: '2026-02-15', kind: 'holiday' },
  { date: '2026-02-16', kind: 'holiday' },
  { date: '2026-02-17', kind: 'holiday' },
  { date: '2026-02-18', kind: 'holiday' },
  { date: '2026-02-19', kind: 'holiday' },
  { date: '2026-02-20', kind: 'holiday' },
  { date: '2026-02-21', kind: 'holiday' },
  { date: '2026-02-22', kind: 'holiday' },
  { date: '2026-02-23', kind: 'holiday' },
  { date: '2026-02-28', kind: 'workday' }, // Saturday
  // 劳动节
  { date: '2026-05-01', kind: 'holiday' },
  { date: '2026-05-02', kind: 'holiday' },
  { date: '2026-05-03', kind: 'holiday' },
  { date: '2026-05-04', kind: 'holiday' },
  { date: '2026-05-05', kind: 'holiday' },
  { date: '2026-05-09', kind: 'workday' }, // Saturday
  // 国庆
  { date: '2026-09-20', kind: 'workday' }, // Sunday
  { date: '2026-10-01', kind: 'holiday' },
  { date: '2026-10-02', kind: 'holiday' },
  { date: '2026-10-03', kind: 'holiday' },
  { date: '2026-10-04', kind: 'holiday' },
  { date: '2026-10-05', kind: 'holiday' },
  { date: '2026-10-06', kind: 'holiday' },
  { date: '2026-10-07', kind: 'holiday' },
  { date: '2026-10-10', kind: 'workday' }, // Saturday
];

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** 'YYYY-MM-DD HH:MM' read as China Standard Time, independent of the host TZ. */
function cst(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`bad test timestamp ${text}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute) - 8 * HOUR;
}

const calendar = new WorkingCalendar(CN_2026);
const days = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });
const hours = (amount: number): TimeLimit => ({ amount, unit: 'working_hours' });
const urgent = (amount: number): TimeLimit => ({ amount, unit: 'urgent_hours' });

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-01', false], // 元旦, Thursday
    ['2026-01-04', true], // make-up Sunday
    ['2026-02-13', true], // Friday before 春节
    ['2026-02-14', true], // make-up Saturday
    ['2026-02-15', false], // holiday on a Sunday
    ['2026-02-16', false], // holiday on a Monday
    ['2026-02-23', false], // last holiday day, Monday
    ['2026-02-24', true],
    ['2026-02-28', true], // make-up Saturday
    ['2026-03-01', false], // ordinary Sunday
    ['2026-03-02', true], // ordinary Monday
    ['2026-03-07', false], // ordinary Saturday
    ['2026-05-09', true],
    ['2026-09-20', true],
    ['2026-10-08', true], // Thursday after 国庆
    ['2026-10-10', true],
  ])('%s → %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkingDay('2026-2-14')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('deadline: working days', () => {
  it('3 working days from the Friday before 春节 skip the holiday but count the make-up Saturday', () => {
    const start = cst('2026-02-13 10:00');
    expect(calendar.deadline(start, days(1))).toBe(cst('2026-02-14 10:00'));
    expect(calendar.deadline(start, days(2))).toBe(cst('2026-02-24 10:00'));
    expect(calendar.deadline(start, days(3))).toBe(cst('2026-02-25 10:00'));
  });

  it('Friday 10:00 + 3 working days is next Wednesday 10:00 in a normal week', () => {
    expect(calendar.deadline(cst('2026-03-06 10:00'), days(3))).toBe(cst('2026-03-11 10:00'));
  });

  it('half a working day is 3.5 office hours and ends at the 12:00 close', () => {
    expect(calendar.deadline(cst('2026-03-02 08:30'), days(0.5))).toBe(cst('2026-03-02 12:00'));
  });

  it('a whole number of days from an opening ends at 17:30, not the next morning', () => {
    expect(calendar.deadline(cst('2026-03-02 08:30'), days(1))).toBe(cst('2026-03-02 17:30'));
    expect(calendar.deadline(cst('2026-03-02 08:30'), days(5))).toBe(cst('2026-03-06 17:30'));
  });

  it('far past the last calendar entry: 520 working days from Mon 2027-01-04 end Fri 2028-12-29 17:30', () => {
    expect(calendar.deadline(cst('2027-01-04 08:30'), days(520))).toBe(cst('2028-12-29 17:30'));
  });
});

describe('deadline: working hours', () => {
  it('across lunch: 11:00 + 2 h = 15:00', () => {
    expect(calendar.deadline(cst('2026-03-02 11:00'), hours(2))).toBe(cst('2026-03-02 15:00'));
  });

  it('a deadline filling an interval exactly is its close', () => {
    expect(calendar.deadline(cst('2026-03-02 11:00'), hours(1))).toBe(cst('2026-03-02 12:00'));
    expect(calendar.deadline(cst('2026-03-02 16:30'), hours(1))).toBe(cst('2026-03-02 17:30'));
  });

  it('across a night: Mon 16:30 + 2 h = Tue 09:30', () => {
    expect(calendar.deadline(cst('2026-03-02 16:30'), hours(2))).toBe(cst('2026-03-03 09:30'));
  });

  it('across a weekend: Fri 16:00 + 3 h = Mon 10:00', () => {
    expect(calendar.deadline(cst('2026-03-06 16:00'), hours(3))).toBe(cst('2026-03-09 10:00'));
  });

  it('a start at an interval close counts from the next opening', () => {
    expect(calendar.deadline(cst('2026-03-02 12:00'), hours(1))).toBe(cst('2026-03-02 15:00'));
    expect(calendar.deadline(cst('2026-03-02 17:30'), hours(1))).toBe(cst('2026-03-03 09:30'));
  });

  it('a start before opening or during lunch counts from the opening', () => {
    expect(calendar.deadline(cst('2026-03-02 07:00'), hours(1))).toBe(cst('2026-03-02 09:30'));
    expect(calendar.deadline(cst('2026-03-02 12:45'), hours(0.5))).toBe(cst('2026-03-02 14:30'));
  });

  it('an ordinary Saturday start begins Monday 08:30', () => {
    expect(calendar.deadline(cst('2026-03-07 10:00'), hours(1))).toBe(cst('2026-03-09 09:30'));
  });

  it('the 2026-01-04 make-up Sunday counts, and a 元旦 start waits for it', () => {
    expect(calendar.deadline(cst('2026-01-04 09:00'), hours(2))).toBe(cst('2026-01-04 11:00'));
    expect(calendar.deadline(cst('2026-01-01 10:00'), hours(1))).toBe(cst('2026-01-04 09:30'));
  });

  it('amount 0 returns the start inside office time, else the next office minute', () => {
    expect(calendar.deadline(cst('2026-03-02 10:00'), hours(0))).toBe(cst('2026-03-02 10:00'));
    expect(calendar.deadline(cst('2026-03-02 12:00'), hours(0))).toBe(cst('2026-03-02 14:00'));
    expect(calendar.deadline(cst('2026-03-07 10:00'), days(0))).toBe(cst('2026-03-09 08:30'));
  });
});

describe('deadline: urgent hours', () => {
  it('ignore the calendar: 4 h from 2026-02-15 22:00 (春节) ends 02-16 02:00', () => {
    expect(calendar.deadline(cst('2026-02-15 22:00'), urgent(4))).toBe(cst('2026-02-16 02:00'));
  });

  it('amount 0 is the start itself, even at night', () => {
    expect(calendar.deadline(cst('2026-03-07 03:00'), urgent(0))).toBe(cst('2026-03-07 03:00'));
  });
});

describe('extend', () => {
  it('moves a deadline by 2 working days', () => {
    expect(calendar.extend(cst('2026-02-25 10:00'), days(2))).toBe(cst('2026-02-27 10:00'));
  });

  it('lands on the make-up Saturday 2026-02-28', () => {
    expect(calendar.extend(cst('2026-02-26 10:00'), days(2))).toBe(cst('2026-02-28 10:00'));
  });

  it('from a Friday 17:30 deadline, 2 working days end Tuesday 17:30', () => {
    expect(calendar.extend(cst('2026-03-06 17:30'), days(2))).toBe(cst('2026-03-10 17:30'));
  });

  it('by 0 leaves a 12:00 deadline where it is', () => {
    expect(calendar.extend(cst('2026-03-02 12:00'), hours(0))).toBe(cst('2026-03-02 12:00'));
  });
});

describe('elapsed', () => {
  it('counts only office time for working units', () => {
    expect(calendar.elapsed(cst('2026-03-02 11:00'), cst('2026-03-02 15:00'), 'working_hours')).toBe(2 * HOUR);
    expect(calendar.elapsed(cst('2026-02-13 10:00'), cst('2026-02-25 10:00'), 'working_days')).toBe(21 * HOUR);
    expect(calendar.elapsed(cst('2026-03-06 16:00'), cst('2026-03-09 10:00'), 'working_hours')).toBe(3 * HOUR);
  });

  it('is 0 within lunch, over a weekend, and over the whole 春节 holiday', () => {
    expect(calendar.elapsed(cst('2026-03-02 12:00'), cst('2026-03-02 14:00'), 'working_hours')).toBe(0);
    expect(calendar.elapsed(cst('2026-03-06 17:30'), cst('2026-03-09 08:30'), 'working_hours')).toBe(0);
    expect(calendar.elapsed(cst('2026-02-14 17:30'), cst('2026-02-24 08:30'), 'working_days')).toBe(0);
  });

  it('counts clock time for urgent hours', () => {
    expect(calendar.elapsed(cst('2026-02-15 22:00'), cst('2026-02-16 02:00'), 'urgent_hours')).toBe(4 * HOUR);
  });

  it('over 520 plain weeks-worth of days: 2027-01-04 08:30 → 2028-12-29 17:30 is 3640 office hours', () => {
    expect(calendar.elapsed(cst('2027-01-04 08:30'), cst('2028-12-29 17:30'), 'working_days')).toBe(520 * 7 * HOUR);
  });

  it('is 0, never negative, when the end precedes the start', () => {
    expect(calendar.elapsed(cst('2026-03-02 15:00'), cst('2026-03-02 11:00'), 'working_hours')).toBe(0);
    expect(calendar.elapsed(cst('2026-03-02 15:00'), cst('2026-03-02 11:00'), 'urgent_hours')).toBe(0);
  });
});

describe('colour and usedFraction', () => {
  // 4 working hours from Mon 09:00: 09:00–12:00 is 3 h, 14:00–15:00 the fourth.
  const start = cst('2026-03-02 09:00');
  const deadline = cst('2026-03-02 15:00');

  it('the deadline itself is 15:00', () => {
    expect(calendar.deadline(start, hours(4))).toBe(deadline);
  });

  it.each([
    ['2026-03-02 08:00', 0, 'green'], // before the start
    ['2026-03-02 11:00', 0.5, 'green'],
    ['2026-03-02 11:59', 179 / 240, 'green'],
    ['2026-03-02 12:00', 0.75, 'yellow'],
    ['2026-03-02 13:30', 0.75, 'yellow'], // lunch: no office time passes
    ['2026-03-02 14:12', 0.8, 'yellow'],
    ['2026-03-02 15:00', 1, 'yellow'], // at the deadline is not yet overdue
    ['2026-03-02 15:01', 241 / 240, 'red'],
    ['2026-03-02 17:00', 6 / 4, 'red'], // 09:00–12:00 + 14:00–17:00
  ] as const)('at %s used %f → %s', (now, fraction, colour) => {
    expect(calendar.usedFraction(start, deadline, cst(now), 'working_hours')).toBeCloseTo(fraction, 12);
    expect(calendar.colour(start, deadline, cst(now), 'working_hours')).toBe(colour);
  });

  it('is red after a 17:30 deadline even though no office time has passed since', () => {
    const fridayStart = cst('2026-03-06 16:30');
    const fridayDeadline = cst('2026-03-06 17:30');
    expect(calendar.usedFraction(fridayStart, fridayDeadline, cst('2026-03-07 10:00'), 'working_hours')).toBe(1);
    expect(calendar.colour(fridayStart, fridayDeadline, cst('2026-03-07 10:00'), 'working_hours')).toBe('red');
  });

  it('uses clock time for urgent limits', () => {
    const urgentStart = cst('2026-02-15 22:00');
    const urgentDeadline = cst('2026-02-16 02:00');
    expect(calendar.colour(urgentStart, urgentDeadline, cst('2026-02-16 00:00'), 'urgent_hours')).toBe('green');
    expect(calendar.colour(urgentStart, urgentDeadline, cst('2026-02-16 01:00'), 'urgent_hours')).toBe('yellow');
    expect(calendar.colour(urgentStart, urgentDeadline, cst('2026-02-16 02:01'), 'urgent_hours')).toBe('red');
  });

  it('a zero-length limit is fully used at its deadline', () => {
    const at = cst('2026-03-02 10:00');
    expect(calendar.usedFraction(at, at, at, 'working_hours')).toBe(1);
    expect(calendar.colour(at, at, at, 'working_hours')).toBe('yellow');
    expect(calendar.colour(at, at, at + MINUTE, 'working_hours')).toBe('red');
  });
});

describe('configuration', () => {
  it('custom office hours 09:00–17:00 make a working day 8 h', () => {
    const nineToFive = new WorkingCalendar(CN_2026, { intervals: [[540, 1020]] });
    expect(nineToFive.officeMsPerDay).toBe(8 * HOUR);
    expect(nineToFive.deadline(cst('2026-03-06 10:00'), days(1))).toBe(cst('2026-03-09 10:00'));
    expect(nineToFive.deadline(cst('2026-03-02 12:30'), hours(1))).toBe(cst('2026-03-02 13:30'));
  });

  it('the default is 7 office hours a day', () => {
    expect(calendar.officeMsPerDay).toBe(7 * HOUR);
    expect(DEFAULT_OFFICE_HOURS.intervals).toEqual([[510, 720], [840, 1050]]);
  });

  it('the UTC offset decides where office hours fall, not the host time zone', () => {
    const utc = new WorkingCalendar(CN_2026, DEFAULT_OFFICE_HOURS, 0);
    const start = Date.UTC(2026, 2, 2, 1, 0); // 01:00 UTC = 09:00 CST, Monday either way
    expect(utc.deadline(start, hours(1))).toBe(Date.UTC(2026, 2, 2, 9, 30));
    expect(calendar.deadline(start, hours(1))).toBe(Date.UTC(2026, 2, 2, 2, 0));
  });
});

describe('validation', () => {
  const badOfficeHours: Array<[string, OfficeHours]> = [
    ['empty', { intervals: [] }],
    ['unsorted', { intervals: [[840, 1050], [510, 720]] }],
    ['overlapping', { intervals: [[510, 720], [700, 1050]] }],
    ['past midnight', { intervals: [[1200, 1500]] }],
    ['negative', { intervals: [[-30, 600]] }],
    ['zero length', { intervals: [[600, 600]] }],
    ['reversed', { intervals: [[720, 510]] }],
    ['fractional minutes', { intervals: [[510.5, 720]] }],
    ['NaN', { intervals: [[Number.NaN, 720]] }],
  ];
  it.each(badOfficeHours)('rejects %s office hours', (_label, officeHours) => {
    expect(() => new WorkingCalendar([], officeHours)).toThrow(RangeError);
  });

  it('accepts touching intervals and the full day', () => {
    expect(() => new WorkingCalendar([], { intervals: [[510, 720], [720, 1050]] })).not.toThrow();
    expect(() => new WorkingCalendar([], { intervals: [[0, 1440]] })).not.toThrow();
  });

  it.each(['2026-02-30', '2026/02/14', '20260214', '2026-2-14', '2026-13-01', ' 2026-02-14', ''])(
    'rejects calendar date %j',
    (date) => {
      expect(() => new WorkingCalendar([{ date, kind: 'holiday' }])).toThrow(RangeError);
    },
  );

  it('rejects an unknown kind and a date listed as both holiday and workday', () => {
    const festival = { date: '2026-02-16', kind: 'festival' } as unknown as CalendarDay;
    expect(() => new WorkingCalendar([festival])).toThrow(/kind/);
    expect(
      () => new WorkingCalendar([{ date: '2026-02-14', kind: 'workday' }, { date: '2026-02-14', kind: 'holiday' }]),
    ).toThrow(/both/);
  });

  it('rejects invalid UTC offsets', () => {
    expect(() => new WorkingCalendar([], DEFAULT_OFFICE_HOURS, 8.5)).toThrow(RangeError);
    expect(() => new WorkingCalendar([], DEFAULT_OFFICE_HOURS, 24 * 60)).toThrow(RangeError);
  });

  it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects amount %f', (amount) => {
    const start = cst('2026-03-02 09:00');
    expect(() => calendar.deadline(start, hours(amount))).toThrow(RangeError);
    expect(() => calendar.deadline(start, urgent(amount))).toThrow(RangeError);
    expect(() => calendar.extend(start, days(amount))).toThrow(RangeError);
    expect(() => formatLimit(days(amount))).toThrow(RangeError);
  });

  it('rejects unknown units and non-finite times', () => {
    const weeks = { amount: 1, unit: 'weeks' } as unknown as TimeLimit;
    expect(() => calendar.deadline(cst('2026-03-02 09:00'), weeks)).toThrow(/unit/);
    expect(() => calendar.deadline(Number.NaN, hours(1))).toThrow(RangeError);
    expect(() => calendar.elapsed(0, Number.POSITIVE_INFINITY, 'working_hours')).toThrow(RangeError);
  });

  it('throws a clear error instead of looping when no working day exists for over 10 years', () => {
    const allOff: CalendarDay[] = [];
    for (let day = Date.UTC(2027, 0, 1); day < Date.UTC(2038, 0, 1); day += 86_400_000) {
      allOff.push({ date: new Date(day).toISOString().slice(0, 10), kind: 'holiday' });
    }
    const noWorkingDays = new WorkingCalendar(allOff);
    expect(() => noWorkingDays.deadline(cst('2027-01-01 09:00'), hours(1))).toThrow(/no working day/);
    // Before the blackout the calendar still works.
    expect(noWorkingDays.deadline(cst('2026-12-31 09:00'), hours(1))).toBe(cst('2026-12-31 10:00'));
  });
});

describe('formatLimit', () => {
  it.each([
    [days(3), '3个工作日'],
    [hours(4), '4工作时'],
    [urgent(2), '2紧急工作时'],
    [days(0.5), '0.5个工作日'],
    [hours(1 / 3), '0.33工作时'],
    [days(0), '0个工作日'],
  ])('%j → %s', (limit, text) => {
    expect(formatLimit(limit)).toBe(text);
  });
});
