import { v7 as uuidv7 } from 'uuid';
import type { ImportIssue } from '../../../core/import/report';
import { readResidentRow, RESIDENT_SPEC, type SheetResident } from '../../../core/registry/residentSheet';
import type { SheetRow } from '../../import/onboarding/readSheet';
import type { FieldCipher } from '../../registry/fieldCipher';
import type { Row, WriteTx } from '../../writePath';
import { idHash, openTags, phoneColumns, phoneHash, residentRow, sealTags } from './residentRecords';
import type { RegisterImporter } from './sheetImport';
import { assertKeyVersion } from '../../registry/keyRotation';

interface StoredForImport {
  id: string;
  id_hash: string;
  grid_id: string;
  household_id: string | null;
  relation: string;
  name: string;
  phone_hash: string | null;
  tags_cipher: string;
  building: string;
  unit: string;
  room: string;
}

/** The columns of a stored resident the sheet's row would change; empty when the row says what is stored. */
function changedColumns(cipher: FieldCipher, stored: StoredForImport, r: SheetResident, gridId: string, householdId: string | null): Row {
  const patch: Row = {};
  const plain = { grid_id: gridId, household_id: householdId, relation: r.relation, name: r.name, building: r.building, unit: r.unit, room: r.room } as const;
  for (const [column, value] of Object.entries(plain)) if (stored[column as keyof typeof plain] !== value) patch[column] = value;
  if ((stored.phone_hash ?? '') !== (r.phone === '' ? '' : phoneHash(cipher, r.phone))) Object.assign(patch, phoneColumns(cipher, r.phone));
  const storedTags = openTags(cipher, stored.tags_cipher);
  const sameTags = storedTags.note === r.note && storedTags.tags.length === r.tags.length && storedTags.tags.every((t) => r.tags.includes(t));
  if (!sameTags) patch.tags_cipher = sealTags(cipher, r.tags, r.note);
  return patch;
}

/**
 * Writes checked residents in the caller's transaction (all or nothing). Re-importing is idempotent:
 * a person already registered (same ID number, found by its keyed hash) is updated in the columns
 * that differ, and left alone when nothing does. A grid worker cannot take over another grid's person.
 */
export async function importResidents(
  tx: WriteTx, cipher: FieldCipher, rows: ReadonlyArray<SheetRow<SheetResident>>, gridIds: ReadonlyMap<string, string>, now: number, userId: string | null,
  ownGridOnly = false,
): Promise<{ created: number; updated: number; unchanged: number; issues: ImportIssue[] }> {
  await assertKeyVersion(tx.trx, cipher.version);
  const residents = rows.map((r) => r.draft);
  const hashes = residents.map((r) => idHash(cipher, r.idNumber));
  const existing = new Map<string, StoredForImport>();
  for (let i = 0; i < hashes.length; i += 500) {
    const found = (await tx.trx('residents').whereIn('id_hash', hashes.slice(i, i + 500)).where('deleted', 0)
      .select('id', 'id_hash', 'grid_id', 'household_id', 'relation', 'name', 'phone_hash', 'tags_cipher', 'building', 'unit', 'room')) as StoredForImport[];
    for (const f of found) existing.set(f.id_hash, f);
  }
  const issues: ImportIssue[] = [];
  if (ownGridOnly) {
    rows.forEach((row, i) => {
      const stored = existing.get(hashes[i]!);
      if (stored && stored.grid_id !== gridIds.get(row.draft.gridCode)) {
        issues.push({ sheet: row.reader.sheet, row: row.reader.row, column: '身份证号', value: row.draft.idNumber, reason: '此人已登记在其他网格，不能由本网格导入覆盖：请联系该网格网格员或管理员' });
      }
    });
    if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  }
  const households = await householdIds(tx, residents, gridIds);
  const inserts: Row[] = [];
  let updated = 0;
  for (const [i, r] of residents.entries()) {
    const gridId = gridIds.get(r.gridCode)!;
    const householdId = households.get(r.householdCode) ?? null;
    const stored = existing.get(hashes[i]!);
    if (!stored) {
      inserts.push(residentRow(cipher, { ...r, gridId }, householdId, now, userId));
      continue;
    }
    const patch = changedColumns(cipher, stored, r, gridId, householdId);
    if (Object.keys(patch).length === 0) continue;
    await tx.update('residents', stored.id, patch);
    updated += 1;
  }
  await tx.insertBulk('residents', inserts);
  return { created: inserts.length, updated, unchanged: residents.length - inserts.length - updated, issues };
}

/** Household codes of the sheet: found, or created at the first member's address. */
async function householdIds(tx: WriteTx, residents: readonly SheetResident[], gridIds: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const first = new Map<string, SheetResident>();
  for (const r of residents) if (r.householdCode !== '' && !first.has(r.householdCode)) first.set(r.householdCode, r);
  const codes = [...first.keys()];
  const ids = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const found = (await tx.trx('households').whereIn('code', codes.slice(i, i + 500)).select('id', 'code')) as Array<{ id: string; code: string }>;
    for (const f of found) ids.set(f.code, f.id);
  }
  const created: Row[] = [];
  for (const [code, r] of first) {
    if (ids.has(code)) continue;
    const id = uuidv7();
    ids.set(code, id);
    created.push({ id, grid_id: gridIds.get(r.gridCode)!, code, building: r.building, unit: r.unit, room: r.room });
  }
  await tx.insertBulk('households', created);
  return ids;
}

export const residentsImporter: RegisterImporter<SheetResident> = {
  spec: RESIDENT_SPEC,
  readRow: readResidentRow,
  async apply(run, rows) {
    if (!run.cipher) throw new Error('residents need the personal-data key');
    return importResidents(run.tx, run.cipher, rows, run.gridIds, run.at, run.userId, run.ownGridOnly);
  },
};
