/**
 * A history file through the shared streamed table reader (db/import/tableReader.ts): the
 * first sheet of an .xlsx, or a .csv. Date cells are turned into instants here: the file's
 * times are Beijing wall times, and text or serial times are parsed by core (which refuses a
 * date without a time of day, where the shared date parser would take midnight).
 */
import type { CellValue } from '../../../core/import/history';
import { readTable, TableRefusal, type TableSource } from '../tableReader';
import type { HistoryTableRow } from './historyImport';

export type HistorySource = TableSource;
export { TableRefusal };

/** Years of cases: larger than the onboarding lists. Through the API a file is further capped by the request size. */
export const HISTORY_MAX_BYTES = 512 * 1024 * 1024;

const CST_OFFSET_MS = 8 * 3_600_000;

/** exceljs gives a date cell as its shown wall time in UTC: the instant is 8 hours earlier. */
const instant = (cell: CellValue): CellValue => (cell instanceof Date ? new Date(cell.getTime() - CST_OFFSET_MS) : cell);

export async function* readHistoryTable(source: HistorySource): AsyncGenerator<HistoryTableRow> {
  let firstSheet: string | null = null;
  for await (const row of readTable(source, { maxBytes: HISTORY_MAX_BYTES })) {
    firstSheet ??= row.sheet;
    // The cases are on the first sheet; others (notes, code lists) are not read.
    if (row.sheet !== firstSheet) return;
    yield { row: row.row, header: row.header, cells: row.cells.map(instant), issues: row.issues };
  }
}

/** The header and the first rows, for the mapping screen. */
export async function peekHistoryTable(source: HistorySource, rows: number): Promise<{ header: string[]; sample: HistoryTableRow[] }> {
  const sample: HistoryTableRow[] = [];
  for await (const row of readHistoryTable(source)) {
    sample.push(row);
    if (sample.length >= rows) break;
  }
  if (sample.length === 0) throw new TableRefusal([{ sheet: '', row: 0, column: '', value: '', reason: '文件中没有数据行' }]);
  return { header: [...sample[0]!.header], sample };
}
