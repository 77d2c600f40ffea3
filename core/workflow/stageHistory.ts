import type { TimedStage } from '../domain/case';
import type { CaseEvent, EventOf } from './events';
import { applyEvent, orderEvents } from './fold';
import { initialState } from './reduce';

export interface StageSpan {
  stage: TimedStage;
  startedAt: number;
  deadlineAt: number;
  warnAt: number | null;
  /** When the stage ended, or null while it runs. */
  endedAt: number | null;
}

/**
 * Every timed stage the case went through, replayed from its events: when each started,
 * its (possibly extended) deadline, and when it ended. Feeds the countdown bars and,
 * later, the on-time indicators of the scorecards.
 */
export function stageHistory(events: readonly CaseEvent[]): StageSpan[] {
  const ordered = orderEvents(events);
  const report = ordered.find((e): e is EventOf<'reported'> => e.type === 'reported');
  if (!report) return [];
  let state = initialState(report);
  const spans: StageSpan[] = [];
  const open = () => (state.stage && state.stageStartedAt !== null && state.stageDeadlineAt !== null
    ? spans.push({ stage: state.stage, startedAt: state.stageStartedAt, deadlineAt: state.stageDeadlineAt, warnAt: state.stageWarnAt, endedAt: null })
    : undefined);
  open();
  for (const e of ordered) {
    if (e === report) continue;
    const before = state;
    const result = applyEvent(state, e);
    if (!result.applied) continue;
    state = result.state;
    const current = spans[spans.length - 1];
    const restarted = state.stageStartedAt !== before.stageStartedAt || state.stage !== before.stage;
    if (restarted) {
      if (current && current.endedAt === null) current.endedAt = e.at;
      open();
    } else if (current && current.endedAt === null && state.stageDeadlineAt !== before.stageDeadlineAt && state.stageDeadlineAt !== null) {
      current.deadlineAt = state.stageDeadlineAt;
      current.warnAt = state.stageWarnAt;
    }
  }
  return spans;
}
