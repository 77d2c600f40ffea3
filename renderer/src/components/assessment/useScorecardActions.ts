import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import type { PeriodSpec } from '@core/assessment/periods';
import type { RunSummary } from '@core/api/assessmentTypes';
import { call } from '../../api/client';
import { showError } from '../../utils/errors';
import { downloadFile } from './download';

interface ScorecardState {
  period: Ref<PeriodSpec>;
  schemeId: Ref<string | undefined>;
  /** The saved run on screen; null for the live computation. */
  run: Ref<RunSummary | null>;
  periodText: () => string;
  /** Shows a saved run (and refreshes the runs list). */
  openRun: (id: string) => Promise<void>;
}

/** The toolbar's moves: recompute a draft, publish it frozen, export the shown run, print. */
export function useScorecardActions(s: ScorecardState) {
  const { t } = useI18n();
  const busy = ref<'compute' | 'publish' | 'export' | null>(null);

  async function computeDraft(): Promise<RunSummary> {
    return call('assessment.compute', { period: s.period.value, ...(s.schemeId.value ? { schemeId: s.schemeId.value } : {}) });
  }

  async function compute(): Promise<void> {
    busy.value = 'compute';
    try {
      const run = await computeDraft();
      await s.openRun(run.id);
      ElMessage.success({ message: t('assessment.actions.computed'), grouping: true });
    } catch (error) {
      showError(error);
    } finally {
      busy.value = null;
    }
  }

  async function publish(): Promise<void> {
    try {
      await ElMessageBox.confirm(t('assessment.actions.publishConfirm', { period: s.periodText() }), t('assessment.actions.publishTitle'), {
        confirmButtonText: t('assessment.actions.publishOk'),
        cancelButtonText: t('assessment.actions.cancel'),
        type: 'warning',
      });
    } catch {
      return;
    }
    busy.value = 'publish';
    try {
      // Publishing scores the period again from a draft's period and scheme; a live view first becomes a draft.
      const draft = s.run.value?.status === 'draft' ? s.run.value : await computeDraft();
      const published = await call('assessment.publish', { id: draft.id });
      await s.openRun(published.id);
      ElMessage.success({ message: t('assessment.actions.published'), grouping: true });
    } catch (error) {
      showError(error);
    } finally {
      busy.value = null;
    }
  }

  /** Exports the run on screen; a live view is saved as a draft first when the user may compute. */
  async function exportExcel(): Promise<void> {
    busy.value = 'export';
    try {
      let run = s.run.value;
      if (!run) {
        run = await computeDraft();
        await s.openRun(run.id);
      }
      const file = await call('assessment.export', { runId: run.id });
      downloadFile(file);
      ElMessage.success({ message: t('assessment.actions.exported', { name: file.name }), grouping: true });
    } catch (error) {
      showError(error);
    } finally {
      busy.value = null;
    }
  }

  const print = () => window.print();

  return { busy, compute, publish, exportExcel, print };
}
