import type { OfficeHours } from './types';
import { MS_PER_MINUTE } from './localDays';

const MINUTES_PER_DAY = 1440;

/** Validated office hours as [openMs, closeMs) offsets from local midnight. */
export type OfficeIntervalsMs = ReadonlyArray<readonly [number, number]>;

/**
 * Intervals must be whole minutes, non-empty, sorted and non-overlapping within 0..1440.
 * Touching intervals (one closes when the next opens) are allowed.
 */
export function validateOfficeHours(officeHours: OfficeHours): OfficeIntervalsMs {
  const intervals = officeHours?.intervals;
  if (!Array.isArray(intervals) || intervals.length === 0) {
    throw new RangeError('Office hours need at least one interval');
  }
  let previousEnd = 0;
  return intervals.map((interval, index) => {
    const [start, end] = Array.isArray(interval) ? interval : [NaN, NaN];
    const where = `Office hours interval #${index} ${JSON.stringify(interval)}`;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new RangeError(`${where}: minutes must be whole numbers`);
    }
    if (start < 0 || end > MINUTES_PER_DAY) throw new RangeError(`${where}: must lie within 0..1440 minutes`);
    if (start >= end) throw new RangeError(`${where}: start must be before end`);
    if (start < previousEnd) throw new RangeError(`${where}: intervals must be sorted and must not overlap`);
    previousEnd = end;
    return [start * MS_PER_MINUTE, end * MS_PER_MINUTE] as const;
  });
}
