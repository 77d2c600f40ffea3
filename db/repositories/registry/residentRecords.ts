import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { maskIdNumber, maskPhone } from '../../../core/registry/access';
import type { SheetResident } from '../../../core/registry/residentSheet';
import { nextDueAt, type TagCode } from '../../../core/registry/tags';
import type { FieldCipher } from '../../registry/fieldCipher';
import type { Row, WriteTx } from '../../writePath';

type Db = Knex | Knex.Transaction;

/** A resident as entered (plain), the sheet's fields with the grid resolved: only this module turns it into stored, protected columns. */
export type ResidentFields = Omit<SheetResident, 'gridCode' | 'householdCode' | 'tags'> & { gridId: string; tags: readonly TagCode[] };

export interface StoredResident {
  id: string;
  grid_id: string;
  household_id: string | null;
  relation: string;
  name: string;
  id_cipher: string;
  id_masked: string;
  phone_cipher: string;
  phone_masked: string;
  tags_cipher: string;
  building: string;
  unit: string;
  room: string;
  status: 'active' | 'moved_out';
  verified_at: number;
  verify_due_at: number;
}

export const RESIDENT_COLUMNS = [
  'id', 'grid_id', 'household_id', 'relation', 'name', 'id_masked', 'phone_masked', 'tags_cipher', 'building', 'unit', 'room',
  'status', 'verified_at', 'verify_due_at',
] as const;

export interface TagPayload {
  tags: TagCode[];
  note: string;
}

/** Tags and their note are one ciphertext; a resident with neither stores '' so lists need no key. */
export function sealTags(cipher: FieldCipher, tags: readonly TagCode[], note: string): string {
  return tags.length === 0 && note === '' ? '' : cipher.encrypt(JSON.stringify({ tags, note }));
}

export function openTags(cipher: FieldCipher | null, sealed: string): TagPayload {
  if (sealed === '') return { tags: [], note: '' };
  if (!cipher) throw new Error('tags need the personal-data key');
  return JSON.parse(cipher.decrypt(sealed)) as TagPayload;
}

/** The protected columns of a phone number (empty when there is none). */
export function phoneColumns(cipher: FieldCipher, phone: string): Row {
  return phone === ''
    ? { phone_cipher: '', phone_hash: null, phone_masked: '' }
    : { phone_cipher: cipher.encrypt(phone), phone_hash: cipher.hash(`phone:${phone}`), phone_masked: maskPhone(phone) };
}

export const idHash = (cipher: FieldCipher, idNumber: string): string => cipher.hash(`id:${idNumber}`);
export const phoneHash = (cipher: FieldCipher, phone: string): string => cipher.hash(`phone:${phone}`);

/** The stored row of a new resident: verified now, due after its cycle. */
export function residentRow(cipher: FieldCipher, fields: ResidentFields, householdId: string | null, now: number, userId: string | null): Row {
  return {
    id: uuidv7(),
    grid_id: fields.gridId,
    household_id: householdId,
    relation: fields.relation,
    name: fields.name,
    id_cipher: cipher.encrypt(fields.idNumber),
    id_hash: idHash(cipher, fields.idNumber),
    id_masked: maskIdNumber(fields.idNumber),
    ...phoneColumns(cipher, fields.phone),
    tags_cipher: sealTags(cipher, fields.tags, fields.note),
    building: fields.building,
    unit: fields.unit,
    room: fields.room,
    status: 'active',
    verified_at: now,
    verify_due_at: nextDueAt('resident', now, fields.tags),
    verified_by: userId,
  };
}

/** Finds the household by code, creating it in the resident's grid and address when new. */
export async function householdFor(tx: WriteTx, code: string, fields: ResidentFields): Promise<string | null> {
  if (code === '') return null;
  const found = (await tx.trx('households').where({ code, deleted: 0 }).first('id')) as { id: string } | undefined;
  if (found) return found.id;
  const id = uuidv7();
  await tx.insert('households', [{ id, grid_id: fields.gridId, code, building: fields.building, unit: fields.unit, room: fields.room }]);
  return id;
}

export async function residentById(db: Db, id: string): Promise<StoredResident | null> {
  const row = (await db('residents').where({ id, deleted: 0 }).first()) as StoredResident | undefined;
  return row ?? null;
}

export async function residentByIdNumber(db: Db, cipher: FieldCipher, idNumber: string): Promise<StoredResident | null> {
  const row = (await db('residents').where({ id_hash: idHash(cipher, idNumber), deleted: 0 }).first()) as StoredResident | undefined;
  return row ?? null;
}
