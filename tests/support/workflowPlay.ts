import { decide, type Actor } from '../../core/workflow/decide';
import type { CaseEvent } from '../../core/workflow/events';
import { applyEvent } from '../../core/workflow/fold';
import type { Move } from '../../core/workflow/moves';
import { initialState } from '../../core/workflow/reduce';
import { reportCase } from '../../core/workflow/report';
import type { CaseState } from '../../core/workflow/state';
import { GARBAGE, GRID, actors, contextFor } from './workflowWorld';

// Monday 2026-03-02 09:00 China time.
export const MONDAY_9AM = Date.UTC(2026, 2, 2, 1, 0);
export const HOUR = 3_600_000;

export interface Played {
  state: CaseState;
  events: CaseEvent[];
}

export function reported(categoryId = GARBAGE.id): Played {
  const decision = reportCase(
    {
      caseNo: '20260302-0001', source: 'grid_worker', categoryId, gridId: GRID, communityId: 'c', streetId: 's',
      address: '双龙大道128号', description: '人行道堆放垃圾', reporterName: '', reporterPhone: '', priority: 'normal', photos: [],
    },
    contextFor(actors.gridWorker, MONDAY_9AM),
  );
  if (!decision.ok) throw new Error(decision.reason);
  return { state: initialState(decision.events[0] as Extract<CaseEvent, { type: 'reported' }>), events: decision.events };
}

/** Plays moves one hour apart; throws if core refuses one (the script is the test's premise). */
export function play(steps: Array<[Actor, Move]>, start: Played = reported()): Played {
  let { state } = start;
  const events = [...start.events];
  const offset = events.length;
  steps.forEach(([actor, move], i) => {
    const decision = decide(state, move, contextFor(actor, MONDAY_9AM + (offset + i) * HOUR));
    if (!decision.ok) throw new Error(`${move.move}: ${decision.reason}`);
    for (const e of decision.events) state = applyEvent(state, e).state;
    events.push(...decision.events);
  });
  return { state, events };
}
