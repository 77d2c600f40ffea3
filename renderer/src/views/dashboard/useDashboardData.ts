import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import type { DashboardData } from '@core/api/dashboardTypes';
import { call } from '../../api/client';
import { useLatestCall } from '../../composables/useLatestCall';
import type { DashboardPeriod } from './dashboardLinks';

/** A dashboard left open on a leader's second monitor stays current without anyone pressing 刷新. */
const AUTO_REFRESH_MS = 60_000;

/**
 * Loads the dashboard for a period and street and reloads when either changes, and every
 * minute while the window is visible. A slow answer
 * for a filter the user has already left is dropped, so the charts never show a mix.
 */
export function useDashboardData(period: Ref<DashboardPeriod>, streetId: Ref<string | undefined>) {
  // Shallow: charts rebuild their options from the whole object; deep reactivity over thousands of numbers buys nothing.
  const data = shallowRef<DashboardData | null>(null);
  const loadedAt = ref<number | null>(null);
  const { loading, error, run } = useLatestCall();

  const load = (): Promise<void> =>
    run(
      () => call('dashboard.data', { period: period.value, ...(streetId.value ? { streetId: streetId.value } : {}) }),
      (result) => {
        data.value = result;
        loadedAt.value = Date.now();
      },
    );

  watch(() => JSON.stringify([period.value, streetId.value]), () => void load(), { immediate: true });
  let timer = 0;
  onMounted(() => (timer = window.setInterval(() => document.visibilityState === 'visible' && !loading.value && void load(), AUTO_REFRESH_MS)));
  onBeforeUnmount(() => window.clearInterval(timer));

  return { data, loading, error, loadedAt, reload: load };
}
