import type { importMethods } from '../../../core/api/contracts/import';
import type { HandlersFor } from '../handlerTypes';
import { historyImportHandlers } from './historyImport';
import { onboardingConfirmHandler, onboardingDryRunHandler, onboardingTemplateHandler } from './onboarding';

export const importHandlers: HandlersFor<keyof typeof importMethods> = {
  'onboarding.template': onboardingTemplateHandler,
  'onboarding.dryRun': onboardingDryRunHandler,
  'onboarding.confirm': onboardingConfirmHandler,
  ...historyImportHandlers,
};
