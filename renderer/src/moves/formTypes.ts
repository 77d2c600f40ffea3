import type { CaseWithHistory } from '@core/api/types';
import type { Move, MoveName } from '@core/workflow/moves';

/** What a click elsewhere can pre-fill in a move's form: a suggested category, a duplicate's main case. */
export interface MovePreset {
  categoryId?: string;
  intoCaseId?: string;
}

export interface MoveFormProps {
  detail: CaseWithHistory;
  move: MoveName;
  preset?: MovePreset;
}

/** Every move form exposes this: validate, then hand back the move to send (null when invalid). */
export interface MoveFormApi {
  build(): Promise<Move | null>;
  /** True while photos are still uploading: the dialog waits. */
  busy?: () => boolean;
}

export const NOTE_MAX = 500;
export const HANDLE_NOTE_MAX = 1000;
