export type LimitUnit = 'working_hours' | 'working_days' | 'urgent_hours';
export const LIMIT_UNITS: readonly LimitUnit[] = ['working_hours', 'working_days', 'urgent_hours'];

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

/** One entry of the official arrangement: a holiday (放假) or a make-up working day (调休上班). */
export interface CalendarDay {
  date: string; // 'YYYY-MM-DD', local calendar date
  kind: 'holiday' | 'workday';
}

/** Half-open [startMinute, endMinute) intervals measured from local midnight. */
export interface OfficeHours {
  intervals: Array<[number, number]>;
}

export type LimitColour = 'green' | 'yellow' | 'red';

/** 08:30–12:00 and 14:00–17:30: seven office hours a day. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  intervals: [
    [8 * 60 + 30, 12 * 60],
    [14 * 60, 17 * 60 + 30],
  ],
};
