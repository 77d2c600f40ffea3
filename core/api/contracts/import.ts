// Excel onboarding and history import (issue 9).
import type { ExportFile } from '../assessmentTypes';
import { method } from '../method';
import * as o from '../onboardingSchemas';
import type { OnboardingOutcome } from '../onboardingTypes';
import { historyImportMethods } from './historyImport';

export const importMethods = {
  // onboarding (Excel lists of users, regions, departments, organisations, categories)
  'onboarding.template': method<ExportFile>()({ input: o.onboardingTemplateInput, access: ['admin'] }),
  'onboarding.dryRun': method<OnboardingOutcome>()({ input: o.onboardingFileInput, access: ['admin'] }),
  'onboarding.confirm': method<OnboardingOutcome>()({ input: o.onboardingFileInput, access: ['admin'] }),
  // history import of past cases
  ...historyImportMethods,
} as const;
