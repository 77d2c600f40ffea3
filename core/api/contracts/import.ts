// Excel onboarding and history import (issue 9).
// import { method } from '../method';
import { historyImportMethods } from './historyImport';

export const importMethods = {
  ...historyImportMethods,
} as const;
