/**
 * The row-level report every import gives (onboarding and history import): one issue per
 * fault, pointing at the sheet, the row and the column as the user sees them in Excel, with
 * the value found and the reason in Chinese. A fault of the whole file (an .xls, an empty
 * file, a merged header) has row 0 and an empty column.
 */
export interface ImportIssue {
  /** Sheet name as in the workbook; '' for a CSV file. */
  sheet: string;
  /** Row number as Excel shows it (the header is row 1); 0 for the whole file. */
  row: number;
  /** Header text of the column (or its letter when the header is blank); '' when no column is at fault. */
  column: string;
  /** The value found, as text ('' when empty). */
  value: string;
  /** Why it is refused, in Chinese, shown to the user as is. */
  reason: string;
}

/** The report's columns, in order, with their Chinese headers (the .xlsx report and the UI table agree). */
export const REPORT_COLUMNS = [
  { key: 'sheet', header: '工作表' },
  { key: 'row', header: '行号' },
  { key: 'column', header: '列' },
  { key: 'value', header: '内容' },
  { key: 'reason', header: '问题' },
] as const satisfies ReadonlyArray<{ key: keyof ImportIssue; header: string }>;

/** Longest value text kept in an issue: a report names the cell, it does not copy a paragraph. */
export const ISSUE_VALUE_MAX = 200;

export function fileIssue(reason: string, sheet = ''): ImportIssue {
  return { sheet, row: 0, column: '', value: '', reason };
}

/** Spreadsheet column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of spreadsheet column letters: A → 1, AA → 27; 0 for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell value as the report shows it: dates as local office time, long text cut. */
export function issueValueText(value: unknown, utcOffsetMinutes = 480): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? '' : new Date(value.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  } else {
    text = String(value);
  }
  return text.length > ISSUE_VALUE_MAX ? `${text.slice(0, ISSUE_VALUE_MAX)}…` : text;
}

/** File faults first, then by sheet, row and column: the order the user fixes a workbook in. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column.localeCompare(b.column));
}
