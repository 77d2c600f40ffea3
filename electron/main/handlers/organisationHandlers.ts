import type { organisationMethods } from '../../../core/api/contracts/organisations';
import type { HandlersFor } from '../handlerTypes';
import { monthOf, periodBounds } from '../services/dashboard';
import { participationBoard } from '../services/participation';

export const organisationHandlers: HandlersFor<keyof typeof organisationMethods> = {
  'organisations.participation': async ({ period }, { backend }) =>
    participationBoard(backend.knex, periodBounds(period ?? monthOf(backend.now()))),
};
