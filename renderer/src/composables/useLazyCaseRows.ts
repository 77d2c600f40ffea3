import { ref, shallowRef } from 'vue';
import type { InputOf } from '@core/api/contract';
import type { CaseSummary } from '@core/api/types';
import { call } from '../api/client';
import { pagesCovering, placeholderRows, ROWS_PAGE_SIZE, withPage, type QueueRow } from '../queue/lazyRows';
import { showError } from '../utils/errors';

type ListQuery = Omit<InputOf<'cases.list'>, 'page' | 'pageSize'>;
interface Page {
  total: number;
  rows: CaseSummary[];
}
/** Pages just past what is on screen are fetched too, so steady scrolling rarely meets a placeholder. */
const LOOKAHEAD_ROWS = 60;

/**
 * The queue's rows for a virtual table: the total comes with the first page, the other pages
 * are fetched when the table scrolls near them and cached until the filters change.
 */
export function useLazyCaseRows(query: () => ListQuery) {
  const rows = shallowRef<QueueRow[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const loaded = new Set<number>();
  const inflight = new Map<number, Promise<void>>();
  let generation = 0;
  let visible = { first: 0, last: 0 };

  /** null when the filters changed while the page was on its way. */
  async function fetchPage(page: number, gen: number): Promise<Page | null> {
    const result = await call('cases.list', { ...query(), page, pageSize: ROWS_PAGE_SIZE });
    return gen === generation ? result : null;
  }

  function loadPage(page: number): Promise<void> {
    if (loaded.has(page)) return Promise.resolve();
    const pending = inflight.get(page);
    if (pending) return pending;
    const gen = generation;
    const request = fetchPage(page, gen)
      .then((result) => {
        if (!result) return;
        loaded.add(page);
        // A page past a shrunken total is simply short; the next reload fixes the total.
        rows.value = withPage(rows.value, page, result.rows);
      })
      .catch((error: unknown) => {
        if (gen === generation) showError(error);
      })
      .finally(() => {
        if (gen === generation) inflight.delete(page);
      });
    inflight.set(page, request);
    return request;
  }

  /**
   * Starts over: new filters drop every cached page. keepPosition refetches the pages on screen
   * and swaps them in together, so a refresh does not flash placeholders under the user's eyes.
   */
  async function reload(keepPosition = false): Promise<void> {
    const gen = ++generation;
    loaded.clear();
    inflight.clear();
    loading.value = true;
    const wanted = keepPosition ? pagesCovering(visible.first, visible.last) : [];
    const pages = wanted.length > 0 ? wanted : [1];
    try {
      const results = await Promise.all(pages.map(async (p) => [p, await fetchPage(p, gen)] as const));
      if (gen !== generation) return;
      total.value = results[0]?.[1]?.total ?? 0;
      let next = placeholderRows(total.value);
      for (const [page, result] of results) {
        if (!result) continue;
        loaded.add(page);
        next = withPage(next, page, result.rows);
      }
      rows.value = next;
    } catch (error) {
      if (gen !== generation) return;
      rows.value = [];
      total.value = 0;
      showError(error);
    } finally {
      if (gen === generation) loading.value = false;
    }
    if (gen === generation && keepPosition) ensureVisible(visible.first, visible.last);
  }

  /** Called as the table renders rows [first, last]. */
  function ensureVisible(first: number, last: number): void {
    visible = { first, last };
    if (total.value === 0) return;
    const end = Math.min(total.value - 1, last + LOOKAHEAD_ROWS);
    for (const page of pagesCovering(first, end)) void loadPage(page);
  }

  /** Makes sure row index is loaded, e.g. before the keyboard moves the selection onto it. */
  async function ensureRow(index: number): Promise<void> {
    const [page] = pagesCovering(index, index);
    if (page !== undefined) await loadPage(page);
  }

  return { rows, total, loading, reload, ensureVisible, ensureRow };
}
