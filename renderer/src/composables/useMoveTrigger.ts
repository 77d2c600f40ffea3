import { ref, type Ref } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';
import type { CaseWithHistory, DuplicateCandidate } from '@core/api/types';
import type { Move, MoveName } from '@core/workflow/moves';
import { alertRefusal, useMoveSubmit, type MoveOutcome } from './useMoveSubmit';
import { MOVE_FORM } from '../moves/moveMeta';
import type { MovePreset } from '../moves/formTypes';

/**
 * Starts a move on the shown case: a dialog when the move needs input, at once when it does
 * not. Refusals are shown where the user must see them, never swallowed.
 */
export function useMoveTrigger(data: Ref<CaseWithHistory | null>, reload: () => Promise<void>, onMoved: (result: CaseWithHistory) => void) {
  const { t } = useI18n();
  const { busy, submit } = useMoveSubmit(reload);
  const dialog = ref<{ open: boolean; move: MoveName | null; preset: MovePreset | undefined }>({ open: false, move: null, preset: undefined });

  function finished(move: MoveName, outcome: MoveOutcome): void {
    if (outcome.kind === 'done') {
      onMoved(outcome.result);
      ElMessage.success({ message: t('moves.done', { move: t(`moves.names.${move}`) }), grouping: true });
    } else if (outcome.kind === 'refused' || outcome.kind === 'invalid') {
      void alertRefusal(t(`moves.names.${move}`), outcome.message);
    }
  }

  async function makeNow(move: Move): Promise<void> {
    if (!data.value) return;
    finished(move.move, await submit(data.value, move));
  }

  function trigger(move: MoveName, preset?: MovePreset): void {
    const detail = data.value;
    if (!detail || busy.value || dialog.value.open) return;
    if (!detail.moves.includes(move)) {
      ElMessage.info({ message: t('moves.notAvailable', { move: t(`moves.names.${move}`) }), grouping: true });
      return;
    }
    if (MOVE_FORM[move]) dialog.value = { open: true, move, preset };
    else void makeNow({ move } as Move);
  }

  async function mergeInto(candidate: DuplicateCandidate): Promise<void> {
    const detail = data.value;
    if (!detail) return;
    const confirmed = await ElMessageBox.confirm(
      t('duplicates.confirm', { from: detail.case.caseNo, into: candidate.case.caseNo }),
      t('duplicates.confirmTitle'),
      { type: 'warning', confirmButtonText: t('duplicates.merge'), cancelButtonText: t('moves.cancel') },
    ).then(() => true, () => false);
    if (confirmed) await makeNow({ move: 'merge', intoCaseId: candidate.case.id });
  }

  return { busy, dialog, trigger, mergeInto };
}
