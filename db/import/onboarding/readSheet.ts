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
  const issues = [...table.issues];
  const rows: Array<SheetRow<D>> = [];
  const first = table.rows[0];
  if (!first) return { rowCount: 0, rows, issues };
  const { map, issues: headerIssues } = mapColumns(spec, first.header, first.sheet, first.headerRow);
  if (headerIssues.length > 0) return { rowCount: table.rows.length, rows, issues: [...headerIssues, ...issues] };
  for (const tableRow of table.rows) {
    const reader = new RowReader(spec, map, tableRow.sheet, tableRow.row, tableRow.cells);
    const draft = readRow(reader);
    issues.push(...reader.issues);
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
