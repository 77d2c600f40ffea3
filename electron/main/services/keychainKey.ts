import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newMasterKey } from '../../../db/registry/fieldCipher';
import type { KeyProvider } from './personalDataKey';

/** The part of Electron's `safeStorage` used here; passed in so only `index.ts` imports electron. */
export interface OsKeychain {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * The desktop's key: made once at random and kept in `file`, sealed by the OS keychain (DPAPI,
 * Keychain, libsecret), so the key is useless off this user account. Back it up with
 * `GRIDDESK_KEY_FILE` (README «个人信息密钥»): a lost keychain loses the personal data.
 */
export function keychainKeyProvider(keychain: OsKeychain, file: string): KeyProvider {
  return async () => {
    if (!keychain.isEncryptionAvailable()) throw new Error('操作系统钥匙串不可用：请以 GRIDDESK_KEY_FILE 指定密钥文件启动');
    if (existsSync(file)) return Buffer.from(keychain.decryptString(readFileSync(file)), 'hex');
    const key = newMasterKey();
    writeFileSync(file, keychain.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
    return key;
  };
}
