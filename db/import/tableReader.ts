/**
 * The one way imports read a table: .xlsx (streamed with exceljs) or .csv (UTF-8 with or without
 * BOM, or GBK), row by row, so memory stays flat whatever the file's size. The first non-empty row
 * of a sheet is its header; each later non-empty row is yielded with the header, its cells and the
 * issues found in it (formula cells, error values, dates that are not dates). A file it will not
 * read at all (an .xls, an empty file, a file over the size limit, a missing sheet, merged cells)
 * throws a TableRefusal whose issues say why in Chinese.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { cellToDate, OFFICE_UTC_OFFSET_MINUTES } from '../../core/import/cellDates';
import { cellText, type CellValue } from '../../core/import/cells';
import { columnLetter, columnNumber, fileIssue, issueValueText, type ImportIssue } from '../../core/import/report';
import { readCsvRows } from './csvRows';
import { TableRefusal } from './tableRefusal';
import { readXlsxRows, type RawRow } from './xlsxRows';

export { TableRefusal } from './tableRefusal';

/** Onboarding lists are small; the history import passes its own, larger limit. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type TableSource = { path: string; name?: string } | { name: string; bytes: Uint8Array };

export interface ReadTableOptions {
  maxBytes?: number;
  /** .xlsx: read only these sheets; none of them in the file is a refusal. Empty or absent: every sheet. */
  sheets?: readonly string[];
  /** Columns (by header text) whose cells are dates: date cells, Excel serials and date text all become Date. */
  dateColumns?: readonly string[];
  utcOffsetMinutes?: number;
}

export interface TableRow {
  sheet: string;
  /** Row number as Excel shows it. */
  row: number;
  /** Header texts of the sheet (shared by all its rows; '' for a blank header cell). */
  header: readonly string[];
  headerRow: number;
  cells: CellValue[];
  issues: ImportIssue[];
}

type Kind = 'xlsx' | 'csv';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Excel 97-2003 (.xls) and other OLE files

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const XLS_REASON = '这是旧版 Excel 97-2003 工作簿（.xls），无法导入：请在 Excel 中“另存为 → Excel 工作簿（.xlsx）”后再导入';

function kindOf(name: string, head: Uint8Array): Kind {
  const extension = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const startsWith = (magic: number[]) => magic.every((byte, i) => head[i] === byte);
  if (extension === 'xls' || startsWith(OLE_MAGIC)) throw new TableRefusal([fileIssue(XLS_REASON)]);
  if (extension === 'xlsx' || extension === 'xlsm') {
    if (!startsWith(XLSX_MAGIC)) throw new TableRefusal([fileIssue('文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能已损坏）：请在 Excel 中重新保存后再导入')]);
    return 'xlsx';
  }
  if (extension === 'csv' || extension === 'txt') return startsWith(XLSX_MAGIC) ? 'xlsx' : 'csv';
  throw new TableRefusal([{ ...fileIssue('只能导入 .xlsx 或 .csv 文件'), value: name }]);
}

