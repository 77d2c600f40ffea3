/**
 * Every register's Excel import (residents, houses, components, organisations): the sheet is read as a
 * stream and each row checked (nothing is written), then all rows are written in one write-path
 * transaction or none. A dry run is that same transaction rolled back, so its counts are exactly what
 * confirming would do; re-importing a file matches rows to stored records by ID number or code.
 */
import { mapColumns, RowReader, type ColumnMap, type KindSpec } from '../../../core/import/onboarding/columns';
import type { ImportIssue } from '../../../core/import/report';
import type { SheetRowContext } from '../../../core/registry/sheetKinds';
import type { ApplyResult, ImportRun } from '../../import/onboarding/importer';
import type { SheetRow } from '../../import/onboarding/readSheet';
import { readTable, TableRefusal, type TableSource } from '../../import/tableReader';
import { NOTES_SHEET } from '../../import/templateWorkbook';
import type { FieldCipher } from '../../registry/fieldCipher';
import type { WritePath } from '../../writePath';

/** Registers are bigger than onboarding lists: 100,000 residents is about 8 MB of .xlsx. */
const MAX_BYTES = 64 * 1024 * 1024;
/** Issues kept for the report; past this only the count goes on (a wrong file can fault every cell). */
const MAX_ISSUES = 20_000;

export interface RegisterRun extends ImportRun {
  /** Grid code → id, for the grids this user may import into. */
  gridIds: ReadonlyMap<string, string>;
  /** A grid worker: records of other grids are not theirs to overwrite. */
  ownGridOnly: boolean;
  /** The personal-data cipher, for registers that hold personal data; got before the transaction (it may read the database). */
  cipher: FieldCipher | null;
}

export interface RegisterImporter<D> {
  spec: KindSpec;
  readRow: (row: RowReader, ctx: SheetRowContext) => D | null;
  /** Checks the rows against the stored data and writes them in `run.tx`; with any issue it writes nothing. */
  apply: (run: RegisterRun, rows: ReadonlyArray<SheetRow<D>>) => Promise<ApplyResult>;
}

export interface RegisterSheet<D> {
  /** Data rows in the file (with the faulty ones). */
  rowCount: number;
  rows: Array<SheetRow<D>>;
  issues: ImportIssue[];
  issueCount: number;
}

/** Reads and checks every row of every sheet but the template's notes; nothing is written. A refused file comes back as its issues. */
export async function readRegisterSheet<D>(importer: RegisterImporter<D>, source: TableSource, gridCodes: ReadonlySet<string>): Promise<RegisterSheet<D>> {
  const sheet: RegisterSheet<D> = { rowCount: 0, rows: [], issues: [], issueCount: 0 };
  const note = (issues: readonly ImportIssue[]) => {
    sheet.issueCount += issues.length;
    if (sheet.issues.length < MAX_ISSUES) sheet.issues.push(...issues.slice(0, MAX_ISSUES - sheet.issues.length));
  };
  const ctx: SheetRowContext = { gridCodes, seen: new Map() };
  let header: readonly string[] | null = null;
  let map: ColumnMap | null = null;
  try {
    for await (const row of readTable(source, { maxBytes: MAX_BYTES })) {
      if (row.sheet === NOTES_SHEET) continue;
      if (row.header !== header) {
        header = row.header;
        const found = mapColumns(importer.spec, row.header, row.sheet, row.headerRow);
        if (found.issues.length > 0) return { ...sheet, rows: [], issues: found.issues, issueCount: found.issues.length };
        map = found.map;
      }
      sheet.rowCount += 1;
      const reader = new RowReader(importer.spec, map!, row.sheet, row.row, row.cells);
      const draft = importer.readRow(reader, ctx);
      // A formula cell read as empty is reported once, as the formula, not also as a blank required cell.
      const cellFaults = row.issues.map((issue) => ({ ...issue, column: issue.column.replace(/[*＊]$/, '') }));
      note([...cellFaults, ...reader.issues.filter((issue) => !cellFaults.some((fault) => fault.column === issue.column))]);
      if (draft !== null && sheet.issueCount === 0) sheet.rows.push({ reader, draft });
    }
  } catch (error) {
    if (error instanceof TableRefusal) return { ...sheet, rows: [], issues: error.issues, issueCount: error.issues.length };
    throw error;
  }
  // Once a row is faulty nothing will be written: the rows read so far need not be kept.
  if (sheet.issueCount > 0) sheet.rows = [];
  return sheet;
}

export interface RegisterImportResult extends Omit<ApplyResult, 'issues'> {
  issues: ImportIssue[];
  issueCount: number;
  written: boolean;
}

class Rollback extends Error {
  constructor(readonly result: RegisterImportResult) {
    super('rollback');
  }
}

/** Writes a checked sheet all or nothing (`write` false: the same, rolled back). `after` runs in the transaction when it will commit (the audit). */
export async function applyRegisterSheet<D>(
  writePath: WritePath, importer: RegisterImporter<D>, sheet: RegisterSheet<D>, run: Omit<RegisterRun, 'tx'>, write: boolean,
  after: (run: RegisterRun, result: ApplyResult) => Promise<void>,
): Promise<RegisterImportResult> {
  const empty = { created: 0, updated: 0, unchanged: 0, written: false };
  if (sheet.issueCount > 0 || sheet.rows.length === 0) return { ...empty, issues: sheet.issues, issueCount: sheet.issueCount };
  try {
    return await writePath.transaction(async (tx) => {
      const full: RegisterRun = { ...run, tx };
      const applied = await importer.apply(full, sheet.rows);
      if (applied.issues.length > 0) throw new Rollback({ ...empty, issues: applied.issues, issueCount: applied.issues.length });
      const result = { ...applied, issueCount: 0, written: write };
      if (!write) throw new Rollback(result);
      await after(full, applied);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
