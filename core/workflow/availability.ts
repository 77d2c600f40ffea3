import type { Actor } from './decide';
import { scopeRefusal } from './decide';
import type { CaseEventType, EventPayloads } from './events';
import { MOVE_EVENT, MOVE_NAMES, MOVE_ROLES, type Move, type MoveName } from './moves';
import { eventGuard } from './rules';
import type { CaseState } from './state';

/** A stand-in payload for the guards: only the fields they read matter. */
function probePayload(type: CaseEventType, actor: Actor, state: CaseState): EventPayloads[CaseEventType] {
  if (type === 'referral_accepted' || type === 'referral_declined') return { organisationId: state.organisationId ?? '' } as never;
  if (type === 'signed' || type === 'returned') return { departmentId: actor.departmentId ?? '', deadlineAt: 0, reason: '' } as never;
  if (type === 'merged') return { intoCaseId: '', note: '' };
  return {} as never;
}

function probeMove(name: MoveName): Move {
  return { move: name } as Move;
}

/**
 * The moves this actor may make on this case now: role, scope and the case's state.
 * Checks that need the move's own input (the admission list, a merge target) are left
 * to decide(), so the user still sees why such an attempt is refused.
 */
export function availableMoves(state: CaseState, actor: Actor): MoveName[] {
  return MOVE_NAMES.filter((name) => {
    if (!MOVE_ROLES[name].includes(actor.role)) return false;
    if (scopeRefusal(state, probeMove(name), actor)) return false;
    if (name === 'flag_urgent' && state.priority === 'urgent') return false;
    const type = MOVE_EVENT[name];
    return eventGuard(state, type, probePayload(type, actor, state)) === null;
  });
}
