/** User administration: accounts are created, edited, disabled, reset and unlocked by admins; everyone changes their own password. */
import { ApiError } from '../../../../core/api/errors';
import type { UserAdminRow } from '../../../../core/api/adminTypes';
import { findAccount, hashUserPasswords, listUsersForAdmin, saveUsers, setAccountActive, setPassword } from '../../../../db/repositories/admin/userAccounts';
import { assertKeyFree } from '../../../../db/repositories/admin/recordWriter';
import { writeAudit } from '../../../../db/repositories/audit';
import { findUserByUsername, verifyPassword } from '../../../../db/repositories/users';
import type { Backend } from '../../backend';
import { requireUser, type Handler, type HandlerContext } from '../../handlerTypes';

const source = (ctx: HandlerContext) => ({ userId: requireUser(ctx).id, at: ctx.backend.now(), via: 'admin' });

async function userRow(backend: Backend, id: string): Promise<UserAdminRow> {
  const row = (await listUsersForAdmin(backend.knex, (u) => Math.ceil(backend.sessions.logins.lockedOnAnyClient(u) / 1000))).find((u) => u.id === id);
  if (!row) throw new ApiError('NOT_FOUND', '账号不存在');
  return row;
}

async function account(backend: Backend, id: string) {
  const found = await findAccount(backend.knex, id);
  if (!found) throw new ApiError('NOT_FOUND', '账号不存在');
  return found;
}

export const listUsers: Handler<'users.list'> = async (_input, { backend }) =>
  listUsersForAdmin(backend.knex, (u) => Math.ceil(backend.sessions.logins.lockedOnAnyClient(u) / 1000));

export const saveUser: Handler<'users.save'> = async (input, ctx) => {
  const { backend } = ctx;
  const before = input.id ? await userRow(backend, input.id) : null;
  if (before && input.password !== undefined) throw new ApiError('VALIDATION_FAILED', '修改账号时不能设置密码，请使用"重置密码"');
  if (before?.id === requireUser(ctx).id && (input.role !== 'admin' || input.active === false)) {
    throw new ApiError('CONFLICT', '不能取消自己的管理员角色或停用自己的账号');
  }
  const hashes = await hashUserPasswords([input]);
  const result = await backend.writePath.transaction(async (tx) => {
    if (!input.id) await assertKeyFree(tx, 'users', 'username', input.username, '用户名');
    return saveUsers(tx, [input], source(ctx), hashes);
  });
  const id = result.ids.get(input.username.trim())!;
  const after = await userRow(backend, id);
  // A session carries the user's role, department, organisation, grids and 网格长 flag: a change of any of them signs the user out.
  const sessionChanged = (b: typeof before & object) =>
    b.role !== after.role || b.departmentId !== after.departmentId || b.organisationId !== after.organisationId || b.gridIds.join() !== after.gridIds.join() || b.gridLeader !== after.gridLeader || !after.active;
  if (before && sessionChanged(before)) {
    backend.sessions.revokeUser(id);
  }
  backend.invalidateCaches();
  return after;
};

export const setUserActive: Handler<'users.setActive'> = async ({ id, active }, ctx) => {
  const { backend } = ctx;
  if (id === requireUser(ctx).id && !active) throw new ApiError('CONFLICT', '不能停用自己的账号');
  const target = await account(backend, id);
  await backend.writePath.transaction((tx) => setAccountActive(tx, target, active, source(ctx)));
  if (!active) backend.sessions.revokeUser(id);
  return userRow(backend, id);
};

export const resetPassword: Handler<'users.resetPassword'> = async ({ id, password }, ctx) => {
  const { backend } = ctx;
  const target = await account(backend, id);
  await backend.writePath.transaction((tx) => setPassword(tx, target, password, true, source(ctx)));
  backend.sessions.revokeUser(id);
  backend.sessions.logins.unlock(target.username);
  return userRow(backend, id);
};

export const unlockUser: Handler<'users.unlock'> = async ({ id }, ctx) => {
  const { backend } = ctx;
  const target = await account(backend, id);
  backend.sessions.logins.unlock(target.username);
  await backend.writePath.transaction(async (tx) => {
    await writeAudit(tx, backend.now(), { userId: requireUser(ctx).id, action: 'user.unlock', targetType: 'user', targetId: id, detail: { key: target.username } });
  });
  return userRow(backend, id);
};

/** The user's own change: the current password proves it is them; the new one must follow the policy. */
export const changeOwnPassword: Handler<'auth.changePassword'> = async ({ currentPassword, newPassword }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const record = await findUserByUsername(backend.knex, user.username);
  if (!record || !(await verifyPassword(currentPassword, record.passwordHash))) {
    throw new ApiError('VALIDATION_FAILED', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  if (await verifyPassword(newPassword, record.passwordHash)) {
    throw new ApiError('VALIDATION_FAILED', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  await backend.writePath.transaction((tx) => setPassword(tx, record, newPassword, false, { userId: user.id, at: backend.now(), via: 'self' }));
  backend.sessions.passwordChanged(user.id);
  return { ok: true };
};
