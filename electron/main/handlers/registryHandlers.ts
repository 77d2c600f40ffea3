import type { registryMethods } from '../../../core/api/contracts/registry';
import type { HandlersFor } from '../handlerTypes';

export const registryHandlers: HandlersFor<keyof typeof registryMethods> = {};
