import type { importMethods } from '../../../core/api/contracts/import';
import type { HandlersFor } from '../handlerTypes';

export const importHandlers: HandlersFor<keyof typeof importMethods> = {};
