import { ApiError } from '../../core/api/errors';
import { keyVersionOf, type FieldCipher } from './fieldCipher';
import { idHash, phoneHash } from '../repositories/registry/residentRecords';
import type { Knex } from 'knex';
import type { Row, WriteTx } from '../writePath';

type Db = Knex | Knex.Transaction;

/** What `personal_data_key` (local, one row) says about the key the data is under. */
export interface StoredKeyState {
  check: string;
  version: number;
  rotatedAt: number | null;
}

export async function storedKeyState(db: Db): Promise<StoredKeyState | null> {
  const row = (await db('personal_data_key').where({ singleton: 1 }).first()) as { check: string; version: number; rotated_at: number | null } | undefined;
  return row ? { check: row.check, version: Number(row.version ?? 1), rotatedAt: row.rotated_at === null ? null : Number(row.rotated_at) } : null;
}

const BATCH = 1000;

/**
 * Re-writes every resident's protected columns (ID and phone ciphertexts, their keyed hashes, the
 * sealed tags) from the key `from` to the key `to`, and records `to` as the database's key — all in
 * the caller's transaction, so the database is either wholly under the old key or wholly under the
 * new one. Rows already under `to` (by their ciphertext's version) are left alone; tombstoned rows
 * are rewritten too (they still hold ciphertexts). Returns the number of rows rewritten.
 */
export async function reencryptPersonalData(tx: WriteTx, from: FieldCipher, to: FieldCipher, at: number, onProgress?: (done: number) => void): Promise<number> {
  if (to.version <= from.version) throw new Error('新密钥的版本必须大于当前版本');
  let after = 0;
  let rewritten = 0;
  for (;;) {
    const rows = (await tx.trx('residents')
      .where('rowid', '>', after)
      .orderBy('rowid')
      .limit(BATCH)
      .select('rowid', 'id', 'id_cipher', 'phone_cipher', 'tags_cipher')) as Array<{ rowid: number; id: string; id_cipher: string; phone_cipher: string; tags_cipher: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      if (keyVersionOf(row.id_cipher) === to.version) continue;
      await tx.update('residents', row.id, rewrittenColumns(row, from, to));
      rewritten += 1;
    }
    after = rows[rows.length - 1]!.rowid;
    onProgress?.(rewritten);
  }
  await tx.trx('personal_data_key').where({ singleton: 1 }).update({ check: to.checkValue(), version: to.version, rotated_at: at });
  return rewritten;
}

function rewrittenColumns(row: { id_cipher: string; phone_cipher: string; tags_cipher: string }, from: FieldCipher, to: FieldCipher): Row {
  const idNumber = from.decrypt(row.id_cipher);
  const patch: Row = { id_cipher: to.encrypt(idNumber), id_hash: idHash(to, idNumber) };
  if (row.phone_cipher !== '') {
    const phone = from.decrypt(row.phone_cipher);
    Object.assign(patch, { phone_cipher: to.encrypt(phone), phone_hash: phoneHash(to, phone) });
  }
  if (row.tags_cipher !== '') patch.tags_cipher = to.encrypt(from.decrypt(row.tags_cipher));
  return patch;
}

/**
 * Called first in every transaction that writes protected columns: a value sealed with a key that a
 * rotation has since replaced would be unreadable, so such a write is refused (the user retries).
 */
export async function assertKeyVersion(db: Db, version: number): Promise<void> {
  const state = await storedKeyState(db);
  if (state && state.version !== version) throw new ApiError('CONFLICT', '个人信息密钥刚刚完成轮换，请重新提交');
}
