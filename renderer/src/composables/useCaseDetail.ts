import { ref, shallowRef, watch, type Ref } from 'vue';
import type { CaseWithHistory } from '@core/api/types';
import { call, ClientError } from '../api/client';
import { errorText, showError } from '../utils/errors';
import { i18n } from '../i18n';

/** One case with its history and the moves open to this user, reloaded whenever the id changes. */
export function useCaseDetail(id: Readonly<Ref<string | null>>) {
  const data = shallowRef<CaseWithHistory | null>(null);
  const loading = ref(false);
  const failure = ref<string | null>(null);

  async function load(caseId: string | null = id.value, quiet = false): Promise<void> {
    if (!caseId) {
      data.value = null;
      failure.value = null;
      return;
    }
    if (!quiet) loading.value = true;
    failure.value = null;
    try {
      const result = await call('cases.get', { id: caseId });
      if (caseId === id.value) data.value = result;
    } catch (error) {
      if (caseId !== id.value) return;
      data.value = null;
      // A missing case is a state of the pane, not a passing toast; anything else is both.
      const missing = error instanceof ClientError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED');
      failure.value = missing ? i18n.global.t('detail.notFound') : errorText(error);
      if (!missing) showError(error);
    } finally {
      if (caseId === id.value) loading.value = false;
    }
  }

  watch(id, (next, previous) => {
    if (next !== previous) data.value = null;
    void load(next);
  }, { immediate: true });

  /** A move answers with the case as it now is: no second round trip. */
  function apply(result: CaseWithHistory): void {
    if (result.case.id === id.value) data.value = result;
  }

  return { data, loading, failure, reload: () => load(id.value, true), apply };
}
