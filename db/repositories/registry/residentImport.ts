import { v7 as uuidv7 } from 'uuid';
import type { ImportIssue } from '../../../core/import/report';
import { parseResidentRow, residentColumns, type SheetResident } from '../../../core/registry/residentSheet';
import { readTable, TableRefusal, type TableSource } from '../../import/tableReader';
import type { FieldCipher } from '../../registry/fieldCipher';
import type { Row, WriteTx } from '../../writePath';
import { idHash, residentRow } from './residentRecords';
import { assertKeyVersion } from '../../registry/keyRotation';

/** Registers are bigger than onboarding lists: 100,000 residents is about 8 MB of .xlsx. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ISSUES = 1000;

export interface ResidentSheet {
  residents: SheetResident[];
  issues: ImportIssue[];
  rows: number;
}

/** Reads and checks every row; nothing is written. A refused file comes back as its issues. */
export async function readResidentSheet(source: TableSource, gridCodes: ReadonlySet<string>): Promise<ResidentSheet> {
  const residents: SheetResident[] = [];
  const issues: ImportIssue[] = [];
  const seenIds = new Map<string, number>();
  let columns: ReturnType<typeof residentColumns> | null = null;
  let header: readonly string[] | null = null;
  let rows = 0;
  try {
    for await (const row of readTable(source, { maxBytes: MAX_BYTES })) {
      if (row.header !== header) {
        header = row.header;
        columns = residentColumns(row.header, row.sheet);
        if (columns.issues.length > 0) return { residents: [], issues: columns.issues, rows };
      }
      rows += 1;
      const parsed = parseResidentRow(row.cells, columns!.index, row, gridCodes, seenIds);
      if (issues.length < MAX_ISSUES) issues.push(...row.issues, ...parsed.issues);
      if (parsed.resident) residents.push(parsed.resident);
    }
  } catch (error) {
    if (error instanceof TableRefusal) return { residents: [], issues: error.issues, rows };
    throw error;
  }
  return { residents, issues, rows };
}

/**
 * Writes a checked sheet in the caller's transaction (all or nothing). Re-importing is idempotent:
 * a person already registered (same ID number, found by its keyed hash) is updated, not duplicated.
 */
export async function importResidents(
  tx: WriteTx, cipher: FieldCipher, residents: readonly SheetResident[], gridIds: ReadonlyMap<string, string>, now: number, userId: string | null,
): Promise<{ created: number; updated: number }> {
  await assertKeyVersion(tx.trx, cipher.version);
  const hashes = residents.map((r) => idHash(cipher, r.idNumber));
  const existing = new Map<string, string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const found = (await tx.trx('residents').whereIn('id_hash', hashes.slice(i, i + 500)).where('deleted', 0).select('id', 'id_hash')) as Array<{ id: string; id_hash: string }>;
    for (const f of found) existing.set(f.id_hash, f.id);
  }
  const households = await householdIds(tx, residents, gridIds);
  const inserts: Row[] = [];
  let updated = 0;
  for (const [i, r] of residents.entries()) {
    const fields = { ...r, gridId: gridIds.get(r.gridCode)! };
    const row = residentRow(cipher, fields, households.get(r.householdCode) ?? null, now, userId);
    const id = existing.get(hashes[i]!);
    if (id) {
      const { id: _id, verified_at: _v, verify_due_at: _d, verified_by: _b, status: _s, ...patch } = row;
      await tx.update('residents', id, patch);
      updated += 1;
    } else {
      inserts.push(row);
    }
  }
  await tx.insert('residents', inserts);
  return { created: inserts.length, updated };
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
  await tx.insert('households', created);
  return ids;
}
