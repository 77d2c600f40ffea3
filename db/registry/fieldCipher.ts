import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scryptSync } from 'node:crypto';

/**
 * Field-level protection of personal data. One 32-byte master key (from the OS keychain, a key
 * file or a passphrase) yields two keys by HKDF: one for AES-256-GCM ciphertexts, one for the
 * HMAC-SHA-256 lookup hashes. Ciphertexts carry the version of the key that sealed them: `v1.…`
 * for the first key (as written before rotation existed), `k2.…`, `k3.…` after each rotation, so a
 * value is never opened with the wrong key and a rotation can tell rewritten rows from the rest.
 * A row's keyed hashes belong to the key of its ciphertexts (they are rewritten together).
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly prefix: string;

  constructor(
    masterKey: Buffer,
    /** Which key of the database's history this is: 1 for the first, +1 for each rotation. */
    readonly version = 1,
  ) {
    if (masterKey.length !== 32) throw new Error('个人信息密钥必须是 32 字节');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'griddesk/personal-data/enc', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'griddesk/personal-data/mac', 32));
    if (!Number.isInteger(version) || version < 1) throw new Error('密钥版本应为正整数');
    this.prefix = version === 1 ? 'v1.' : `k${version}.`;
  }

  private ivPool = Buffer.alloc(0);
  private ivUsed = 0;

  /** A fresh random IV; drawn from a pool because one getrandom call per field dominated bulk imports. */
  private nextIv(): Buffer {
    if (this.ivUsed + 12 > this.ivPool.length) {
      this.ivPool = randomBytes(12 * 4096);
      this.ivUsed = 0;
    }
    this.ivUsed += 12;
    return this.ivPool.subarray(this.ivUsed - 12, this.ivUsed);
  }

  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${this.prefix}${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const version = keyVersionOf(stored);
    if (version === null) throw new Error('未知的密文格式');
    if (version !== this.version) throw new Error(`该数据由第 ${version} 版个人信息密钥加密，当前为第 ${this.version} 版`);
    const raw = Buffer.from(stored.slice(this.prefix.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The keyed hash a lookup compares: equal inputs, equal hashes; nothing to guess without the key. */
  hash(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('hex');
  }

  /** Stored once per database, so a wrong key is refused before it writes anything. */
  checkValue(): string {
    return this.hash('griddesk/personal-data/key-check');
  }
}

/** The key version a ciphertext was sealed with (`v1.` → 1, `k7.` → 7); null for anything else. */
export function keyVersionOf(stored: string): number | null {
  if (stored.startsWith('v1.')) return 1;
  const match = /^k(\d{1,6})\./.exec(stored);
  return match ? Number(match[1]) : null;
}

/**
 * A passphrase gives the same key on every workstation (the salt is fixed on purpose: hashes
 * must agree across nodes for lookups of synced rows). scrypt makes guessing it slow.
 */
export function keyFromPassphrase(passphrase: string): Buffer {
  if (passphrase.length < 12) throw new Error('个人信息口令至少 12 个字符');
  return scryptSync(passphrase.normalize('NFC'), 'griddesk/personal-data/v1', 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** A key file holds the 32 bytes as 64 hex digits or base64 (whitespace ignored). */
export function keyFromFileText(text: string): Buffer {
  const clean = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(clean) ? Buffer.from(clean, 'hex') : Buffer.from(clean, 'base64');
  if (key.length !== 32) throw new Error('密钥文件应包含 32 字节密钥（64 位十六进制或 base64）');
  return key;
}

export const newMasterKey = (): Buffer => randomBytes(32);
