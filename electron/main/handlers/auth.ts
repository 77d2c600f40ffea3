import { ApiError } from '../../../core/api/errors';
import type { SessionUser } from '../../../core/api/types';
import { writeAudit } from '../../../db/repositories/audit';
import { HashQueueFull } from '../../../db/repositories/hashQueue';
import { findUserByUsername, verifyPassword } from '../../../db/repositories/users';
import { rehashIfCheap } from './passwordUpgrade';
import { requireUser, type Handler } from '../handlerTypes';

// Compared against when the user does not exist, so a wrong username takes as long as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

async function checkPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await verifyPassword(password, hash);
  } catch (err) {
    if (err instanceof HashQueueFull) throw new ApiError('BAD_CREDENTIALS', '登录请求过多，请稍后再试');
    throw err;
  }
}

export const login: Handler<'auth.login'> = async ({ username, password }, { backend, client }) => {
  const throttle = backend.sessions.logins;
  const locked = throttle.lockedFor(username, client);
  if (locked > 0) throw new ApiError('BAD_CREDENTIALS', `密码错误次数过多，请 ${Math.ceil(locked / 1000)} 秒后再试`);
  const record = await findUserByUsername(backend.knex, username);
  const valid = await checkPassword(password, record?.passwordHash ?? DUMMY_HASH);
  if (!record || !valid || !record.active) {
    throttle.recordFailure(username, client);
    await backend.writePath.transaction((tx) =>
      writeAudit(tx, backend.now(), { userId: record?.id ?? null, action: 'auth.login_failed', detail: { username } }),
    );
    throw new ApiError('BAD_CREDENTIALS', record && valid ? '账号已停用，请联系管理员' : '用户名或密码错误');
  }
  throttle.recordSuccess(username, client);
  await rehashIfCheap(backend, record.id, password, record.passwordHash);
  const user: SessionUser = {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    departmentId: record.departmentId,
    regionId: record.regionId,
    ...(record.gridIds ? { gridIds: record.gridIds } : {}),
    ...(record.organisationId ? { organisationId: record.organisationId } : {}),
    ...(record.gridLeader ? { gridLeader: true as const } : {}),
  };
  const { token, expiresAt } = backend.sessions.create(user, record.mustChangePassword);
  await backend.writePath.transaction((tx) => writeAudit(tx, backend.now(), { userId: user.id, action: 'auth.login' }));
  return { token, user, expiresAt, mustChangePassword: record.mustChangePassword };
};

export const logout: Handler<'auth.logout'> = async (_input, ctx) => {
  ctx.backend.sessions.revoke(ctx.token);
  return { ok: true };
};

export const me: Handler<'auth.me'> = async (_input, ctx) => requireUser(ctx);
