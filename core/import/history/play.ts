import type { CategoryRef } from '../../api/types';
import type { Actor, DecideContext } from '../../workflow/decide';
import { decide } from '../../workflow/decide';
import type { CaseEvent, EventOf } from '../../workflow/events';
import { applyEvent } from '../../workflow/fold';
import type { Move } from '../../workflow/moves';
import { initialState } from '../../workflow/reduce';
import { reportCase } from '../../workflow/report';
import type { CaseState } from '../../workflow/state';
import { HISTORY_FIELD_LABELS, type StageField } from './fields';
import type { HistoryCase, HistoryFault } from './row';

/** What playing needs beyond the row: the catalogue by id, the calendar's clocks, ids and HLCs. */
export type PlayContext = Pick<DecideContext, 'category' | 'clock' | 'extend' | 'newId' | 'nextHlc'>;

export type PlayOutcome = { ok: true; events: CaseEvent[]; state: CaseState } | { ok: false; fault: HistoryFault };

/** The note every imported move carries, so a reader of the history sees where it came from. */
export const IMPORT_NOTE = '历史导入';

interface Step {
  field: StageField;
  actor: Actor;
  move: Move;
}

/**
 * The moves that make the row's history, each made by the role the workflow asks for it.
 * The person is unknown (old systems' exports do not name them), so the events carry no actor id.
 */
function stepsOf(h: HistoryCase): Step[] {
  const dispatcher: Actor = { id: '', role: 'dispatcher', departmentId: null, gridId: null };
  const staff: Actor = { id: '', role: 'department_staff', departmentId: h.departmentId, gridId: null };
  const gridWorker: Actor = { id: '', role: 'grid_worker', departmentId: null, gridId: h.grid.id };
  const shiftLeader: Actor = { id: '', role: 'shift_leader', departmentId: null, gridId: null };
  const parked = h.result === 'unresolvable';
  const steps: Array<Step | null> = [
    { field: 'acceptedAt', actor: dispatcher, move: { move: 'accept', note: IMPORT_NOTE } },
    h.category ? { field: 'filedAt', actor: dispatcher, move: { move: 'file', categoryId: h.category.id, note: IMPORT_NOTE } } : null,
    h.departmentId ? { field: 'dispatchedAt', actor: dispatcher, move: { move: 'dispatch', departmentIds: [h.departmentId], note: IMPORT_NOTE } } : null,
    { field: 'signedAt', actor: staff, move: { move: 'sign' } },
    h.result ? { field: 'handledAt', actor: staff, move: { move: 'handle', result: h.result, note: IMPORT_NOTE } } : null,
    { field: 'verifiedAt', actor: gridWorker, move: { move: 'verify_pass', note: IMPORT_NOTE } },
    parked
      ? { field: 'closedAt', actor: shiftLeader, move: { move: 'approve_park', note: IMPORT_NOTE } }
      : { field: 'closedAt', actor: dispatcher, move: { move: 'close', note: IMPORT_NOTE } },
    h.satisfaction ? { field: 'callbackAt', actor: dispatcher, move: { move: 'record_callback', satisfaction: h.satisfaction, note: IMPORT_NOTE } } : null,
  ];
  return steps.filter((s): s is Step => s !== null && h.stages[s.field] !== undefined);
}

/**
 * Plays a history through core's own report and decide, at the times the row gives: the
 * deadlines come from the working calendar as for live moves, and a move the workflow
 * refuses makes the row fail with the workflow's own reason.
 */
export function playHistory(h: HistoryCase, ctx: PlayContext): PlayOutcome {
  const reporter: Actor = h.source === 'grid_worker'
    ? { id: '', role: 'grid_worker', departmentId: null, gridId: h.grid.id }
    : { id: '', role: 'dispatcher', departmentId: null, gridId: null };
  const category: CategoryRef | null = h.category;
  const report = reportCase(
    {
      caseNo: h.caseNo,
      source: h.source ?? 'import',
      categoryId: category?.id ?? null,
      gridId: h.grid.id,
      communityId: h.grid.communityId,
      streetId: h.grid.streetId,
      address: h.address,
      description: h.description,
      reporterName: '',
      reporterPhone: '',
      priority: category?.priority ?? 'normal',
      photos: [],
    },
    { ...ctx, now: h.reportedAt, actor: reporter },
  );
  if (!report.ok) return { ok: false, fault: { row: h.row, column: null, value: '', reason: `上报：${report.reason}` } };
  const events: CaseEvent[] = [...report.events];
  let state = initialState(report.events[0] as EventOf<'reported'>);
  for (const step of stepsOf(h)) {
    const at = h.stages[step.field]!;
    const decision = decide(state, step.move, { ...ctx, now: at, actor: step.actor });
    if (!decision.ok) {
      return { ok: false, fault: { row: h.row, column: HISTORY_FIELD_LABELS[step.field], value: '', reason: `${HISTORY_FIELD_LABELS[step.field]}：${decision.reason}` } };
    }
    for (const e of decision.events) state = applyEvent(state, e).state;
    events.push(...decision.events);
  }
  return { ok: true, events: events.map((e) => ({ ...e, actorId: null })), state };
}
