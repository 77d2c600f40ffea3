/**
 * Reads a history file (.xlsx streamed with exceljs, or UTF-8 .csv) row by row. A stop-gap
 * until the shared table reader (db/import/tableReader.ts) lands; same row shape.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../../core/import/history';
import type { HistoryTableRow } from './historyImport';
import { Utf8WorkbookReader } from './utf8WorkbookReader';

export type HistorySource = { path: string; name?: string } | { name: string; bytes: Uint8Array };

export class HistoryFileRefusal extends Error {}

const CST_OFFSET_MS = 8 * 3_600_000;

function inputOf(source: HistorySource): Readable {
  return 'bytes' in source ? Readable.from([Buffer.from(source.bytes)]) : createReadStream(source.path, { highWaterMark: 256 * 1024 });
}

const nameOf = (source: HistorySource): string => ('bytes' in source ? source.name : (source.name ?? source.path));

/** exceljs gives a date cell as its shown wall time in UTC: Beijing time is 8 hours earlier. */
function xlsxCell(value: ExcelJS.CellValue | undefined): { value: CellValue; issue: string | null } {
  if (value === null || value === undefined) return { value: null, issue: null };
  if (value instanceof Date) return { value: new Date(value.getTime() - CST_OFFSET_MS), issue: null };
  if (typeof value === 'string') return { value: value.trim() === '' ? null : value.trim(), issue: null };
  if (typeof value === 'number' || typeof value === 'boolean') return { value, issue: null };
  if (typeof value === 'object' && 'formula' in value) return { value: null, issue: '单元格是公式，请先"复制 → 选择性粘贴为数值"后再导入' };
  if (typeof value === 'object' && 'richText' in value) return { value: value.richText.map((t) => t.text).join('').trim() || null, issue: null };
  if (typeof value === 'object' && 'error' in value) return { value: null, issue: `单元格是错误值 ${value.error}` };
  if (typeof value === 'object' && 'text' in value) return { value: String(value.text).trim() || null, issue: null };
  return { value: null, issue: '无法读取的单元格' };
}

async function* xlsxRows(source: HistorySource): AsyncGenerator<HistoryTableRow> {
  const reader = new Utf8WorkbookReader(inputOf(source), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    let header: string[] | null = null;
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const cells = values.map(xlsxCell);
      if (!header) {
        header = cells.map((c) => (c.value === null ? '' : String(c.value).replace(/\s+/g, '')));
        continue;
      }
      if (cells.every((c) => c.value === null && !c.issue)) continue;
      const issues = cells.flatMap((c, i) => (c.issue ? [{ row: row.number, column: header![i] ?? '', value: '', reason: c.issue }] : []));
      yield { row: row.number, header, cells: cells.map((c) => c.value), issues };
    }
    return; // the first sheet holds the cases
  }
}

/** One CSV line's fields (RFC 4180 quotes; a quoted field does not span lines here). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2; } else if (line[i] === '"') { i += 1; break; } else { value += line[i]; i += 1; }
      }
      fields.push(value);
      while (i < line.length && line[i] !== ',') i += 1;
      i += 1;
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

async function* csvRows(source: HistorySource): AsyncGenerator<HistoryTableRow> {
  const lines = createInterface({ input: inputOf(source), crlfDelay: Infinity });
  let header: string[] | null = null;
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    const line = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    const fields = csvFields(line).map((f) => f.trim());
    if (!header) {
      header = fields.map((f) => f.replace(/\s+/g, ''));
      continue;
    }
    yield { row: number, header, cells: fields.map((f) => (f === '' ? null : f)), issues: [] };
  }
}

/** The file's data rows, after its header row. Refuses what is not an .xlsx or .csv. */
export function readHistoryTable(source: HistorySource): AsyncGenerator<HistoryTableRow> {
  const name = nameOf(source).toLowerCase();
  if (name.endsWith('.xlsx')) return xlsxRows(source);
  if (name.endsWith('.csv')) return csvRows(source);
  if (name.endsWith('.xls')) throw new HistoryFileRefusal('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入');
  throw new HistoryFileRefusal('只能导入 .xlsx 或 .csv 文件');
}

/** The header and the first rows, for the mapping screen. */
export async function peekHistoryTable(source: HistorySource, rows: number): Promise<{ header: string[]; sample: HistoryTableRow[] }> {
  const sample: HistoryTableRow[] = [];
  for await (const row of readHistoryTable(source)) {
    sample.push(row);
    if (sample.length >= rows) break;
  }
  if (sample.length === 0) throw new HistoryFileRefusal('文件中没有数据行');
  return { header: [...sample[0]!.header], sample };
}
