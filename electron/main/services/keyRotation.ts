import type { PersonalDataKeyRotation, PersonalDataKeyStatus } from '../../../core/api/adminTypes';
import { ApiError } from '../../../core/api/errors';
import { writeAudit } from '../../../db/repositories/audit';
import { FieldCipher, newMasterKey } from '../../../db/registry/fieldCipher';
import { reencryptPersonalData, storedKeyState } from '../../../db/registry/keyRotation';
import type { Backend } from '../backend';
import { passphraseStore } from './keyStores';
import { personalDataCipher, personalDataKeyStore, setPersonalDataKey, usePersonalDataCipher } from './personalDataKey';

export type RotationOutcome = PersonalDataKeyRotation;

export interface RotationRequest {
  /** Who asked (the admin), or null for the command line. */
  userId: string | null;
  via: 'admin' | 'cli';
  /** Only for a passphrase store: the new passphrase, which the operator starts with from now on. */
  newPassphrase?: string;
  onProgress?: (done: number) => void;
}

let running = false;

/**
 * Rotates the personal-data key: a new key (random, or from a new passphrase) is staged next to the
 * old one, every resident's ciphertexts and keyed hashes are re-written under it in one write-path
 * transaction that also records the new key's version and check value (audited), then the new key
 * replaces the old. A crash before the commit leaves everything under the old key; after it, the
 * next start finishes the swap (`personalDataKey.ts`). The old key no longer opens the database.
 */
export async function rotatePersonalDataKey(backend: Backend, request: RotationRequest): Promise<RotationOutcome> {
  const store = personalDataKeyStore(backend);
  if (!store) throw new ApiError('CONFLICT', '未配置个人信息密钥，无需轮换');
  if (store.kind === 'passphrase' && !request.newPassphrase) {
    throw new ApiError('CONFLICT', '个人信息密钥由口令生成：请用命令行 npm run rotate-key 设置新口令（见 README「个人信息密钥」）');
  }
  if (store.kind !== 'passphrase' && !store.rotation) throw new ApiError('CONFLICT', '当前的密钥来源不支持轮换');
  if (running) throw new ApiError('CONFLICT', '密钥轮换正在进行，请稍候');
  running = true;
  try {
    const started = Date.now();
    const current = await personalDataCipher(backend);
    const nextStore = request.newPassphrase ? passphraseStore(request.newPassphrase) : null;
    const newKey = nextStore ? await nextStore.load() : newMasterKey();
    const next = new FieldCipher(newKey, current.version + 1);
    if (next.checkValue() === current.checkValue()) throw new ApiError('VALIDATION_FAILED', '新口令与当前口令相同');
    await store.rotation?.stage(newKey);
    const residents = await backend.writePath.transaction(async (tx) => {
      const at = backend.now();
      const count = await reencryptPersonalData(tx, current, next, at, request.onProgress);
      await writeAudit(tx, at, {
        userId: request.userId,
        action: 'personal_data_key.rotate',
        detail: { from: current.version, to: next.version, residents: count, via: request.via, store: store.kind },
      });
      return count;
    });
    await store.rotation?.promote();
    if (nextStore) setPersonalDataKey(backend, nextStore);
    usePersonalDataCipher(backend, next);
    return { version: next.version, residents, ms: Date.now() - started };
  } finally {
    running = false;
  }
}

export async function personalDataKeyStatus(backend: Backend): Promise<PersonalDataKeyStatus> {
  const store = personalDataKeyStore(backend);
  const state = await storedKeyState(backend.knex);
  const [row] = await backend.knex('residents').count<{ n: number }[]>({ n: '*' });
  return {
    configured: store !== null,
    store: store?.kind ?? null,
    version: state?.version ?? 1,
    rotatedAt: state?.rotatedAt ?? null,
    residents: Number(row?.n ?? 0),
    canRotateHere: !!store?.rotation,
  };
}
