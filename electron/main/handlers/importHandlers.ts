import type { importMethods } from '../../../core/api/contracts/import';
import type { HandlersFor } from '../handlerTypes';
import { historyImportHandlers } from './historyImport';

export const importHandlers: HandlersFor<keyof typeof importMethods> = {
  ...historyImportHandlers,
};