async function openSource(source: TableSource, maxBytes: number): Promise<{ kind: Kind; input: Readable }> {
  const name = 'bytes' in source ? source.name : (source.name ?? source.path);
  let size: number;
  let head: Uint8Array;
  if ('bytes' in source) {
    size = source.bytes.length;
    head = source.bytes.subarray(0, 8);
  } else {
    size = (await stat(source.path)).size;
    const handle = await open(source.path, 'r');
    try {
      const buffer = Buffer.alloc(8);
      const { bytesRead } = await handle.read(buffer, 0, 8, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  if (size === 0) throw new TableRefusal([fileIssue('文件是空的（0 字节）：请选择填好的文件')]);
  if (size > maxBytes) {
    throw new TableRefusal([{ ...fileIssue(`文件有 ${megabytes(size)}，超过导入上限 ${megabytes(maxBytes)}：请分成几个文件分别导入`), value: name }]);
  }
  const kind = kindOf(name, head);
  const input = 'bytes' in source ? Readable.from([Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.length)]) : createReadStream(source.path, { highWaterMark: 256 * 1024 });
  return { kind, input };
}

function duplicateHeaderFaults(sheet: string, row: number, header: readonly string[]): ImportIssue[] {
  const firstAt = new Map<string, number>();
  const faults: ImportIssue[] = [];
  header.forEach((text, index) => {
    if (text === '') return;
    const first = firstAt.get(text);
    if (first === undefined) firstAt.set(text, index);
    else faults.push({ sheet, row, column: columnLetter(index + 1), value: text, reason: `表头“${text}”与 ${columnLetter(first + 1)} 列重复：每个表头只能出现一次` });
  });
  return faults;
}

/** Date columns' cells become Date; a cell that is no date is reported and becomes null. */
function convertDates(row: RawRow, header: readonly string[], dateColumns: ReadonlySet<number>, date1904: boolean, utcOffsetMinutes: number): void {
  for (const index of dateColumns) {
    const value = row.cells[index];
    if (value === null || value === undefined) continue;
    const date = cellToDate(value, { date1904, utcOffsetMinutes });
    if (date === null) {
      row.issues.push({
        sheet: row.sheet,
        row: row.row,
        column: header[index] || columnLetter(index + 1),
        value: issueValueText(typeof value === 'number' ? value : cellText(value)),
        reason: '不是有效的日期时间：请写成 2025-03-04 08:30 这样的格式，或使用 Excel 的日期格式',
      });
      row.cells[index] = null;
    } else {
      row.cells[index] = date;
    }
  }
}

export async function* readTable(source: TableSource, options: ReadTableOptions = {}): AsyncGenerator<TableRow> {
  const { kind, input } = await openSource(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const utcOffsetMinutes = options.utcOffsetMinutes ?? OFFICE_UTC_OFFSET_MINUTES;
  const dateNames = new Set(options.dateColumns ?? []);
  const rows: AsyncGenerator<RawRow & { date1904?: boolean }> = kind === 'xlsx' ? readXlsxRows(input, options.sheets ?? []) : readCsvRows(input);
  let currentSheet: string | null = null;
  let header: string[] = [];
  let headerRow = 0;
  let dateColumns = new Set<number>();
  let dataRows = 0;
  try {
    for await (const raw of rows) {
      if (raw.sheet !== currentSheet || header.length === 0) {
        if (raw.sheet !== currentSheet) {
          currentSheet = raw.sheet;
          header = [];
        }
        if (header.length === 0) {
          // Formulas or error values in the header leave blank header cells; report them as the header's faults.
          header = raw.cells.map((cell) => cellText(cell).replace(/\s+/g, ''));
          headerRow = raw.row;
          const faults = [...raw.issues, ...duplicateHeaderFaults(raw.sheet, raw.row, header)];
          if (faults.length > 0) throw new TableRefusal(faults);
          dateColumns = new Set(header.flatMap((text, index) => (dateNames.has(text) ? [index] : [])));
          continue;
        }
      }
      dataRows += 1;
      // The reader names cells by letter; the user knows the column by its header.
      for (const issue of raw.issues) issue.column = header[columnNumber(issue.column) - 1] || issue.column;
      if (dateColumns.size > 0) convertDates(raw, header, dateColumns, raw.date1904 ?? false, utcOffsetMinutes);
      yield { sheet: raw.sheet, row: raw.row, header, headerRow, cells: raw.cells, issues: raw.issues };
    }
  } finally {
    input.destroy();
  }
  if (dataRows === 0) {
    throw new TableRefusal([fileIssue(header.length === 0 ? '文件中没有任何内容：请选择填好的文件' : '文件只有表头，没有数据行：请在表头下面逐行填写后再导入', currentSheet ?? '')]);
  }
}

/** The whole table and every issue, for imports small enough to hold (onboarding lists). */
export async function readWholeTable(source: TableSource, options: ReadTableOptions = {}): Promise<{ rows: TableRow[]; issues: ImportIssue[] }> {
  const rows: TableRow[] = [];
  const issues: ImportIssue[] = [];
  try {
    for await (const row of readTable(source, options)) {
      rows.push(row);
      issues.push(...row.issues);
    }
  } catch (error) {
    if (!(error instanceof TableRefusal)) throw error;
    // A refusal at a sheet's end (merged cells) comes after row issues: keep both, import nothing.
    return { rows: [], issues: [...error.issues, ...issues] };
  }
  return { rows, issues };
}
