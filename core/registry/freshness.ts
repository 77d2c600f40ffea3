/**
 * 基础数据更新率 (DESIGN §3, indicator 14): records re-verified within their cycle / records due.
 * One *due instance* per record and cycle: it falls in the period its due time falls in. It is
 * answered by the first verification after the previous one (confirmed, changed or moved out);
 * on time when that came by the due time. An instance not yet answered counts once its due time
 * has passed (late); one still in the future is not decided yet and counts in neither side.
 */
export interface DueInstance {
  dueAt: number;
  /** When it was answered, or null while still open. */
  answeredAt: number | null;
}

export type InstanceState = 'on_time' | 'late' | 'undecided';

export function instanceState(instance: DueInstance, now: number): InstanceState {
  if (instance.answeredAt !== null) return instance.answeredAt <= instance.dueAt ? 'on_time' : 'late';
  return instance.dueAt < now ? 'late' : 'undecided';
}

export interface FreshnessTotals {
  onTime: number;
  due: number;
  rate: number | null;
}

export function freshnessTotals(instances: readonly DueInstance[], now: number): FreshnessTotals {
  let onTime = 0;
  let due = 0;
  for (const i of instances) {
    const state = instanceState(i, now);
    if (state === 'undecided') continue;
    due += 1;
    if (state === 'on_time') onTime += 1;
  }
  return { onTime, due, rate: due === 0 ? null : onTime / due };
}
