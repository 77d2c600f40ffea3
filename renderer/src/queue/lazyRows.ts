import type { CaseSummary } from '@core/api/types';

/** Rows are fetched in pages this big as the table scrolls to them. */
export const ROWS_PAGE_SIZE = 200;

/**
 * The most rows the table lists. Browsers cap an element's height near 33.5 million pixels
 * (about 987,000 rows of 34 px), past which rows cannot be scrolled to; nobody scrolls to the
 * 500,000th case either, they filter. The footer says when a queue holds more.
 */
export const MAX_LISTED_ROWS = 500_000;

/** Stands in for a row whose page has not arrived yet, so the table can show the full height at once. */
export interface PlaceholderRow {
  id: string;
  placeholder: true;
}

export type QueueRow = CaseSummary | PlaceholderRow;

export const isLoadedRow = (row: QueueRow | undefined): row is CaseSummary => row !== undefined && !('placeholder' in row);

/** The 1-based pages holding rows [first, last]. */
export function pagesCovering(first: number, last: number, pageSize = ROWS_PAGE_SIZE): number[] {
  if (last < first || last < 0) return [];
  const from = Math.floor(Math.max(0, first) / pageSize) + 1;
  const to = Math.floor(last / pageSize) + 1;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function placeholderRows(total: number): QueueRow[] {
  const rows: QueueRow[] = new Array(total);
  for (let i = 0; i < total; i++) rows[i] = { id: `placeholder-${i}`, placeholder: true };
  return rows;
}

/**
 * A copy of rows with one page written in. The table needs a new array to repaint; a copy of
 * the pointers is cheap even at 100,000 rows, unlike building new placeholders each time.
 */
export function withPage(rows: readonly QueueRow[], page: number, pageRows: readonly CaseSummary[], pageSize = ROWS_PAGE_SIZE): QueueRow[] {
  const next = rows.slice();
  const start = (page - 1) * pageSize;
  for (let i = 0; i < pageRows.length && start + i < next.length; i++) next[start + i] = pageRows[i]!;
  return next;
}
