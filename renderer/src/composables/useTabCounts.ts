import { onScopeDispose, ref } from 'vue';
import { call } from '../api/client';
import type { DeskTab, DeskTabKey } from '../desk/deskTabs';
import { tabInput, type CaseFilterInput } from '../queue/queueQuery';

export const COUNTS_REFRESH_MS = 15_000;

/** How many cases each tab holds under the current filters. */
async function countTab(tab: DeskTab, filters: CaseFilterInput, byQueueTab: () => ReturnType<typeof countQueueTabs>): Promise<number> {
  if (tab.tab && !tab.handler) return (await byQueueTab())[tab.tab];
  // Tabs that are not a plain API bucket (全部, 待核实, a grid's own handling) are counted by the list's total.
  return (await call('cases.list', { ...filters, ...tabInput(tab), page: 1, pageSize: 1 })).total ?? 0;
}

function countQueueTabs(filters: CaseFilterInput) {
  return call('cases.counts', filters);
}

/** Live tab counts: fetched on demand and every 15 seconds while the desk is open. */
export function useTabCounts(tabs: () => DeskTab[], filters: () => CaseFilterInput) {
  const counts = ref<Partial<Record<DeskTabKey, number>>>({});
  let latest = 0;

  async function refresh(): Promise<void> {
    const request = ++latest;
    const f = filters();
    let shared: ReturnType<typeof countQueueTabs> | null = null;
    const byQueueTab = () => (shared ??= countQueueTabs(f));
    try {
      const entries = await Promise.all(tabs().map(async (t) => [t.key, await countTab(t, f, byQueueTab)] as const));
      if (request === latest) counts.value = Object.fromEntries(entries);
    } catch {
      // Counts are a convenience: the list itself reports failures, and the next tick retries.
    }
  }

  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, COUNTS_REFRESH_MS);
  onScopeDispose(() => clearInterval(timer));

  return { counts, refresh };
}
