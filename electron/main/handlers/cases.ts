import type { CaseDetail, CaseEventView, CaseSummary, SessionUser } from '../../../core/api/types';
import { ApiError } from '../../../core/api/errors';
import type { WorkingCalendar } from '../../../core/calendar';
import type { CaseSource, Priority, SupervisionLevel, TimedStage } from '../../../core/domain/case';
import { maskName, maskPhone, seesPersonalData } from '../../../core/domain/masking';
import type { CaseEvent } from '../../../core/workflow/events';
import type { CaseState } from '../../../core/workflow/state';
import { stageLimit } from '../../../core/workflow/timeLimits';
import type { CategoryRef } from '../../../core/api/types';
import { writeAudit } from '../../../db/repositories/audit';
import { listCases, type CaseListRow, type CaseScope } from '../../../db/repositories/caseQueries';
import { stateToRow } from '../../../db/repositories/caseRows';
import { loadCaseState, loadEvents } from '../../../db/repositories/caseStore';
import { loadUserNames } from '../../../db/repositories/users';
import { requireUser, type Handler } from '../handlerTypes';

export function scopeOf(user: SessionUser): CaseScope {
  if (user.role === 'department_staff') {
    if (!user.departmentId) throw new ApiError('FORBIDDEN', '账号未绑定部门，请联系管理员');
    return { kind: 'department', departmentId: user.departmentId };
  }
  if (user.role === 'grid_worker') {
    if (!user.regionId) throw new ApiError('FORBIDDEN', '账号未绑定网格，请联系管理员');
    return { kind: 'grid', gridId: user.regionId };
  }
  return { kind: 'all' };
}

function inScope(state: CaseState, scope: CaseScope): boolean {
  if (scope.kind === 'department') return state.departmentIds.includes(scope.departmentId);
  if (scope.kind === 'grid') return state.gridId === scope.gridId;
  return true;
}

interface ColourInputs {
  calendar: WorkingCalendar;
  categories: Map<string, CategoryRef>;
  now: number;
}

function colourOf(
  c: { stage: string | null; stage_started_at: number | null; stage_deadline_at: number | null; category_id: string | null; priority: string },
  { calendar, categories, now }: ColourInputs,
) {
  if (!c.stage || c.stage_started_at === null || c.stage_deadline_at === null) return null;
  const category = c.category_id ? categories.get(c.category_id) : undefined;
  const hoursPerDay = calendar.officeMsPerDay / 3_600_000;
  const { unit } = stageLimit(c.stage as TimedStage, category, c.priority as Priority, hoursPerDay);
  return calendar.colour(c.stage_started_at, c.stage_deadline_at, now, unit);
}

function toSummary(r: CaseListRow, colours: ColourInputs): CaseSummary {
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
    departmentIds: r.department_id ? [r.department_id] : [],
    summary: r.summary,
    address: r.address,
    reportedAt: Number(r.reported_at),
    stage: r.stage as TimedStage | null,
    stageStartedAt: r.stage_started_at === null ? null : Number(r.stage_started_at),
    stageDeadlineAt: r.stage_deadline_at === null ? null : Number(r.stage_deadline_at),
    limitColour: colourOf(r, colours),
    supervisionLevel: r.supervision_level as SupervisionLevel | null,
  };
}

async function colourInputs(ctx: Parameters<Handler<'cases.list'>>[1]): Promise<ColourInputs> {
  const { backend } = ctx;
  const reference = await backend.reference();
  return {
    calendar: await backend.calendar(),
    categories: new Map(reference.categories.map((c) => [c.id, c])),
    now: backend.now(),
  };
}

export const listCasesHandler: Handler<'cases.list'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { page, pageSize, sort, ...filter } = input;
  const { rows, total } = await listCases(ctx.backend.knex, filter, scopeOf(user), sort, page, pageSize);
  const colours = await colourInputs(ctx);
  return { rows: rows.map((r) => toSummary(r, colours)), total, page, pageSize };
};

function noteOf(e: CaseEvent): string {
  const p = e.payload as Record<string, unknown>;
  for (const key of ['reason', 'note', 'description']) {
    if (typeof p[key] === 'string' && p[key]) return p[key] as string;
  }
  return '';
}

export const getCaseHandler: Handler<'cases.get'> = async ({ id }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const state = await loadCaseState(backend.knex, id);
  if (!state || !inScope(state, scopeOf(user))) throw new ApiError('NOT_FOUND', '案件不存在或无权查看');
  const events = await loadEvents(backend.knex, id);
  const names = await loadUserNames(backend.knex, events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  const personal = seesPersonalData(user.role);
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, backend.now(), { userId: user.id, action: 'case.view', targetType: 'case', targetId: id }),
  );
  const summary = toSummary(stateToRow(state) as unknown as CaseListRow, await colourInputs(ctx));
  const detail: CaseDetail = {
    ...summary,
    departmentIds: state.departmentIds,
    description: state.description,
    reporterName: personal ? state.reporterName : maskName(state.reporterName),
    reporterPhone: personal ? state.reporterPhone : maskPhone(state.reporterPhone),
    organisationId: state.organisationId,
    handlingResult: state.handlingResult,
    satisfaction: state.satisfaction,
    mergedIntoId: state.mergedIntoId,
    closedAt: state.closedAt,
    archivedAt: state.archivedAt,
  };
  const history: CaseEventView[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    at: e.at,
    actorName: e.actorId ? (names.get(e.actorId) ?? '未知用户') : '系统',
    actorRole: e.actorRole,
    note: e.type === 'reported' ? '' : noteOf(e),
    payload: personal || e.type !== 'reported' ? (e.payload as Record<string, unknown>) : { ...e.payload, reporterName: maskName(state.reporterName), reporterPhone: maskPhone(state.reporterPhone) },
  }));
  return { case: detail, events: history };
};
