import { ApiError } from '../../../core/api/errors';
import type { ReferenceData, SessionUser } from '../../../core/api/types';
import { decide } from '../../../core/workflow/decide';
import type { Move } from '../../../core/workflow/moves';
import type { CaseState } from '../../../core/workflow/state';
import { reportCase } from '../../../core/workflow/report';
import { nextCaseNo } from '../../../db/repositories/caseNumbers';
import { appendCaseEvents, loadCaseState } from '../../../db/repositories/caseStore';
import type { Backend } from '../backend';
import { requireUser, type Handler } from '../handlerTypes';
import { assertVisible } from './caseAccess';
import { caseWithHistory } from './cases';

const invalid = (message: string) => new ApiError('VALIDATION_FAILED', message);

/**
 * Ids in a move must name things that exist: the schema checks their shape, this their meaning.
 * A deactivated department or organisation stays in the reference data (history names it) but takes nothing new.
 */
function checkReferences(move: Move, reference: ReferenceData): void {
  if (move.move === 'file' && !reference.categories.some((c) => c.id === move.categoryId)) throw invalid('所选事项类别不存在');
  if (move.move === 'dispatch') {
    for (const id of move.departmentIds) {
      const department = reference.departments.find((d) => d.id === id);
      if (!department) throw invalid('所选处置部门不存在');
      if (!department.active) throw invalid(`处置部门「${department.name}」已停用，不能再派遣，请选择其他部门`);
    }
  }
  if (move.move === 'refer') {
    const organisation = reference.organisations.find((o) => o.id === move.organisationId);
    if (!organisation) throw invalid('所选社会组织不存在');
    if (!organisation.active) throw invalid(`社会组织「${organisation.name}」已停用，不能再转介，请选择其他组织`);
  }
}

async function checkPhotos(backend: Backend, ids: readonly string[] | undefined): Promise<void> {
  if (!ids || ids.length === 0) return;
  const found = await backend.knex('attachments').whereIn('id', [...ids]).where('deleted', 0).count<{ n: number }[]>({ n: '*' });
  if (Number(found[0]?.n) !== new Set(ids).size) throw invalid('照片不存在或已删除，请重新上传');
}

export const reportHandler: Handler<'cases.report'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const reference = await backend.reference();
  const grid = reference.regions.find((r) => r.id === input.gridId && r.level === 'grid');
  if (!grid) throw invalid('所选网格不存在');
  if (!grid.active) throw invalid(`网格「${grid.name}」已停用，不能再上报到这里`);
  const community = reference.regions.find((r) => r.id === grid.parentId)!;
  if (input.categoryId && !reference.categories.some((c) => c.id === input.categoryId)) throw invalid('所选事项类别不存在');
  await checkPhotos(backend, input.photos);
  const decideCtx = await backend.decideContext(user);
  return backend.writePath.transaction(async (tx) => {
    const caseNo = await nextCaseNo(tx.trx, decideCtx.now);
    const decision = reportCase(
      {
        caseNo,
        source: input.source,
        categoryId: input.categoryId ?? null,
        gridId: grid.id,
        communityId: community.id,
        streetId: community.parentId!,
        address: input.address,
        description: input.description,
        reporterName: input.reporterName,
        reporterPhone: input.reporterPhone,
        priority: input.priority,
        photos: input.photos,
        ...(input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : {}),
      },
      decideCtx,
    );
    if (!decision.ok) throw new ApiError('INVALID_MOVE', decision.reason);
    await appendCaseEvents(tx, decision.events);
    return { id: decision.events[0]!.caseId, caseNo };
  });
};

async function makeMove(backend: Backend, user: SessionUser, id: string, move: Move, expectedLastEventId?: string) {
  const reference = await backend.reference();
  checkReferences(move, reference);
  if (move.move === 'handle' || move.move === 'verify_pass') await checkPhotos(backend, move.photos);
  // Reference data and the calendar are read before the transaction: SQLite has one connection.
  const decideCtx = await backend.decideContext(user);
  return backend.writePath.transaction(async (tx) => {
    const state = assertVisible(await loadCaseState(tx.trx, id), user);
    if (expectedLastEventId && state.lastEventId !== expectedLastEventId) {
      throw new ApiError('CONFLICT', '案件已被他人更新，请查看最新进展后再操作');
    }
    let target;
    if (move.move === 'merge') {
      target = await loadCaseState(tx.trx, move.intoCaseId);
      if (!target) throw invalid('要合并到的案件不存在');
    }
    const decision = decide(state, move, { ...decideCtx, ...(target ? { target } : {}) });
    if (!decision.ok) throw new ApiError('INVALID_MOVE', decision.reason);
    const states = await appendCaseEvents(tx, decision.events);
    if (correctsTriage(state, move)) backend.forgetTriageModel();
    return states.find((s) => s.id === id)!;
  });
}

/**
 * A dispatcher filing a case under another category or priority than it was reported with, or
 * flagging it urgent, has taught triage something: the next suggestion relearns from it.
 */
function correctsTriage(before: CaseState, move: Move): boolean {
  if (move.move === 'flag_urgent') return true;
  if (move.move !== 'file') return false;
  return (before.categoryId !== null && before.categoryId !== move.categoryId) || (move.priority !== undefined && move.priority !== before.priority);
}

export const moveHandler: Handler<'cases.move'> = async ({ id, move, expectedLastEventId }, ctx) => {
  const user = requireUser(ctx);
  const state = await makeMove(ctx.backend, user, id, move, expectedLastEventId);
  return caseWithHistory(ctx.backend, state, user);
};
