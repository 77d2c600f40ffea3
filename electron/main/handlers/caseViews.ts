import type {
  CaseDetail,
  CaseEventView,
  CaseHandler,
  CaseSummary,
  CategoryRef,
  StageTiming,
} from '../../../core/api/types';
import type { WorkingCalendar } from '../../../core/calendar';
import type { CaseSource, Priority, SupervisionLevel, TimedStage } from '../../../core/domain/case';
import type { CaseEvent } from '../../../core/workflow/events';
import type { StageSpan } from '../../../core/workflow/stageHistory';
import type { CaseState } from '../../../core/workflow/state';
import { limitColourAt, stageLimit } from '../../../core/workflow/timeLimits';
import { stateToRow } from '../../../db/repositories/caseRows';
import type { CaseListRow } from '../../../db/repositories/caseQueries';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toSummary(r: CaseListRow, now: number): CaseSummary {
  const deadline = num(r.stage_deadline_at);
  return {
    id: r.id,
    caseNo: r.case_no,
    status: r.status,
    priority: r.priority as Priority,
    source: r.source as CaseSource,
    categoryId: r.category_id,
    streetId: r.street_id,
    communityId: r.community_id,
    gridId: r.grid_id,
    handler: r.handler as CaseHandler | null,
    departmentIds: JSON.parse(r.department_ids) as string[],
    organisationId: r.organisation_id,
    summary: r.summary,
    address: r.address,
    reportedAt: Number(r.reported_at),
    stage: r.stage as TimedStage | null,
    stageStartedAt: num(r.stage_started_at),
    stageDeadlineAt: deadline,
    limitColour: r.stage ? limitColourAt(deadline, num(r.stage_warn_at), now) : null,
    supervisionLevel: r.supervision_level as SupervisionLevel | null,
  };
}

/** The detail view. Personal data is masked for the caller's role by the dispatcher (core/masking). */
export function toDetail(state: CaseState, now: number): CaseDetail {
  const pending = state.pendingRequest;
  return {
    ...toSummary(stateToRow(state) as unknown as CaseListRow, now),
    description: state.description,
    reporterName: state.reporterName,
    reporterPhone: state.reporterPhone,
    photos: state.photos,
    lastEventId: state.lastEventId,
    conflict: state.conflict,
    reworkCount: state.reworkCount,
    pendingRequest: pending
      ? pending.kind === 'extension'
        ? { kind: 'extension', reason: pending.reason, extra: pending.extra }
        : { kind: 'park', reason: pending.reason }
      : null,
    handlingResult: state.handlingResult,
    satisfaction: state.satisfaction,
    mergedIntoId: state.mergedIntoId,
    closedAt: state.closedAt,
    archivedAt: state.archivedAt,
  };
}

function noteOf(e: CaseEvent): string {
  const p = e.payload as Record<string, unknown>;
  for (const key of ['reason', 'note']) {
    if (typeof p[key] === 'string' && p[key]) return p[key] as string;
  }
  return '';
}

export function toEventViews(events: readonly CaseEvent[], names: Map<string, string>): CaseEventView[] {
  return events.map((e) => {
    const payload = e.payload as Record<string, unknown>;
    return {
      id: e.id,
      type: e.type,
      at: e.at,
      actorName: e.actorId ? (names.get(e.actorId) ?? '未知用户') : '系统',
      actorRole: e.actorRole,
      note: noteOf(e),
      payload,
    };
  });
}

/** Countdown bars: each stage's share of its counted time, measured on the working calendar. */
export function toStageTimings(
  spans: readonly StageSpan[],
  calendar: WorkingCalendar,
  category: CategoryRef | undefined,
  priority: Priority,
  now: number,
): StageTiming[] {
  const hoursPerDay = calendar.officeMsPerDay / 3_600_000;
  return spans.map((span) => {
    const { unit } = stageLimit(span.stage, category, priority, hoursPerDay);
    const end = span.endedAt ?? now;
    const total = calendar.elapsed(span.startedAt, span.deadlineAt, unit);
    const used = calendar.elapsed(span.startedAt, end, unit);
    const usedFraction = total > 0 ? used / total : end > span.deadlineAt ? 2 : 1;
    return {
      stage: span.stage,
      startedAt: span.startedAt,
      deadlineAt: span.deadlineAt,
      endedAt: span.endedAt,
      usedFraction: Math.round(usedFraction * 1000) / 1000,
      colour: limitColourAt(span.deadlineAt, span.warnAt, end) ?? 'green',
    };
  });
}
