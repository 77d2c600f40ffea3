import type { CategoryRef } from '../api/types';
import type { TimeLimit } from '../calendar/types';
import type { Priority, TimedStage } from '../domain/case';
import type { DecideContext, StageClock } from './decide';

/** Used while a report has no category yet, and for categories missing a stage. */
export const FALLBACK_LIMITS: Record<TimedStage, TimeLimit> = {
  accept: { amount: 2, unit: 'working_hours' },
  sign: { amount: 2, unit: 'working_hours' },
  handle: { amount: 5, unit: 'working_days' },
  verify: { amount: 8, unit: 'working_hours' },
  callback: { amount: 3, unit: 'working_days' },
};

/**
 * The limit a stage runs under. An urgent case (加急) runs on the clock: its office
 * hours become clock hours, so nights and weekends count against it.
 */
export function stageLimit(
  stage: TimedStage,
  category: CategoryRef | undefined,
  priority: Priority,
  officeHoursPerDay: number,
): TimeLimit {
  const limit = category?.limits[stage] ?? FALLBACK_LIMITS[stage];
  if (priority !== 'urgent' || limit.unit === 'urgent_hours') return limit;
  const hours = limit.unit === 'working_days' ? limit.amount * officeHoursPerDay : limit.amount;
  return { amount: hours, unit: 'urgent_hours' };
}

const HOUR_MS = 3_600_000;
export const YELLOW_FRACTION = 0.75;

/** The parts of the working calendar the workflow needs. */
export interface CalendarLike {
  readonly officeMsPerDay: number;
  deadline(startMs: number, limit: TimeLimit): number;
  elapsed(startMs: number, endMs: number, unit: TimeLimit['unit']): number;
  extend(deadlineMs: number, extra: TimeLimit): number;
}

/** Deadline and yellow point of a stage started at startMs. */
export function stageClock(
  calendar: CalendarLike,
  stage: TimedStage,
  startMs: number,
  category: CategoryRef | undefined,
  priority: Priority,
): StageClock {
  const limit = stageLimit(stage, category, priority, calendar.officeMsPerDay / HOUR_MS);
  return {
    deadlineAt: calendar.deadline(startMs, limit),
    warnAt: calendar.deadline(startMs, { amount: limit.amount * YELLOW_FRACTION, unit: limit.unit }),
  };
}

/** A running stage's clock after an approved extension: the yellow point moves with the deadline. */
export function extendedClock(
  calendar: CalendarLike,
  stage: TimedStage,
  startMs: number,
  deadlineMs: number,
  extra: TimeLimit,
  category: CategoryRef | undefined,
  priority: Priority,
): StageClock {
  const { unit } = stageLimit(stage, category, priority, calendar.officeMsPerDay / HOUR_MS);
  const deadlineAt = calendar.extend(deadlineMs, extra);
  const countedMs = calendar.elapsed(startMs, deadlineAt, unit);
  const msPerUnit = unit === 'working_days' ? calendar.officeMsPerDay : HOUR_MS;
  return { deadlineAt, warnAt: calendar.deadline(startMs, { amount: (YELLOW_FRACTION * countedMs) / msPerUnit, unit }) };
}

/** The calendar half of a DecideContext. */
export function calendarClocks(calendar: CalendarLike): Pick<DecideContext, 'clock' | 'extend'> {
  return {
    clock: (stage, start, category, priority) => stageClock(calendar, stage, start, category, priority),
    extend: (stage, start, deadline, extra, category, priority) => extendedClock(calendar, stage, start, deadline, extra, category, priority),
  };
}

/** Red once the deadline has passed, yellow from the 75% point, green before it. */
export function limitColourAt(deadlineAt: number | null, warnAt: number | null, now: number): 'green' | 'yellow' | 'red' | null {
  if (deadlineAt === null) return null;
  if (now > deadlineAt) return 'red';
  if (warnAt !== null && now >= warnAt) return 'yellow';
  return 'green';
}
