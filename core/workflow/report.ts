import { ROLE_LABELS, type Role } from '../domain/roles';
import type { Decision, DecideContext } from './decide';
import { coversGrid, makeEvent } from './decide';
import type { EventPayloads } from './events';

export type ReportInput = Omit<EventPayloads['reported'], 'deadlineAt' | 'warnAt'>;

const REPORTERS: readonly Role[] = ['dispatcher', 'shift_leader', 'grid_worker', 'department_staff', 'admin'];

/** A new case: its id is made here, on the node where it is reported. */
export function reportCase(input: ReportInput, ctx: Omit<DecideContext, 'target'>): Decision {
  const { actor } = ctx;
  if (!REPORTERS.includes(actor.role)) return { ok: false, reason: `${ROLE_LABELS[actor.role]}不能上报案件` };
  if (actor.role === 'grid_worker' && !coversGrid(actor, input.gridId)) return { ok: false, reason: '网格员只能上报本网格的问题' };
  const category = input.categoryId ? ctx.category(input.categoryId) : undefined;
  if (input.categoryId && !category) return { ok: false, reason: '所选事项类别不存在' };
  const clock = ctx.clock('accept', ctx.now, category, input.priority);
  const event = makeEvent(ctx.newId(), null, 'reported', { ...input, ...clock }, ctx);
  return { ok: true, events: [event] };
}
