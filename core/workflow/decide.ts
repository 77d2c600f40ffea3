import type { CategoryRef, StageLimit } from '../api/types';
import type { Priority, TimedStage } from '../domain/case';
import { ROLE_LABELS, type Role } from '../domain/roles';
import { admissionRefusal } from './admission';
import type { CaseEvent, CaseEventType, EventPayloads } from './events';
import { MOVE_EVENT, MOVE_LABELS, MOVE_ROLES, type Move } from './moves';
import { eventGuard } from './rules';
import type { CaseState } from './state';

export interface Actor {
  id: string;
  role: Role;
  departmentId: string | null;
  /** The grid a grid worker serves. */
  gridId: string | null;
  /** All the grids a grid worker covers, when more than the home grid. */
  gridIds?: readonly string[];
  /** The social organisation an organisation_staff account speaks for. */
  organisationId?: string | null;
}

/** Whether a grid worker covers the grid: the home grid, or any other grid assigned to them. */
export const coversGrid = (actor: Pick<Actor, 'gridId' | 'gridIds'>, gridId: string): boolean =>
  actor.gridId === gridId || (actor.gridIds?.includes(gridId) ?? false);

export interface DecideContext {
  now: number;
  actor: Actor;
  /**
   * Looks a category up; the case's own, or the one a filing names. With `asOf`, the category as
   * it stood then (the catalogue is versioned): a case keeps the limits it was filed under.
   */
  category: (id: string, asOf?: number) => CategoryRef | undefined;
  /** The clock of a stage started at startMs, on the working calendar. */
  clock: (stage: TimedStage, startMs: number, category: CategoryRef | undefined, priority: Priority) => StageClock;
  /** The running stage's clock moved by an approved extension. */
  extend: (stage: TimedStage, startMs: number, deadlineMs: number, extra: StageLimit, category: CategoryRef | undefined, priority: Priority) => StageClock;
  newId: () => string;
  nextHlc: () => string;
  /** For merge: the case the duplicate is merged into. */
  target?: CaseState;
}

export type Decision = { ok: true; events: CaseEvent[] } | { ok: false; reason: string };

const refuse = (reason: string): Decision => ({ ok: false, reason });

/** When a stage's deadline is reached (red) and when 75% of it is used (yellow). */
export interface StageClock {
  deadlineAt: number;
  warnAt: number;
}
const NO_CLOCK = { deadlineAt: null, warnAt: null };

/** Scope checks: department staff act on their department's cases, grid workers on their grid's. */
export function scopeRefusal(state: CaseState, move: Move, actor: Actor): string | null {
  if (actor.role === 'department_staff') {
    if (state.handler !== 'department' || !actor.departmentId || !state.departmentIds.includes(actor.departmentId)) {
      return '只能办理派遣给本部门的案件';
    }
  }
  if (actor.role === 'grid_worker' && !coversGrid(actor, state.gridId)) return '网格员只能办理本网格的案件';
  if (actor.role === 'organisation_staff' && !referredTo(state, actor)) return '只能办理转给本组织的案件';
  if ((move.move === 'accept_referral' || move.move === 'decline_referral') && state.handler !== 'organisation') {
    return '案件未转给社会组织';
  }
  const handlerMoves = ['handle', 'request_extension', 'request_park'];
  if (handlerMoves.includes(move.move)) {
    const expected: Record<string, readonly Role[]> = {
      department: ['department_staff'],
      grid: ['grid_worker'],
      organisation: ['organisation_staff', 'dispatcher', 'shift_leader'],
    };
    if (!state.handler || !expected[state.handler]!.includes(actor.role)) {
      return `${ROLE_LABELS[actor.role]}不是本案的处置主体`;
    }
    if (actor.role === 'department_staff' && state.departmentIds[0] !== actor.departmentId) {
      return '联办案件由主办部门反馈处置结果和提出申请';
    }
  }
  return null;
}

/** Whether the case is with the actor's organisation (an organisation account sees nothing else). */
export const referredTo = (state: CaseState, actor: Pick<Actor, 'organisationId'>): boolean =>
  state.handler === 'organisation' && !!actor.organisationId && state.organisationId === actor.organisationId;

