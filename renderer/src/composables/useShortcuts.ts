import { onBeforeUnmount, onMounted } from 'vue';

/** A key the desk answers to; `key` as KeyboardEvent.key, letters matched case-insensitively. */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

/** Typing somewhere, or a dialog, menu or preview open: single-key shortcuts must stay out of the way. */
function shortcutsBlocked(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"], .el-select, .el-cascader')) return true;
  // Enter on a focused button or link belongs to that control.
  if (event.key === 'Enter' && target?.closest('button, a, [role="button"], [role="tab"]')) return true;
  // An overlay fading out after its dialog closed no longer counts: a fast F-then-D must not lose the D.
  // Escape is the exception: the Escape that closed the dialog reaches us too, and must not also close the case.
  return [...document.querySelectorAll('.el-overlay, .el-image-viewer__wrapper')].some(
    (el) => el.getClientRects().length > 0 && (event.key === 'Escape' || !String(el.className).includes('leave-active')),
  );
}

/**
 * Registers single-key shortcuts while the component lives. A handler returning false lets the
 * key through (the key did not apply); anything else consumes it.
 */
export function useShortcuts(handlers: () => Record<string, ShortcutHandler>): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || shortcutsBlocked(event)) return;
    const map = handlers();
    const handler = map[event.key] ?? map[event.key.toLowerCase()] ?? map[event.key.toUpperCase()];
    if (!handler) return;
    if (handler(event) === false) return;
    event.preventDefault();
  }
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
