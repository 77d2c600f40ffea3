import type { SessionUser } from '../api/types';
import type { Actor } from './decide';

/** The workflow's view of a signed-in user: one mapping for decide() and for the moves the detail pane offers. */
export const actorOf = (user: SessionUser): Actor => ({
  id: user.id,
  role: user.role,
  departmentId: user.departmentId,
  gridId: user.regionId,
  ...(user.gridIds ? { gridIds: user.gridIds } : {}),
  ...(user.organisationId ? { organisationId: user.organisationId } : {}),
});
