import type { securityMethods } from '../../../core/api/contracts/security';
import type { HandlersFor } from '../handlerTypes';

export const securityHandlers: HandlersFor<keyof typeof securityMethods> = {};
