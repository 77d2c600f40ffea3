import type { MoveName } from '@core/workflow/moves';
import { useShortcuts } from './useShortcuts';
import { MOVE_SHORTCUTS } from '../moves/moveMeta';

export interface DeskKeyActions {
  step: (delta: number) => void;
  open: () => void;
  close: () => void;
  search: () => void;
  report: () => void;
  refresh: () => void;
  help: () => void;
  move: (move: MoveName) => void;
}

/** The desk's keyboard: J/K or arrows through the queue, letters for the frequent moves. */
export function useDeskKeys(actions: DeskKeyActions): void {
  const moveKeys = Object.fromEntries(
    (Object.entries(MOVE_SHORTCUTS) as Array<[MoveName, string]>).map(([move, key]) => [key.toLowerCase(), () => actions.move(move)]),
  );
  useShortcuts(() => ({
    j: () => actions.step(1),
    ArrowDown: () => actions.step(1),
    k: () => actions.step(-1),
    ArrowUp: () => actions.step(-1),
    Enter: actions.open,
    Escape: actions.close,
    '/': actions.search,
    n: actions.report,
    r: actions.refresh,
    '?': actions.help,
    ...moveKeys,
  }));
}
