import { ref } from 'vue';
import { errorText } from '../utils/errors';

/**
 * Runs requests one after another as filters change and keeps only the answer to the newest:
 * a slow reply for a filter the user has already left is dropped, so a view never shows a mix
 * of two filters, and `loading` / `error` describe the request the user is waiting for.
 */
export function useLatestCall() {
  const loading = ref(false);
  const error = ref<string | null>(null);
  let sequence = 0;

  async function run<T>(request: () => Promise<T>, onResult: (result: T) => void, onError?: () => void): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    error.value = null;
    try {
      const result = await request();
      if (mine === sequence) onResult(result);
    } catch (e) {
      if (mine === sequence) {
        error.value = errorText(e);
        onError?.();
      }
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }

  return { loading, error, run };
}
