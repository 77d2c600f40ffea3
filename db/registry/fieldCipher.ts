import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scryptSync } from 'node:crypto';

/**
 * Field-level protection of personal data. One 32-byte master key (from the OS keychain, a key
 * file or a passphrase) yields two keys by HKDF: one for AES-256-GCM ciphertexts, one for the
 * HMAC-SHA-256 lookup hashes. Ciphertexts are `v1.<base64 iv|tag|data>`; the version leaves room
 * for rotation.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('个人信息密钥必须是 32 字节');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'griddesk/personal-data/enc', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'griddesk/personal-data/mac', 32));
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
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) throw new Error('未知的密文格式');
    const raw = Buffer.from(stored.slice(3), 'base64');
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
