/** Reads a filled-in onboarding template: the kind's sheet, its columns found by header, each row read into a draft. */
import { mapColumns, RowReader, type KindSpec } from '../../../core/import/onboarding/columns';
import { issueValueText, type ImportIssue } from '../../../core/import/report';
import { readWholeTable, type TableSource } from '../tableReader';

export interface SheetRow<D> {
  reader: RowReader;
  draft: D;
}

export interface ReadSheet<D> {
  /** Data rows in the file (including the ones with faults). */
  rowCount: number;
  rows: Array<SheetRow<D>>;
  issues: ImportIssue[];
}

/** Onboarding lists are small enough to hold; the largest (users) is about 10,000 rows. */
export async function readOnboardingSheet<D>(spec: KindSpec, source: TableSource, readRow: (row: RowReader) => D | null): Promise<ReadSheet<D>> {
  const table = await readWholeTable(source, { sheets: [spec.sheet] });
  const rows: Array<SheetRow<D>> = [];
  const first = table.rows[0];
  if (!first) return { rowCount: 0, rows, issues: table.issues };
  const { map, issues: headerIssues } = mapColumns(spec, first.header, first.sheet, first.headerRow);
  if (headerIssues.length > 0) return { rowCount: table.rows.length, rows, issues: [...headerIssues, ...table.issues] };
  const issues: ImportIssue[] = [];
  for (const tableRow of table.rows) {
    // The reader's faults (a formula, an error value) name the column as the file's header does.
    const cellFaults = tableRow.issues.map((issue) => ({ ...issue, column: issue.column.replace(/[*＊]$/, '') }));
    const reader = new RowReader(spec, map, tableRow.sheet, tableRow.row, tableRow.cells);
    const draft = readRow(reader);
    // One line per cell: a formula cell read as empty is not also reported as a blank required one.
    issues.push(...cellFaults, ...reader.issues.filter((issue) => !cellFaults.some((fault) => fault.column === issue.column)));
    if (draft !== null) rows.push({ reader, draft });
  }
  return { rowCount: table.rows.length, rows, issues };
}

/** A record validator's fault (by the record's position in the batch and its field) as a row-level issue. */
export function faultIssue<D>(rows: ReadonlyArray<SheetRow<D>>, fault: { index: number; field: string; reason: string }): ImportIssue {
  const row = rows[fault.index]!;
  const field = fault.field;
  return {
    sheet: row.reader.sheet,
    row: row.reader.row,
    column: row.reader.columnLabel(field),
    value: issueValueText(row.reader.raw(field)),
    // Validators count records of the batch ("与第 3 条重复"); the admin looks for rows of the sheet.
    reason: fault.reason.replace(/第 (\d+) 条/g, (text, n: string) => {
      const other = rows[Number(n) - 1];
      return other ? `第 ${other.reader.row} 行` : text;
    }),
  };
}
