/** Departments and social organisations: created, edited and deactivated (never deleted) by admins. */
import { ApiError } from '../../../../core/api/errors';
import { listDepartmentsForAdmin, listOrganisationsForAdmin, saveDepartments, saveOrganisations } from '../../../../db/repositories/admin/units';
import { assertKeyFree } from '../../../../db/repositories/admin/recordWriter';
import { requireUser, type Handler } from '../../handlerTypes';

export const listDepartments: Handler<'departments.list'> = async (_input, { backend }) => listDepartmentsForAdmin(backend.knex);

export const saveDepartment: Handler<'departments.save'> = async (input, ctx) => {
  const { backend } = ctx;
  const result = await backend.writePath.transaction(async (tx) => {
    if (!input.id) await assertKeyFree(tx, 'departments', 'code', input.code, '部门编码');
    return saveDepartments(tx, [input], { userId: requireUser(ctx).id, at: backend.now(), via: 'admin' });
  });
  backend.invalidateCaches();
  const id = result.ids.get(input.code.trim());
  const row = (await listDepartmentsForAdmin(backend.knex)).find((d) => d.id === id);
  if (!row) throw new ApiError('NOT_FOUND', '部门不存在');
  return row;
};

export const listOrganisations: Handler<'organisations.list'> = async (_input, { backend }) => listOrganisationsForAdmin(backend.knex);

export const saveOrganisation: Handler<'organisations.save'> = async (input, ctx) => {
  const { backend } = ctx;
  const result = await backend.writePath.transaction(async (tx) => {
    if (!input.id) await assertKeyFree(tx, 'organisations', 'code', input.code, '社会组织编码');
    return saveOrganisations(tx, [input], { userId: requireUser(ctx).id, at: backend.now(), via: 'admin' });
  });
  backend.invalidateCaches();
  const id = result.ids.get(input.code.trim());
  const row = (await listOrganisationsForAdmin(backend.knex)).find((o) => o.id === id);
  if (!row) throw new ApiError('NOT_FOUND', '社会组织不存在');
  return row;
};