export function decide(state: CaseState, move: Move, ctx: DecideContext): Decision {
  const { actor, now } = ctx;
  if (!MOVE_ROLES[move.move].includes(actor.role)) {
    return refuse(`${ROLE_LABELS[actor.role]}不能执行"${MOVE_LABELS[move.move]}"`);
  }
  const scope = scopeRefusal(state, move, actor);
  if (scope) return refuse(scope);

  const category = state.categoryId ? ctx.category(state.categoryId, state.filedAt ?? state.reportedAt) : undefined;
  const clock = (stage: TimedStage) => ctx.clock(stage, now, category, state.priority);
  const type = MOVE_EVENT[move.move];
  let payload: EventPayloads[CaseEventType];

  switch (move.move) {
    case 'accept':
    case 'confirm_report':
      payload = { note: move.note ?? '' };
      break;
    case 'void':
      payload = { reason: move.reason };
      break;
    case 'request_verification':
    case 'instruct':
      payload = { note: move.note };
      break;
    case 'file': {
      const filed = ctx.category(move.categoryId);
      if (!filed) return refuse('所选事项类别不存在');
      payload = { categoryId: move.categoryId, priority: move.priority ?? state.priority, note: move.note ?? '' };
      break;
    }
    case 'dispatch': {
      if (move.departmentIds.length === 0) return refuse('至少选择一个处置部门');
      if (new Set(move.departmentIds).size !== move.departmentIds.length) return refuse('处置部门不能重复');
      payload = { departmentIds: move.departmentIds, ...clock('sign'), note: move.note ?? '' };
      break;
    }
    case 'refer':
      // Like a dispatch: the organisation has the signing time to accept, then the handling time.
      payload = { organisationId: move.organisationId, ...clock('sign'), note: move.note ?? '', awaitsAcceptance: true };
      break;
    case 'accept_referral':
      payload = { organisationId: state.organisationId ?? '', note: move.note ?? '', ...clock('handle') };
      break;
    case 'decline_referral':
      payload = { organisationId: state.organisationId ?? '', reason: move.reason, ...clock('accept') };
      break;
    case 'assign_grid': {
      const refusal = admissionRefusal(category);
      if (refusal) return refuse(refusal);
      payload = { ...clock('handle'), note: move.note ?? '' };
      break;
    }
    case 'sign':
      payload = { departmentId: actor.departmentId ?? '', ...clock('handle') };
      break;
    case 'return': {
      const lead = state.departmentIds[0] === actor.departmentId || state.departmentIds.length === 1;
      payload = { departmentId: actor.departmentId ?? '', reason: move.reason, ...(lead ? clock('accept') : NO_CLOCK) };
      break;
    }
    case 'request_extension':
      if (!(move.extra.amount > 0)) return refuse('延期时长必须大于 0');
      payload = { extra: move.extra, reason: move.reason };
      break;
    case 'approve_extension': {
      const pending = state.pendingRequest;
      if (pending?.kind !== 'extension' || state.stage === null || state.stageStartedAt === null || state.stageDeadlineAt === null) {
        return refuse('没有待审批的延期申请');
      }
      const extended = ctx.extend(state.stage, state.stageStartedAt, state.stageDeadlineAt, pending.extra, category, state.priority);
      payload = { ...extended, note: move.note ?? '' };
      break;
    }
    case 'refuse_extension':
    case 'refuse_park':
      payload = { reason: move.reason };
      break;
    case 'request_park':
      payload = { reason: move.reason };
      break;
    case 'approve_park':
      payload = { note: move.note ?? '' };
      break;
    case 'handle': {
      if (move.result === 'unresolvable') {
        // An honest "cannot be solved" is a park request for a leader to approve.
        return emit(state, ctx, 'park_requested', { reason: move.note });
      }
      const next = move.result === 'not_our_duty' ? clock('accept') : clock('verify');
      payload = { result: move.result, note: move.note, photos: move.photos ?? [], ...next };
      break;
    }
    case 'verify_pass':
      payload = { note: move.note ?? '', photos: move.photos ?? [] };
      break;
    case 'verify_fail':
      payload = { reason: move.reason, ...clock('handle') };
      break;
    case 'close':
      payload = { note: move.note ?? '', ...clock('callback') };
      break;
    case 'record_callback': {
      const reopen = move.reopen ?? false;
      if (reopen && move.satisfaction !== 'dissatisfied') return refuse('只有不满意的回访才能重新派遣');
      payload = { satisfaction: move.satisfaction, note: move.note ?? '', reopen, ...(reopen ? clock('accept') : NO_CLOCK) };
      break;
    }
    case 'supervise':
      payload = { level: move.level, note: move.note };
      break;
    case 'flag_urgent':
      if (state.priority === 'urgent') return refuse('案件已是加急');
      payload = { note: move.note ?? '' };
      break;
    case 'merge':
      return decideMerge(state, move.intoCaseId, move.note ?? '', ctx);
  }
  return emit(state, ctx, type, payload);
}

function emit<T extends CaseEventType>(state: CaseState, ctx: DecideContext, type: T, payload: EventPayloads[T]): Decision {
  const reason = eventGuard(state, type, payload);
  if (reason) return refuse(reason);
  return { ok: true, events: [makeEvent(state.id, state.lastEventId, type, payload, ctx)] };
}

function decideMerge(state: CaseState, intoCaseId: string, note: string, ctx: DecideContext): Decision {
  const target = ctx.target;
  if (!target || target.id !== intoCaseId) return refuse('要合并到的案件不存在');
  if (target.status === 'merged' || target.status === 'voided' || target.status === 'archived' || target.status === 'parked') {
    return refuse('只能合并到仍在办理中的案件');
  }
  const merged = { intoCaseId, note };
  const reason = eventGuard(state, 'merged', merged);
  if (reason) return refuse(reason);
  return {
    ok: true,
    events: [
      makeEvent(state.id, state.lastEventId, 'merged', merged, ctx),
      makeEvent(target.id, target.lastEventId, 'duplicate_absorbed', {
        duplicateCaseId: state.id,
        duplicateCaseNo: state.caseNo,
        reporterName: state.reporterName,
      }, ctx),
    ],
  };
}

export function makeEvent<T extends CaseEventType>(
  caseId: string,
  parentId: string | null,
  type: T,
  payload: EventPayloads[T],
  ctx: Pick<DecideContext, 'now' | 'actor' | 'newId' | 'nextHlc'>,
): CaseEvent {
  return {
    id: ctx.newId(),
    caseId,
    type,
    at: ctx.now,
    hlc: ctx.nextHlc(),
    actorId: ctx.actor.id,
    actorRole: ctx.actor.role,
    parentId,
    payload,
  } as CaseEvent;
}
