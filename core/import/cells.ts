/** Cell values as the table reader gives them, and the text views validators need. */

/** Strings are trimmed and an empty cell is null; numbers stay numbers only in .xlsx (CSV is all text). */
export type CellValue = string | number | boolean | Date | null;

/**
 * A cell as text: a phone number typed as a number (13800138000) is the same as the text, and a
 * whole number never shows as 1.38e10 or 12.000000001.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value.toFixed(0);
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString();
  return value;
}
