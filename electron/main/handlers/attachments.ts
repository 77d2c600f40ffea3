import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../../core/api/errors';
import { MAX_PHOTO_BYTES } from '../../../core/api/caseSchemas';
import { casesShowingAttachment } from '../../../db/repositories/attachmentCases';
import { loadCaseState } from '../../../db/repositories/caseStore';
import { audit } from '../auditTrail';
import { requireUser, type Handler } from '../handlerTypes';
import { inScope, scopeOf } from './caseAccess';

/** The first bytes each accepted image type starts with: the declared type must match the data. */
const SIGNATURES: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/webp': [0x52, 0x49, 0x46, 0x46],
};

export const uploadAttachment: Handler<'attachments.upload'> = async ({ name, mime, dataBase64 }, ctx) => {
  const user = requireUser(ctx);
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length === 0 || data.length > MAX_PHOTO_BYTES) throw new ApiError('VALIDATION_FAILED', '照片不能为空，也不能超过 3 MB');
  if (!SIGNATURES[mime]!.every((byte, i) => data[i] === byte)) throw new ApiError('VALIDATION_FAILED', '文件内容与图片格式不符');
  const id = uuidv7();
  const { backend } = ctx;
  await backend.writePath.transaction((tx) =>
    tx.insert('attachments', [{ id, name, mime, size: data.length, data, uploaded_by: user.id, uploaded_at: backend.now() }]),
  );
  return { id };
};

/**
 * A photo is shown to whoever may see a case it belongs to; before it is on a case, only to
 * its uploader. Anything else reads as not found, like a case out of scope.
 */
export const getAttachment: Handler<'attachments.get'> = async ({ id }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const row = await backend.knex('attachments').where({ id, deleted: 0 }).first('id', 'name', 'mime', 'data', 'uploaded_by', 'uploaded_at');
  if (!row) throw new ApiError('NOT_FOUND', '照片不存在');
  const caseIds = await casesShowingAttachment(backend.knex, id, Number(row.uploaded_at));
  const scope = scopeOf(user);
  let visible = caseIds.length === 0 && row.uploaded_by === user.id;
  for (const caseId of caseIds) {
    if (visible) break;
    const state = await loadCaseState(backend.knex, caseId);
    visible = state !== null && inScope(state, scope);
  }
  await audit(backend, user, { action: visible ? 'attachment.read' : 'attachment.read_refused', targetType: 'attachment', targetId: id, detail: { caseIds } });
  if (!visible) throw new ApiError('NOT_FOUND', '照片不存在或无权查看');
  return { id: row.id, name: row.name, mime: row.mime, dataBase64: Buffer.from(row.data).toString('base64') };
};
