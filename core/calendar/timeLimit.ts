import type { LimitUnit, TimeLimit } from './types';
import { LIMIT_UNITS } from './types';

export function assertLimitUnit(unit: LimitUnit): void {
  if (!LIMIT_UNITS.includes(unit)) throw new RangeError(`Unknown time-limit unit ${JSON.stringify(unit)}`);
}

export function assertTimeLimit(limit: TimeLimit): void {
  assertLimitUnit(limit.unit);
  if (typeof limit.amount !== 'number' || !Number.isFinite(limit.amount) || limit.amount < 0) {
    throw new RangeError(`Time-limit amount must be a finite number ≥ 0, got ${String(limit.amount)}`);
  }
}

const UNIT_LABELS: Record<LimitUnit, string> = {
  working_days: '个工作日',
  working_hours: '工作时',
  urgent_hours: '紧急工作时',
};

/** '3个工作日', '4工作时', '2紧急工作时'; fractions show at most two decimals ('0.5个工作日'). */
export function formatLimit(limit: TimeLimit): string {
  assertTimeLimit(limit);
  const amount = Math.round(limit.amount * 100) / 100;
  return `${amount}${UNIT_LABELS[limit.unit]}`;
}
