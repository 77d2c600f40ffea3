import type { securityMethods } from '../../../core/api/contracts/security';
import type { HandlersFor } from '../handlerTypes';
import { logoutEverywhere } from './security';

export const securityHandlers: HandlersFor<keyof typeof securityMethods> = {
  'auth.logoutEverywhere': logoutEverywhere,
};
