import { ref } from 'vue';
import { ElMessageBox } from 'element-plus';
import type { CaseWithHistory } from '@core/api/types';
import type { Move } from '@core/workflow/moves';
import { call, ClientError } from '../api/client';
import { i18n } from '../i18n';
import { errorText, showError } from '../utils/errors';

/** What became of a move: made, refused by the rules (with the server's Chinese reason), or not made. */
export type MoveOutcome =
  | { kind: 'done'; result: CaseWithHistory }
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict' }
  | { kind: 'failed' };

/**
 * Sends one move on the case the user is looking at. The move carries the newest event the user
 * saw, so a move made on a stale view is refused as a conflict and the case reloaded.
 */
export function useMoveSubmit(reload: () => Promise<void>) {
  const busy = ref(false);

  async function submit(detail: CaseWithHistory, move: Move): Promise<MoveOutcome> {
    if (busy.value) return { kind: 'failed' };
    busy.value = true;
    try {
      const result = await call('cases.move', { id: detail.case.id, move, expectedLastEventId: detail.case.lastEventId });
      return { kind: 'done', result };
    } catch (error) {
      if (!(error instanceof ClientError)) {
        showError(error);
        return { kind: 'failed' };
      }
      if (error.code === 'INVALID_MOVE') return { kind: 'refused', message: errorText(error) };
      if (error.code === 'VALIDATION_FAILED') return { kind: 'invalid', message: errorText(error) };
      if (error.code === 'CONFLICT') {
        await reload();
        await ElMessageBox.alert(errorText(error), i18n.global.t('moves.conflictTitle'), { type: 'warning' }).catch(() => undefined);
        return { kind: 'conflict' };
      }
      showError(error);
      return { kind: 'failed' };
    } finally {
      busy.value = false;
    }
  }

  return { busy, submit };
}

/** A refusal of a move made without a dialog: shown as an alert the user has to acknowledge. */
export function alertRefusal(moveLabel: string, message: string): Promise<unknown> {
  return ElMessageBox.alert(message, i18n.global.t('moves.refusedTitle', { move: moveLabel }), {
    type: 'error',
    confirmButtonText: i18n.global.t('moves.understood'),
  }).catch(() => undefined);
}
