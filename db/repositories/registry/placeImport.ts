/** Houses and city components from Excel: matched by code, each stored row changed only in the columns that differ. */
import { v7 as uuidv7 } from 'uuid';
import type { ImportIssue } from '../../../core/import/report';
import { COMPONENT_SPEC, HOUSE_SPEC, readComponentRow, readHouseRow, type SheetComponent, type SheetHouse } from '../../../core/registry/placeSheets';
import { nextDueAt, type RecordKind } from '../../../core/registry/tags';
import type { ApplyResult } from '../../import/onboarding/importer';
import type { SheetRow } from '../../import/onboarding/readSheet';
import type { Row } from '../../writePath';
import type { RegisterImporter, RegisterRun } from './sheetImport';

interface PlaceKind<D extends { gridCode: string; code: string }> {
  kind: RecordKind;
  table: 'houses' | 'city_components';
  /** The stored columns a row sets (besides grid and code). */
  columns: (draft: D) => Row;
}

async function applyPlaces<D extends { gridCode: string; code: string }>(place: PlaceKind<D>, run: RegisterRun, rows: ReadonlyArray<SheetRow<D>>): Promise<ApplyResult> {
  const codes = rows.map((r) => r.draft.code);
  const stored = new Map<string, Row>();
  for (let i = 0; i < codes.length; i += 500) {
    // Tombstoned rows too: the code stays taken (unique), so a re-import revives the record.
    for (const row of (await run.tx.trx(place.table).whereIn('code', codes.slice(i, i + 500)).select('*')) as Row[]) stored.set(String(row.code), row);
  }
  const issues: ImportIssue[] = [];
  const inserts: Row[] = [];
  const updates: Array<{ id: string; patch: Row }> = [];
  for (const { reader, draft } of rows) {
    const gridId = run.gridIds.get(draft.gridCode)!;
    const wanted: Row = { grid_id: gridId, ...place.columns(draft) };
    const found = stored.get(draft.code);
    if (!found) {
      inserts.push({ id: uuidv7(), code: draft.code, ...wanted, status: 'active', verified_at: run.at, verify_due_at: nextDueAt(place.kind, run.at), verified_by: run.userId });
      continue;
    }
    if (run.ownGridOnly && found.grid_id !== gridId) {
      issues.push({ sheet: reader.sheet, row: reader.row, column: reader.columnLabel('code'), value: draft.code, reason: `编码 ${draft.code} 已被其他网格使用，不能由本网格导入覆盖` });
      continue;
    }
    const patch: Row = Object.fromEntries(Object.entries({ ...wanted, deleted: 0 }).filter(([column, value]) => found[column] !== value));
    if (Object.keys(patch).length > 0) updates.push({ id: String(found.id), patch });
  }
  if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  for (const { id, patch } of updates) await run.tx.update(place.table, id, patch);
  await run.tx.insertBulk(place.table, inserts);
  return { created: inserts.length, updated: updates.length, unchanged: rows.length - inserts.length - updates.length, issues };
}

const HOUSES: PlaceKind<SheetHouse> = {
  kind: 'house',
  table: 'houses',
  columns: (h) => ({ building: h.building, unit: h.unit, room: h.room, use: h.use, occupancy: h.occupancy, owner_name: h.ownerName }),
};

const COMPONENTS: PlaceKind<SheetComponent> = {
  kind: 'component',
  table: 'city_components',
  columns: (c) => ({ kind: c.kind, address: c.address, lng: c.lng, lat: c.lat, condition: c.condition }),
};

export const housesImporter: RegisterImporter<SheetHouse> = {
  spec: HOUSE_SPEC,
  readRow: readHouseRow,
  apply: (run, rows) => applyPlaces(HOUSES, run, rows),
};

export const componentsImporter: RegisterImporter<SheetComponent> = {
  spec: COMPONENT_SPEC,
  readRow: readComponentRow,
  apply: (run, rows) => applyPlaces(COMPONENTS, run, rows),
};
