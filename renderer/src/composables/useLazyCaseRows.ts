import { ref, shallowRef } from 'vue';
import type { InputOf } from '@core/api/contract';
import type { CaseSummary } from '@core/api/types';
import { call } from '../api/client';
import { MAX_LISTED_ROWS, pagesCovering, placeholderRows, ROWS_PAGE_SIZE, withPage, type QueueRow } from '../queue/lazyRows';
import { showError } from '../utils/errors';

type ListQuery = Omit<InputOf<'cases.list'>, 'page' | 'pageSize' | 'withTotal'>;
interface Page {
  total: number | null;
  rows: CaseSummary[];
}
/** Pages just past what is on screen are fetched too, so steady scrolling rarely meets a placeholder. */
const LOOKAHEAD_ROWS = 60;
/**
 * Pages asked for at once. A fast scroll or a scrollbar drag passes hundreds of pages; only the
 * ones still on screen when a request slot frees up are fetched, so the rows where the user
 * stops arrive next instead of after every page they flew past.
 */
const MAX_IN_FLIGHT = 2;

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
  /** Pages the screen needs now, nearest first; recomputed on every scroll. */
  let wanted: number[] = [];
  /** Pages whose request failed: not asked again until the user scrolls or reloads, so a dead server is not hammered. */
  const failed = new Set<number>();

  /** null when the filters changed while the page was on its way. The total comes only with a reload. */
  async function fetchPage(page: number, gen: number, withTotal = false): Promise<Page | null> {
    const result = await call('cases.list', { ...query(), page, pageSize: ROWS_PAGE_SIZE, withTotal });
    return gen === generation ? result : null;
  }

  function fetchWanted(): void {
    while (inflight.size < MAX_IN_FLIGHT) {
      const next = wanted.find((p) => !loaded.has(p) && !inflight.has(p) && !failed.has(p));
      if (next === undefined) return;
      void loadPage(next);
    }
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
        if (gen !== generation) return;
        failed.add(page);
        showError(error);
      })
      .finally(() => {
        if (gen !== generation) return;
        inflight.delete(page);
        fetchWanted();
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
    failed.clear();
    wanted = [];
    loading.value = true;
    const onScreen = keepPosition ? pagesCovering(visible.first, visible.last) : [];
    const pages = onScreen.length > 0 ? onScreen : [1];
    try {
      const results = await Promise.all(pages.map(async (p, i) => [p, await fetchPage(p, gen, i === 0)] as const));
      if (gen !== generation) return;
      total.value = results[0]?.[1]?.total ?? 0;
      let next = placeholderRows(Math.min(total.value, MAX_LISTED_ROWS));
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
    if (rows.value.length === 0) return;
    const end = Math.min(rows.value.length - 1, last + LOOKAHEAD_ROWS);
    wanted = pagesCovering(first, end);
    failed.clear();
    fetchWanted();
  }

  /** Makes sure row index is loaded, e.g. before the keyboard moves the selection onto it. */
  async function ensureRow(index: number): Promise<void> {
    const [page] = pagesCovering(index, index);
    if (page !== undefined) await loadPage(page);
  }

  return { rows, total, loading, reload, ensureVisible, ensureRow };
}
