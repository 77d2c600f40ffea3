import { validateScheme } from '../../../core/assessment';
import { ApiError } from '../../../core/api/errors';
import { activateScheme, getScheme, insertScheme, listSchemes } from '../../../db/repositories/assessment/schemes';
import { writeAudit } from '../../../db/repositories/audit';
import { requireUser, type Handler } from '../handlerTypes';

export const schemesHandler: Handler<'assessment.schemes'> = async (_input, { backend }) => listSchemes(backend.knex);

export const schemeHandler: Handler<'assessment.scheme'> = async ({ id }, { backend }) => {
  const scheme = await getScheme(backend.knex, id);
  if (!scheme) throw new ApiError('NOT_FOUND', '考核方案不存在');
  return scheme;
};

/** Schemes are versioned: an edit is saved as a new draft copy; the one in use never changes under a period. */
export const saveSchemeHandler: Handler<'assessment.saveScheme'> = async ({ basedOnId, definition }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  if (!(await getScheme(backend.knex, basedOnId))) throw new ApiError('NOT_FOUND', '作为底稿的考核方案不存在');
  const errors = validateScheme(definition);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `考核方案有误：${errors[0]}`, errors.map((message) => ({ path: 'definition', message })));
  }
  const id = await backend.writePath.transaction(async (tx) => {
    const newId = await insertScheme(tx, { name: definition.name, definition, basedOnId, status: 'draft', createdBy: user.id, at: backend.now() });
    await writeAudit(tx, backend.now(), { userId: user.id, action: 'assessment.save_scheme', targetType: 'scheme', targetId: newId });
    return newId;
  });
  return (await getScheme(backend.knex, id))!;
};

export const activateSchemeHandler: Handler<'assessment.activateScheme'> = async ({ id }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const scheme = await getScheme(backend.knex, id);
  if (!scheme) throw new ApiError('NOT_FOUND', '考核方案不存在');
  const errors = validateScheme(scheme.definition);
  if (errors.length > 0) throw new ApiError('VALIDATION_FAILED', `考核方案有误，不能启用：${errors[0]}`);
  await backend.writePath.transaction(async (tx) => {
    await activateScheme(tx, id);
    await writeAudit(tx, backend.now(), { userId: user.id, action: 'assessment.activate_scheme', targetType: 'scheme', targetId: id });
  });
  return (await getScheme(backend.knex, id))!;
};
