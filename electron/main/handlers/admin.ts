import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../../core/api/errors';
import { writeAudit } from '../../../db/repositories/audit';
import { loadCategories } from '../../../db/repositories/reference';
import { requireUser, type Handler } from '../handlerTypes';

/** Admins keep the matter admission list (网格事项准入清单): what grids may handle themselves. */
export const setAdmission: Handler<'catalogue.setAdmission'> = async ({ categoryId, gridAdmissible, matterKind }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const exists = await backend.knex('categories').where({ id: categoryId, deleted: 0 }).first('id');
  if (!exists) throw new ApiError('NOT_FOUND', '事项类别不存在');
  await backend.writePath.transaction(async (tx) => {
    await tx.update('categories', categoryId, { grid_admissible: gridAdmissible ? 1 : 0, matter_kind: matterKind });
    await writeAudit(tx, backend.now(), {
      userId: user.id, action: 'catalogue.set_admission', targetType: 'category', targetId: categoryId, detail: { gridAdmissible, matterKind },
    });
  });
  backend.invalidateCaches();
  return (await loadCategories(backend.knex)).find((c) => c.id === categoryId)!;
};

export const setOfficeHours: Handler<'settings.setOfficeHours'> = async ({ intervals }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  await backend.writePath.transaction(async (tx) => {
    const row = await tx.trx('settings').where({ key: 'office_hours' }).first('id');
    if (row) await tx.update('settings', row.id, { value: JSON.stringify({ intervals }) });
    else await tx.insert('settings', [{ id: uuidv7(), key: 'office_hours', value: JSON.stringify({ intervals }) }]);
    await writeAudit(tx, backend.now(), { userId: user.id, action: 'settings.office_hours', detail: { intervals } });
  });
  backend.invalidateCaches();
  return { intervals };
};
