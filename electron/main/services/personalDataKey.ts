import { readFileSync } from 'node:fs';
import { ApiError } from '../../../core/api/errors';
import { FieldCipher, keyFromFileText, keyFromPassphrase } from '../../../db/registry/fieldCipher';
import type { Backend } from '../backend';

/** Supplies the 32-byte master key. Electron's comes from safeStorage; the browser mode's from env/CLI. */
export type KeyProvider = () => Promise<Buffer>;

const providers = new WeakMap<Backend, KeyProvider>();
const ciphers = new WeakMap<Backend, Promise<FieldCipher>>();

/** Called once at start by whoever opens the backend (Electron main, `web.ts`). */
export function setPersonalDataKey(backend: Backend, provider: KeyProvider): void {
  providers.set(backend, provider);
  ciphers.delete(backend);
}

/**
 * The browser mode's key: `GRIDDESK_KEY_FILE` (a file with 64 hex digits or base64 of 32 bytes)
 * or `GRIDDESK_PASSPHRASE`. Read when first needed, so a backend with no personal data starts without one.
 */
export function keyProviderFromEnvironment(env: NodeJS.ProcessEnv = process.env): KeyProvider | null {
  if (env.GRIDDESK_KEY_FILE) {
    const file = env.GRIDDESK_KEY_FILE;
    return async () => keyFromFileText(readFileSync(file, 'utf8'));
  }
  if (env.GRIDDESK_PASSPHRASE) {
    const passphrase = env.GRIDDESK_PASSPHRASE;
    return async () => keyFromPassphrase(passphrase);
  }
  return null;
}

async function openCipher(backend: Backend): Promise<FieldCipher> {
  const provider = providers.get(backend) ?? keyProviderFromEnvironment();
  if (!provider) {
    throw new ApiError('CONFLICT', '未配置个人信息密钥：请以 GRIDDESK_KEY_FILE 或 GRIDDESK_PASSPHRASE 启动（见 README「个人信息密钥」）');
  }
  const cipher = new FieldCipher(await provider());
  const check = cipher.checkValue();
  const stored = (await backend.knex('personal_data_key').where({ singleton: 1 }).first()) as { check: string } | undefined;
  if (!stored) await backend.knex('personal_data_key').insert({ singleton: 1, check });
  else if (stored.check !== check) throw new ApiError('CONFLICT', '个人信息密钥与本库数据不符：请使用写入这些数据时的密钥或口令');
  return cipher;
}

/** The backend's field cipher, checked against the database once. A failed attempt is retried next time. */
export function personalDataCipher(backend: Backend): Promise<FieldCipher> {
  let cipher = ciphers.get(backend);
  if (!cipher) {
    cipher = openCipher(backend);
    ciphers.set(backend, cipher);
    cipher.catch(() => ciphers.delete(backend));
  }
  return cipher;
}
