import { loadChecklist, loadChecklistSetting, saveChecklistSetting } from '../../../../db/repositories/admin/setupChecklist';
import { writeAudit } from '../../../../db/repositories/audit';
import { requireUser, type Handler } from '../../handlerTypes';

export const checklist: Handler<'setup.checklist'> = async (_input, { backend }) => loadChecklist(backend.knex);

export const updateChecklist: Handler<'setup.updateChecklist'> = async (input, ctx) => {
  const { backend } = ctx;
  const before = await loadChecklistSetting(backend.knex);
  const after = { skipped: input.skipped ?? before.skipped, dismissed: input.dismissed ?? before.dismissed };
  await backend.writePath.transaction(async (tx) => {
    await saveChecklistSetting(tx, after);
    await writeAudit(tx, backend.now(), { userId: requireUser(ctx).id, action: 'setup.checklist', targetType: 'settings', detail: { before, after } });
  });
  return loadChecklist(backend.knex);
};
