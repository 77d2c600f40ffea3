import { onMounted, ref, type Ref } from 'vue';
import { showError } from '../../../utils/errors';

/** The rows of an administration table: fetched on mount and again on `load()`, a failure shown as a message. */
export function useAdminRows<T>(fetch: () => Promise<T[]>): { rows: Ref<T[]>; loading: Ref<boolean>; load: () => Promise<void> } {
  const rows = ref([]) as Ref<T[]>;
  const loading = ref(false);
  async function load(): Promise<void> {
    loading.value = true;
    try {
      rows.value = await fetch();
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);
  return { rows, loading, load };
}
