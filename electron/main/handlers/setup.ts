import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../../core/api/errors';
import { writeAudit } from '../../../db/repositories/audit';
import { countUsers, hashPassword } from '../../../db/repositories/users';
import { saveChecklistSetting } from '../../../db/repositories/admin/setupChecklist';
import { upsertRegionRecords } from '../../../db/repositories/regionRecords';
import { passwordFault } from '../../../core/admin/password';
import { writeCatalogue } from '../../../db/seed/catalogue';
import { seedDemo } from '../../../db/seed/demo';
import type { Backend } from '../backend';
import type { Handler } from '../handlerTypes';

/** Setup is only open on an empty database: once anyone can log in, these refuse. */
async function assertEmpty(backend: Backend): Promise<void> {
  if ((await countUsers(backend.knex)) > 0) throw new ApiError('CONFLICT', '系统已初始化，不能重复初始化');
}

export const setupStatus: Handler<'setup.status'> = async (_input, { backend }) => ({
  needsSetup: (await countUsers(backend.knex)) === 0,
});

export const loadDemo: Handler<'setup.loadDemo'> = async (_input, { backend }) => {
  await assertEmpty(backend);
  const logins = await seedDemo(backend.writePath, { now: backend.now() });
  // The demo office is complete as shipped: its administrator is not sent to the setup checklist.
  await backend.writePath.transaction((tx) => saveChecklistSetting(tx, { skipped: [], dismissed: true }));
  backend.invalidateCaches();
  return { logins };
};

/** A real office: the shipped catalogue and calendar, and its first administrator. */
export const initialise: Handler<'setup.initialise'> = async (input, { backend }) => {
  await assertEmpty(backend);
  const fault = passwordFault(input.adminPassword, input.adminUsername);
  if (fault) throw new ApiError('VALIDATION_FAILED', fault, [{ path: 'adminPassword', message: fault }]);
  const passwordHash = await hashPassword(input.adminPassword);
  await backend.writePath.transaction(async (tx) => {
    await writeCatalogue(tx);
    const id = uuidv7();
    await tx.insert('users', [
      { id, username: input.adminUsername, display_name: input.adminDisplayName, role: 'admin', password_hash: passwordHash },
    ]);
    await writeAudit(tx, backend.now(), { userId: id, action: 'setup.initialise', targetType: 'user', targetId: id });
    if (input.districtCode && input.districtName) {
      await upsertRegionRecords(tx, [{ code: input.districtCode, name: input.districtName }], { userId: id, at: backend.now(), via: 'setup' });
    }
  });
  backend.invalidateCaches();
  return { username: input.adminUsername };
};
