import { isOpenStatus } from '../../core/domain/case';
import type { CaseEvent } from '../../core/workflow/events';
import type { CaseState } from '../../core/workflow/state';
import { NO_DEADLINE } from '../migrations/20261128180000_queue_search_attachments';
import type { Row } from '../writePath';

const SUMMARY_LENGTH = 80;

export function eventToRow(e: CaseEvent): Row {
  return {
    id: e.id,
    hlc: e.hlc,
    case_id: e.caseId,
    type: e.type,
    at: e.at,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    parent_id: e.parentId,
    payload: JSON.stringify(e.payload),
  };
}

export function rowToEvent(row: Row): CaseEvent {
  return {
    id: row.id as string,
    caseId: row.case_id as string,
    type: row.type as CaseEvent['type'],
    at: Number(row.at),
    hlc: row.hlc as string,
    actorId: (row.actor_id as string | null) ?? null,
    actorRole: row.actor_role as CaseEvent['actorRole'],
    parentId: (row.parent_id as string | null) ?? null,
    payload: JSON.parse(row.payload as string),
  } as CaseEvent;
}

/** The queryable columns of the projection, plus the whole state for the detail view. */
export function stateToRow(s: CaseState): Row {
  return {
    id: s.id,
    hlc: s.lastHlc,
    deleted: 0,
    case_no: s.caseNo,
    status: s.status,
    priority: s.priority,
    source: s.source,
    category_id: s.categoryId,
    street_id: s.streetId,
    community_id: s.communityId,
    grid_id: s.gridId,
    department_id: s.departmentIds[0] ?? null,
    stage: s.stage,
    stage_started_at: s.stageStartedAt,
    stage_deadline_at: s.stageDeadlineAt,
    stage_warn_at: s.stageWarnAt,
    deadline_sort: s.stageDeadlineAt ?? NO_DEADLINE,
    // The queue shows supervision (督办中) while the case is open; its history stays in the events.
    supervision_level: isOpenStatus(s.status) ? s.supervisionLevel : null,
    reported_at: s.reportedAt,
    closed_at: s.closedAt,
    summary: s.description.slice(0, SUMMARY_LENGTH),
    address: s.address,
    handler: s.handler,
    organisation_id: s.organisationId,
    department_ids: JSON.stringify(s.departmentIds),
    lat: s.lat,
    lng: s.lng,
    conflict: s.conflict ? 1 : 0,
    pending_request: s.pendingRequest?.kind ?? null,
  };
}

export function stateRow(s: CaseState): Row {
  return { id: s.id, state: JSON.stringify(s) };
}

/** One row per department a case is sent to: the department queues filter on this. */
export function departmentRows(s: CaseState): Row[] {
  return s.departmentIds.map((departmentId, i) => ({ case_id: s.id, department_id: departmentId, lead: i === 0 ? 1 : 0, status: s.status }));
}

/** The text Chinese full-text search looks in. */
export function searchBody(s: CaseState): string {
  return `${s.caseNo} ${s.description} ${s.address}`;
}
