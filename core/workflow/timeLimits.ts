import type { CategoryRef } from '../api/types';
import type { TimeLimit } from '../calendar/types';
import type { Priority, TimedStage } from '../domain/case';

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
