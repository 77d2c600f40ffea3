import { onBeforeUnmount, onMounted, ref } from 'vue';
import type { SyncStatus } from '@core/api/syncTypes';
import { call } from '../api/client';

const POLL_MS = 15_000;

/** The node's sync status, polled while the shell is open (a cheap local read: no call to the hub). */
export function useSyncStatus() {
  const status = ref<SyncStatus | null>(null);
  const syncing = ref(false);
  let timer: ReturnType<typeof setInterval> | null = null;

  async function refresh(): Promise<void> {
    status.value = await call('sync.status', {}).catch(() => status.value);
  }

  /** 立即同步: one push-and-pull on the backend, then the status it left. */
  async function syncNow(): Promise<SyncStatus> {
    syncing.value = true;
    try {
      status.value = await call('sync.now', {});
      return status.value;
    } finally {
      syncing.value = false;
    }
  }

  onMounted(() => {
    void refresh();
    timer = setInterval(() => void refresh(), POLL_MS);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
  });
  return { status, syncing, refresh, syncNow };
}
