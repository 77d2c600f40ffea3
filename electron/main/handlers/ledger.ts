import type { PeriodSpec } from '../../../core/assessment';
import type { LedgerEntry } from '../../../core/api/assessmentTypes';
import { ApiError } from '../../../core/api/errors';
import type { SessionUser } from '../../../core/api/types';
import { recordLedgerAction } from '../../../db/repositories/assessment/ledger';
import type { Backend } from '../backend';
import { requireUser, type Handler } from '../handlerTypes';
import { ledgerEntries, type LedgerQuery } from '../services/ledgerEntries';

/** Departments and grid workers see the entries against themselves only. */
function scoped(user: SessionUser, q: LedgerQuery): LedgerQuery {
  if (user.role === 'department_staff') return { ...q, kind: 'department', targetId: user.departmentId ?? '' };
  if (user.role === 'grid_worker') return { ...q, kind: 'grid_worker', targetId: user.id };
  return q;
}

export const ledgerListHandler: Handler<'ledger.list'> = async ({ page, pageSize, ...q }, ctx) => {
  const entries = await ledgerEntries(ctx.backend.knex, scoped(requireUser(ctx), q), ctx.backend.now());
  return { rows: entries.slice((page - 1) * pageSize, page * pageSize), total: entries.length };
};

/** An entry lives in the month its fact counts in. */
async function findEntry(backend: Backend, user: SessionUser, entryId: string): Promise<LedgerEntry> {
  const caseId = entryId.slice(0, 36);
  const fact = await backend.knex('case_facts').where({ id: entryId.slice(0, entryId.lastIndexOf(':')), case_id: caseId }).first('bucket_day');
  if (!fact) throw new ApiError('NOT_FOUND', '台账记录不存在');
  const [year, month] = (fact.bucket_day as string).split('-').map(Number) as [number, number];
  const period: PeriodSpec = { kind: 'month', year, month };
  const [entry] = await ledgerEntries(backend.knex, scoped(user, { period, entryId }), backend.now());
  if (!entry) throw new ApiError('NOT_FOUND', '台账记录不存在或无权处理');
  return entry;
}

export const appealHandler: Handler<'ledger.appeal'> = async ({ entryId, reason, evidence }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const entry = await findEntry(backend, user, entryId);
  if ((user.role === 'dispatcher' || user.role === 'shift_leader') && entry.target.kind !== 'street') {
    throw new ApiError('FORBIDDEN', '指挥中心只能就派遣错误提出申诉');
  }
  if (entry.status !== 'open') throw new ApiError('INVALID_MOVE', entry.status === 'appealed' ? '已提交申诉，等待领导审核' : '该记录已有处理结论，不能再申诉');
  await backend.writePath.transaction((tx) =>
    recordLedgerAction(tx, { entryId, factId: entryId.slice(0, entryId.lastIndexOf(':')), caseId: entry.caseId }, { kind: 'appeal', reason, evidence, actorId: user.id, at: backend.now() }),
  );
  return findEntry(backend, user, entryId);
};

export const decideHandler: Handler<'ledger.decide'> = async ({ entryId, decision, reason }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const entry = await findEntry(backend, user, entryId);
  if (entry.status === (decision === 'exempt' ? 'exempted' : 'upheld')) throw new ApiError('INVALID_MOVE', '该记录已是此结论');
  await backend.writePath.transaction((tx) =>
    recordLedgerAction(tx, { entryId, factId: entryId.slice(0, entryId.lastIndexOf(':')), caseId: entry.caseId }, { kind: decision, reason, evidence: [], actorId: user.id, at: backend.now() }),
  );
  return findEntry(backend, user, entryId);
};
