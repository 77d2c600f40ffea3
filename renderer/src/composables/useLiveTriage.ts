import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { TriageSuggestion } from '@core/api/types';
import { call } from '../api/client';

const DELAY_MS = 500;
const MIN_TEXT = 4;

/** Asks the triage model about the description as it is typed, after a pause; the newest answer wins. */
export function useLiveTriage(text: () => string) {
  const suggestion = shallowRef<TriageSuggestion | null>(null);
  const thinking = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function ask(value: string): Promise<void> {
    const request = ++latest;
    thinking.value = true;
    try {
      const result = await call('triage.suggest', { text: value });
      if (request === latest) suggestion.value = result;
    } catch {
      // A suggestion is a help, not a requirement: without it the form still works.
      if (request === latest) suggestion.value = null;
    } finally {
      if (request === latest) thinking.value = false;
    }
  }

  watch(
    text,
    (value) => {
      clearTimeout(timer);
      const trimmed = value.trim();
      if ([...trimmed].length < MIN_TEXT) {
        latest += 1;
        suggestion.value = null;
        thinking.value = false;
        return;
      }
      timer = setTimeout(() => void ask(trimmed), DELAY_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearTimeout(timer));

  return { suggestion, thinking };
}
