import { computed, nextTick, onBeforeUnmount, onMounted, ref, shallowRef, type ComputedRef } from 'vue';
import type { BigScreenSnapshot } from '@core/api/dashboardTypes';
import { ClientError, call } from '../../api/client';

declare global {
  interface Window {
    /** performance.now() when the first snapshot had been drawn by every chart: read by the paint benchmark. */
    __bigscreenReady?: number;
    /** Snapshots applied so far: the benchmark counts refresh cycles with it. */
    __bigscreenRefreshes?: number;
  }
}

export type FeedState = 'loading' | 'live' | 'keyInvalid' | 'reconnecting';

/**
 * A part of the snapshot that keeps its previous object while its content is unchanged. Most
 * refreshes bring the same numbers; charts fed the same object are not redrawn, which saves
 * the wall's CPU and keeps ECharts from re-running (and V8 from re-compiling) its render paths.
 */
export function unchangedKeepsIdentity<T>(source: () => T): ComputedRef<T> {
  let last: T;
  let lastText: string | undefined;
  return computed(() => {
    const next = source();
    const text = JSON.stringify(next);
    if (text !== lastText) {
      last = next;
      lastText = text;
    }
    return last;
  });
}

/** A refused key is not going to fix itself; retrying slowly still picks up a server that was restarting. */
const KEY_RETRY_MS = 30_000;

/**
 * Polls the wall snapshot. The next request is scheduled only when the previous one has been
 * answered and drawn, so a slow server never piles requests up; the last good snapshot stays
 * on screen while the connection is down.
 */
export function useBigScreenFeed(key: string | undefined, refreshSeconds: number) {
  const snapshot = shallowRef<BigScreenSnapshot | null>(null);
  const state = ref<FeedState>('loading');
  let timer = 0;
  let stopped = false;

  async function poll(): Promise<void> {
    let delay = refreshSeconds * 1000;
    try {
      const next = await call('bigscreen.snapshot', key ? { key } : {});
      if (stopped) return;
      snapshot.value = next;
      state.value = 'live';
      // The charts set their options while Vue patches, and ECharts paints synchronously in setOption.
      await nextTick();
      if (window.__bigscreenReady === undefined) window.__bigscreenReady = performance.now();
      window.__bigscreenRefreshes = (window.__bigscreenRefreshes ?? 0) + 1;
    } catch (error) {
      if (error instanceof ClientError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
        state.value = 'keyInvalid';
        snapshot.value = null;
        delay = KEY_RETRY_MS;
      } else {
        state.value = 'reconnecting';
      }
    }
    if (!stopped) timer = window.setTimeout(() => void poll(), delay);
  }

  onMounted(() => void poll());
  onBeforeUnmount(() => {
    stopped = true;
    window.clearTimeout(timer);
  });

  return { snapshot, state };
}
