/**
 * Streamed .xlsx rows: exceljs's WorkbookReader reads one row at a time from the zip, so memory
 * stays flat with the file's size. Cells come out as plain values; a formula, an error value or
 * a merged header is reported, never guessed at.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/import/cells';
import { columnLetter, issueValueText, type ImportIssue } from '../../core/import/report';
import { Readable } from 'node:stream';
import { parseRange, scanMergedRanges } from './mergeScan';
import { wholeUtf8Chunks } from './wholeUtf8Chunks';
import { TableRefusal } from './tableRefusal';

export interface RawRow {
  sheet: string;
  row: number;
  cells: CellValue[];
  issues: ImportIssue[];
}

interface StreamedWorksheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  mergedRanges?: string[];
}

type ParseWorksheet = (iterator: AsyncIterable<Buffer>, sheetNo: string) => Generator<{ eventType: string; value: StreamedWorksheet }>;

type ParseSharedStrings = (entry: Readable) => AsyncGenerator<unknown>;

/**
 * Hands each worksheet's XML through the merge scanner on its way to exceljs, and feeds
 * worksheets and shared strings whole UTF-8 characters (exceljs decodes chunk by chunk).
 */
class MergeAwareWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(input: Readable) {
    super(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    const parseWorksheet = (this as unknown as { _parseWorksheet: ParseWorksheet })._parseWorksheet.bind(this);
    (this as unknown as { _parseWorksheet: ParseWorksheet })._parseWorksheet = function* (iterator, sheetNo) {
      const merged: string[] = [];
      for (const event of parseWorksheet(wholeUtf8Chunks(scanMergedRanges(iterator, merged)), sheetNo)) {
        event.value.mergedRanges = merged;
        yield event;
      }
    };
    const self = this as unknown as { _parseSharedStrings: ParseSharedStrings };
    const parseSharedStrings = self._parseSharedStrings.bind(this);
    self._parseSharedStrings = (entry) => parseSharedStrings(Readable.from(wholeUtf8Chunks(entry)));
  }

  get date1904(): boolean {
    return Boolean((this as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  }
}

const FORMULA_HINT = '请在 Excel 中复制这些单元格，再“选择性粘贴 → 数值”后导入';

/** One cell's value, or the issue that refuses it. */
function readCell(raw: unknown, sheet: string, row: number, col: number, issues: ImportIssue[]): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  const object = raw as Record<string, unknown>;
  const column = columnLetter(col);
  if ('formula' in object || 'sharedFormula' in object) {
    const formula = String(object.formula ?? object.sharedFormula ?? '');
    issues.push({ sheet, row, column, value: issueValueText(formula ? `=${formula}` : '（共享公式）'), reason: `这是公式，不是数值：${FORMULA_HINT}` });
    return null;
  }
  if ('error' in object) {
    issues.push({ sheet, row, column, value: String(object.error), reason: '单元格是错误值，请改正后再导入' });
    return null;
  }
  if (Array.isArray(object.richText)) {
    const text = (object.richText as Array<{ text?: string }>).map((part) => part.text ?? '').join('').trim();
    return text === '' ? null : text;
  }
  if ('text' in object) {
    const text = String(object.text ?? '').trim();
    return text === '' ? null : text;
  }
  issues.push({ sheet, row, column, value: '', reason: '无法识别的单元格内容' });
  return null;
}

function mergedFaults(sheet: string, merged: readonly string[], headerRow: number): ImportIssue[] {
  const faults: ImportIssue[] = [];
  for (const ref of merged) {
    const range = parseRange(ref);
    if (range.bottom < headerRow) continue; // a title above the header is not read
    const inHeader = range.top <= headerRow;
    faults.push({
      sheet,
      row: range.top,
      column: columnLetter(range.left),
      value: ref,
      reason: inHeader
        ? '表头有合并单元格：每一列要有自己的表头，请取消合并后再导入'
        : '数据区有合并单元格：合并后只有第一格有值，请取消合并并把每一格填满后再导入',
    });
  }
  return faults;
}

/**
 * Rows of the wanted sheets (all sheets when `sheets` is empty), empty rows skipped.
 * Merged cells are known only at a sheet's end: they are thrown then, as a TableRefusal.
 */
export async function* readXlsxRows(input: Readable, sheets: readonly string[]): AsyncGenerator<RawRow & { date1904: boolean }> {
  const workbook = new MergeAwareWorkbookReader(input);
  const seen: string[] = [];
  let wantedFound = 0;
  try {
    for await (const worksheet of workbook as unknown as AsyncIterable<StreamedWorksheet>) {
      const sheet = worksheet.name;
      seen.push(sheet);
      if (sheets.length > 0 && !sheets.includes(sheet)) {
        for await (const _row of worksheet) {
          // drain: the zip stream moves on only when this sheet is read
        }
        continue;
      }
      wantedFound += 1;
      let headerRow = 0;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const issues: ImportIssue[] = [];
        const cells: CellValue[] = [];
        let any = false;
        for (let col = 1; col < values.length; col += 1) {
          const value = readCell(values[col], sheet, row.number, col, issues);
          cells.push(value);
          if (value !== null) any = true;
        }
        if (!any && issues.length === 0) continue;
        if (headerRow === 0) headerRow = row.number;
        yield { sheet, row: row.number, cells, issues, date1904: workbook.date1904 };
      }
      const faults = mergedFaults(sheet, worksheet.mergedRanges ?? [], headerRow);
      if (faults.length > 0) throw new TableRefusal(faults);
    }
  } catch (error) {
    if (error instanceof TableRefusal) throw error;
    throw new TableRefusal([{ sheet: '', row: 0, column: '', value: '', reason: `文件无法作为 .xlsx 读取（可能已损坏，或不是 Excel 工作簿）：${(error as Error).message}` }]);
  }
  if (sheets.length > 0 && wantedFound === 0) {
    const names = seen.length > 0 ? seen.map((name) => `“${name}”`).join('、') : '（没有工作表）';
    throw new TableRefusal([
      { sheet: '', row: 0, column: '', value: names, reason: `找不到工作表${sheets.map((name) => `“${name}”`).join('或')}：文件中的工作表是 ${names}。请使用下载的模板，不要改工作表名` },
    ]);
  }
}
