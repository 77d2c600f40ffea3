import { ApiError } from '../../../core/api/errors';
import type { SyncConflict } from '../../../core/api/syncTypes';
import { writeAudit } from '../../../db/repositories/audit';
import { acknowledgeConflicts, listConflicts } from '../../../db/sync/conflicts';
import { requireUser, type Handler } from '../handlerTypes';
import { HubError } from '../services/sync/hubClient';

const MAX_VALUE_CHARS = 300;
const shorten = (text: string | null): string | null => (text !== null && text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text);

export const syncStatusHandler: Handler<'sync.status'> = async (_input, { backend }) => backend.sync.status();

export const syncNowHandler: Handler<'sync.now'> = async (_input, { backend }) => {
  await backend.sync.syncNow();
  return backend.sync.status();
};

export const syncEnrolHandler: Handler<'sync.enrol'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const before = await backend.sync.status();
  if (before.enrolled) throw new ApiError('CONFLICT', `本机已加入同步服务器 ${before.hubUrl}，不能重复注册`);
  try {
    await backend.sync.enrol(input.hubUrl, input.code, input.nodeName);
  } catch (error) {
    if (error instanceof HubError) {
      throw new ApiError(error.unauthorised ? 'FORBIDDEN' : 'CONFLICT', error.unauthorised ? '注册码无效或已使用，请向区级管理员重新申请' : error.message);
    }
    throw error;
  }
  const after = await backend.sync.status();
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, backend.now(), { userId: user.id, action: 'sync.enrol', targetType: 'node', detail: { hubUrl: input.hubUrl, nodeName: input.nodeName, scope: after.scope } }),
  );
  return after;
};

export const syncConflictsHandler: Handler<'sync.conflicts'> = async (input, { backend }) => {
  const rows = await listConflicts(backend.knex, { includeAcknowledged: input.includeAcknowledged, limit: 500 });
  return rows.map((r): SyncConflict => ({
    id: r.id, at: r.at, kind: r.kind, table: r.table, rowId: r.rowId, column: r.column,
    localValue: shorten(r.localValue), remoteValue: shorten(r.remoteValue), reason: r.reason, message: r.message, acknowledgedAt: r.acknowledgedAt,
  }));
};

export const syncAcknowledgeHandler: Handler<'sync.acknowledge'> = async (input, ctx) => {
  const user = requireUser(ctx);
  return { acknowledged: await acknowledgeConflicts(ctx.backend.knex, input.ids, user.id, ctx.backend.now()) };
};
