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
import { readTable, TableRefusal, type TableRow, type TableSource } from '../../import/tableReader';
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
  /** Rows can be written a batch at a time while the file is read (each row stands alone: see streamRegisterSheet). */
  streams: boolean;
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

/** Checks one table row after another: the header of each sheet is mapped once, the template's notes are skipped. */
function rowChecker<D>(importer: RegisterImporter<D>, gridCodes: ReadonlySet<string>) {
  const ctx: SheetRowContext = { gridCodes, seen: new Map() };
  let header: readonly string[] | null = null;
  let map: ColumnMap | null = null;
  return (row: TableRow): { headerIssues: ImportIssue[] } | { row: SheetRow<D> | null; issues: ImportIssue[] } | null => {
    if (row.sheet === NOTES_SHEET) return null;
    if (row.header !== header) {
      header = row.header;
      const found = mapColumns(importer.spec, row.header, row.sheet, row.headerRow);
      if (found.issues.length > 0) return { headerIssues: found.issues };
      map = found.map;
    }
    const reader = new RowReader(importer.spec, map!, row.sheet, row.row, row.cells);
    const draft = importer.readRow(reader, ctx);
    // A formula cell read as empty is reported once, as the formula, not also as a blank required cell.
    const cellFaults = row.issues.map((issue) => ({ ...issue, column: issue.column.replace(/[*＊]$/, '') }));
    const issues = [...cellFaults, ...reader.issues.filter((issue) => !cellFaults.some((fault) => fault.column === issue.column))];
    return { row: draft === null ? null : { reader, draft }, issues };
  };
}

/** Issues of a sheet: all counted, the first MAX_ISSUES kept for the report. */
class IssueTally {
  readonly issues: ImportIssue[] = [];
  count = 0;

  note(issues: readonly ImportIssue[]): void {
    this.count += issues.length;
    if (this.issues.length < MAX_ISSUES) this.issues.push(...issues.slice(0, MAX_ISSUES - this.issues.length));
  }
}

/** Reads and checks every row of every sheet but the template's notes; nothing is written. A refused file comes back as its issues. */
export async function readRegisterSheet<D>(importer: RegisterImporter<D>, source: TableSource, gridCodes: ReadonlySet<string>): Promise<RegisterSheet<D>> {
  const tally = new IssueTally();
  const rows: Array<SheetRow<D>> = [];
  let rowCount = 0;
  const check = rowChecker(importer, gridCodes);
  try {
    for await (const tableRow of readTable(source, { maxBytes: MAX_BYTES })) {
      const checked = check(tableRow);
      if (checked === null) continue;
      if ('headerIssues' in checked) return { rowCount, rows: [], issues: checked.headerIssues, issueCount: checked.headerIssues.length };
      rowCount += 1;
      tally.note(checked.issues);
      // Once a row is faulty nothing will be written: later rows need not be kept.
      if (checked.row && tally.count === 0) rows.push(checked.row);
    }
  } catch (error) {
    if (error instanceof TableRefusal) return { rowCount, rows: [], issues: error.issues, issueCount: error.issues.length };
    throw error;
  }
  return { rowCount, rows: tally.count > 0 ? [] : rows, issues: tally.issues, issueCount: tally.count };
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

/** Rows written per step of a streamed import. */
const STREAM_BATCH = 5000;

/**
 * The same import for big registers (residents): the write-path transaction is opened first and each
 * batch of checked rows is written while the next is read, so SQLite's thread inserts while this one
 * parses the .xlsx and encrypts. Still all or nothing: the first faulty row stops the writing, the rest
 * of the file is only checked (for the report), and the transaction is rolled back; a dry run rolls
 * back too. Memory holds a batch, not the sheet.
 */
export async function streamRegisterSheet<D>(
  writePath: WritePath, importer: RegisterImporter<D>, source: TableSource, run: Omit<RegisterRun, 'tx'>, write: boolean,
  after: (run: RegisterRun, result: ApplyResult) => Promise<void>,
): Promise<RegisterImportResult & { rows: number }> {
  const tally = new IssueTally();
  let rows = 0;
  const totals: ApplyResult = { created: 0, updated: 0, unchanged: 0, issues: [] };
  const refuse = (issues: ImportIssue[]) => new Rollback({ created: 0, updated: 0, unchanged: 0, issues, issueCount: issues.length, written: false });
  try {
    const result = await writePath.transaction(async (tx) => {
      const full: RegisterRun = { ...run, tx };
      const check = rowChecker(importer, new Set(run.gridIds.keys()));
      // Batches are written one after another; a failure is kept and rethrown once the reader stops.
      let writing: Promise<void> = Promise.resolve();
      let failure: unknown = null;
      const writeBatch = (batch: ReadonlyArray<SheetRow<D>>) => {
        writing = writing.then(async () => {
          if (failure !== null || tally.count > 0 || totals.issues.length > 0) return;
          const applied = await importer.apply(full, batch);
          totals.created += applied.created;
          totals.updated += applied.updated;
          totals.unchanged += applied.unchanged;
          totals.issues.push(...applied.issues);
        }).catch((error: unknown) => {
          failure = error;
        });
      };
      let batch: Array<SheetRow<D>> = [];
      try {
        for await (const tableRow of readTable(source, { maxBytes: MAX_BYTES })) {
          const checked = check(tableRow);
          if (checked === null) continue;
          if ('headerIssues' in checked) throw refuse(checked.headerIssues);
          rows += 1;
          tally.note(checked.issues);
          if (tally.count > 0) batch = [];
          else if (checked.row) batch.push(checked.row);
          if (batch.length >= STREAM_BATCH) {
            writeBatch(batch);
            batch = [];
          }
        }
      } catch (error) {
        await writing;
        throw error instanceof TableRefusal ? refuse(error.issues) : error;
      }
      if (batch.length > 0) writeBatch(batch);
      await writing;
      if (failure !== null) throw failure;
      if (tally.count > 0) throw new Rollback({ created: 0, updated: 0, unchanged: 0, issues: tally.issues, issueCount: tally.count, written: false });
      if (totals.issues.length > 0) throw refuse(totals.issues);
      const done = { ...totals, issueCount: 0, written: write };
      if (!write || rows === 0) throw new Rollback({ ...done, written: false });
      await after(full, totals);
      return done;
    });
    return { ...result, rows };
  } catch (error) {
    if (error instanceof Rollback) return { ...error.result, rows };
    throw error;
  }
}
