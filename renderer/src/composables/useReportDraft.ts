import { onScopeDispose, watch } from 'vue';
import { hasContent, type ReportForm } from '../report/reportForm';

const KEY_PREFIX = 'griddesk.reportDraft.';
const SAVE_DELAY_MS = 400;

interface StoredDraft {
  savedAt: number;
  form: ReportForm;
}

/** Reads a stored draft defensively: an old or hand-edited entry must not break the form. */
function parse(raw: string | null, base: ReportForm): StoredDraft | null {
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Partial<StoredDraft> | null;
    if (!stored || typeof stored.form !== 'object' || stored.form === null) return null;
    const saved = stored.form as unknown as Record<string, unknown>;
    const form: ReportForm = { ...base };
    for (const key of Object.keys(base) as Array<keyof ReportForm>) {
      const value = saved[key];
      if (key === 'photos') form.photos = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      else if (typeof value === typeof base[key]) (form as unknown as Record<string, unknown>)[key] = value;
    }
    return { savedAt: Number(stored.savedAt) || Date.now(), form };
  } catch {
    return null;
  }
}

/**
 * Keeps the unsent report in localStorage, per user, so a crash, a reload or a closed window
 * loses nothing. Uploaded photos survive as their attachment ids.
 */
export function useReportDraft(userKey: () => string, form: ReportForm) {
  const key = () => KEY_PREFIX + userKey();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = false;

  function saveNow(): void {
    clearTimeout(timer);
    if (!active) return;
    try {
      if (hasContent(form)) localStorage.setItem(key(), JSON.stringify({ savedAt: Date.now(), form } satisfies StoredDraft));
      else localStorage.removeItem(key());
    } catch {
      // A full or disabled storage must not stop the user from submitting.
    }
  }

  watch(
    form,
    () => {
      if (!active) return;
      clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_DELAY_MS);
    },
    { deep: true },
  );

  // The debounce must not cost the last keystrokes when the window goes away.
  window.addEventListener('pagehide', saveNow);
  onScopeDispose(() => {
    saveNow();
    window.removeEventListener('pagehide', saveNow);
  });

  /** Fills the form from the stored draft and starts saving; returns when the draft was saved, or null if there was none. */
  function restore(base: ReportForm): number | null {
    const stored = parse(localStorage.getItem(key()), base);
    const usable = stored && hasContent(stored.form) ? stored : null;
    Object.assign(form, usable ? usable.form : base);
    active = true;
    return usable ? usable.savedAt : null;
  }

  function discard(base: ReportForm): void {
    clearTimeout(timer);
    localStorage.removeItem(key());
    Object.assign(form, base);
  }

  /** Writes what is there and stops saving (the dialog closed). */
  function pause(): void {
    saveNow();
    active = false;
  }

  /** After a successful submit: nothing to keep. */
  function clear(base: ReportForm): void {
    active = false;
    discard(base);
  }

  return { restore, discard, pause, clear };
}
