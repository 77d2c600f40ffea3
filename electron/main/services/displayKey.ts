import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/repositories/audit';
import { loadSetting } from '../../../db/repositories/reference';
import type { Backend } from '../backend';

/** The key a wall shows the big screen with when nobody is signed in on it. Rotating retires the old one. */
export async function displayKey(backend: Backend, rotate = false): Promise<string> {
  const existing = await loadSetting<string>(backend.knex, 'display_key');
  if (existing && !rotate) return existing;
  const key = randomBytes(18).toString('base64url');
  await backend.writePath.transaction(async (tx) => {
    const row = await tx.trx('settings').where({ key: 'display_key' }).first('id');
    if (row) await tx.update('settings', row.id, { value: JSON.stringify(key) });
    else await tx.insert('settings', [{ id: uuidv7(), key: 'display_key', value: JSON.stringify(key) }]);
  });
  return key;
}

/**
 * The desktop app opening its own wall window (F10, the menu, `--bigscreen`) reads the key without a
 * signed-in caller; the read is audited like an admin's, with no user and the desktop as the reader.
 */
export async function displayKeyForDesktopWall(backend: Backend): Promise<string> {
  const key = await displayKey(backend);
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, backend.now(), { userId: null, action: 'display_key.read', targetType: 'setting', detail: { key: 'display_key', via: 'desktop_wall' } }),
  );
  return key;
}
