import type { syncMethods } from '../../../core/api/contracts/sync';
import type { HandlersFor } from '../handlerTypes';
import { syncAcknowledgeHandler, syncConflictsHandler, syncEnrolHandler, syncNowHandler, syncStatusHandler } from './sync';

export const syncHandlers: HandlersFor<keyof typeof syncMethods> = {
  'sync.status': syncStatusHandler,
  'sync.now': syncNowHandler,
  'sync.enrol': syncEnrolHandler,
  'sync.conflicts': syncConflictsHandler,
  'sync.acknowledge': syncAcknowledgeHandler,
};
