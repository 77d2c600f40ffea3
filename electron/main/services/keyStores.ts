import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { keyFromFileText, keyFromPassphrase, newMasterKey } from '../../../db/registry/fieldCipher';

/** Where the personal-data key is kept, as the 系统管理 screen names it. */
export type KeyStoreKind = 'keychain' | 'key_file' | 'passphrase' | 'provided';

/**
 * Supplies the 32-byte master key and, when it can, keeps a rotation's new key. A rotation first
 * stages the new key next to the old one (`stage`), re-encrypts the database in one transaction, then
 * makes the staged key the key (`promote`). A crash between the commit and `promote` is finished at
 * the next start: the staged key is the one whose check value the database holds (`staged`).
 */
export interface KeyStore {
  kind: KeyStoreKind;
  load(): Promise<Buffer>;
  /** Present when the store can keep a new key itself (keychain, key file); a passphrase is the operator's to change. */
  rotation?: {
    stage(key: Buffer): Promise<void>;
    staged(): Promise<Buffer | null>;
    promote(): Promise<void>;
  };
}

/** A store that only hands out a key (tests, benchmarks): it cannot rotate by itself. */
export const providedKey = (load: () => Promise<Buffer>): KeyStore => ({ kind: 'provided', load });

/**
 * A key held in `file` in some encoding, its rotation staged in `file.next` and moved over the file
 * (rename is atomic on one file system). The old key is not kept: backups of the database taken
 * before the rotation need the backup of the old key (README «个人信息密钥»).
 */
function fileStore(kind: KeyStoreKind, file: string, read: (bytes: Buffer) => Buffer, write: (key: Buffer) => Buffer): KeyStore {
  const next = `${file}.next`;
  return {
    kind,
    load: async () => read(readFileSync(file)),
    rotation: {
      async stage(key) {
        rmSync(next, { force: true });
        // On disk before the database is re-encrypted under it: a crash must not lose the only copy.
        const fd = openSync(next, 'wx', 0o600);
        try {
          writeSync(fd, write(key));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      },
      staged: async () => (existsSync(next) ? read(readFileSync(next)) : null),
      async promote() {
        if (existsSync(next)) renameSync(next, file);
      },
    },
  };
}

/** `GRIDDESK_KEY_FILE`: 64 hex digits (or base64) of 32 bytes; a rotation writes the new key into the same file. */
export function keyFileStore(file: string): KeyStore {
  return fileStore('key_file', file, (bytes) => keyFromFileText(bytes.toString('utf8')), (key) => Buffer.from(`${key.toString('hex')}\n`));
}

/** `GRIDDESK_PASSPHRASE`: the key is derived; a new one comes only from a new passphrase (`npm run rotate-key`). */
export function passphraseStore(passphrase: string): KeyStore {
  return { kind: 'passphrase', load: async () => keyFromPassphrase(passphrase) };
}

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
export function keychainStore(keychain: OsKeychain, file: string): KeyStore {
  const available = () => {
    if (!keychain.isEncryptionAvailable()) throw new Error('操作系统钥匙串不可用：请以 GRIDDESK_KEY_FILE 指定密钥文件启动');
  };
  const store = fileStore('keychain', file, (bytes) => Buffer.from(keychain.decryptString(bytes), 'hex'), (key) => keychain.encryptString(key.toString('hex')));
  return {
    ...store,
    async load() {
      available();
      if (existsSync(file)) return store.load();
      const key = newMasterKey();
      writeFileSync(file, keychain.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
      return key;
    },
  };
}
