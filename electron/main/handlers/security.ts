import { writeAudit } from '../../../db/repositories/audit';
import { requireUser, type Handler } from '../handlerTypes';

export const logoutEverywhere: Handler<'auth.logoutEverywhere'> = async (_input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const ended = backend.sessions.revokeUser(user.id);
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, backend.now(), { userId: user.id, action: 'auth.logout_everywhere', targetType: 'user', targetId: user.id, detail: { ended } }),
  );
  return { ended };
};
