import { ApiError } from '../../../core/api/errors';
import { FieldCipher } from '../../../db/registry/fieldCipher';
import { storedKeyState } from '../../../db/registry/keyRotation';
import type { Backend } from '../backend';
import { keyFileStore, passphraseStore, providedKey, type KeyStore } from './keyStores';

/** Supplies the 32-byte master key (tests, benchmarks); a `KeyStore` can also keep a rotated one. */
export type KeyProvider = () => Promise<Buffer>;

const stores = new WeakMap<Backend, KeyStore>();
const ciphers = new WeakMap<Backend, Promise<FieldCipher>>();

/** Called once at start by whoever opens the backend (Electron main, `web.ts`), and after a passphrase rotation. */
export function setPersonalDataKey(backend: Backend, key: KeyProvider | KeyStore): void {
  stores.set(backend, typeof key === 'function' ? providedKey(key) : key);
  ciphers.delete(backend);
}

/** The key store a backend was given, else the environment's; null when none is configured. */
export function personalDataKeyStore(backend: Backend): KeyStore | null {
  return stores.get(backend) ?? keyStoreFromEnvironment();
}

/**
 * The browser mode's key: `GRIDDESK_KEY_FILE` (a file with 64 hex digits or base64 of 32 bytes)
 * or `GRIDDESK_PASSPHRASE`. Read when first needed, so a backend with no personal data starts without one.
 */
export function keyStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): KeyStore | null {
  if (env.GRIDDESK_KEY_FILE) return keyFileStore(env.GRIDDESK_KEY_FILE);
  if (env.GRIDDESK_PASSPHRASE) return passphraseStore(env.GRIDDESK_PASSPHRASE);
  return null;
}

const WRONG_KEY = '个人信息密钥与本库数据不符：请使用写入这些数据时的密钥或口令';

async function openCipher(backend: Backend): Promise<FieldCipher> {
  const store = personalDataKeyStore(backend);
  if (!store) {
    throw new ApiError('CONFLICT', '未配置个人信息密钥：请以 GRIDDESK_KEY_FILE 或 GRIDDESK_PASSPHRASE 启动（见 README「个人信息密钥」）');
  }
  const stored = await storedKeyState(backend.knex);
  const key = await store.load();
  if (!stored) {
    const cipher = new FieldCipher(key, 1);
    await backend.knex('personal_data_key').insert({ singleton: 1, check: cipher.checkValue(), version: 1 });
    return cipher;
  }
  const cipher = new FieldCipher(key, stored.version);
  if (cipher.checkValue() === stored.check) return cipher;
  // A rotation that committed but stopped before its new key replaced the old one: finish it now.
  const staged = await store.rotation?.staged();
  if (staged) {
    const rotated = new FieldCipher(staged, stored.version);
    if (rotated.checkValue() === stored.check) {
      await store.rotation!.promote();
      return rotated;
    }
  }
  throw new ApiError('CONFLICT', WRONG_KEY);
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

/** After a rotation: the backend works with the new key from now on. */
export function usePersonalDataCipher(backend: Backend, cipher: FieldCipher): void {
  ciphers.set(backend, Promise.resolve(cipher));
}
