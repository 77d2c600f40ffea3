import type { adminMethods } from '../../../core/api/contracts/admin';
import type { HandlersFor } from '../handlerTypes';

export const adminHandlers: HandlersFor<keyof typeof adminMethods> = {};
