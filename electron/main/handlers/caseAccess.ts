import { ApiError } from '../../../core/api/errors';
import type { SessionUser } from '../../../core/api/types';
import type { CaseState } from '../../../core/workflow/state';
import type { CaseScope } from '../../../db/repositories/caseQueries';

/** The slice of the queue a role sees: a department its own cases, a grid worker the grid's, an organisation those referred to it. */
export function scopeOf(user: SessionUser): CaseScope {
  if (user.role === 'department_staff') {
    if (!user.departmentId) throw new ApiError('FORBIDDEN', '账号未绑定部门，请联系管理员');
    return { kind: 'department', departmentId: user.departmentId };
  }
  if (user.role === 'grid_worker') {
    if (!user.regionId) throw new ApiError('FORBIDDEN', '账号未绑定网格，请联系管理员');
    return { kind: 'grid', gridId: user.regionId, ...(user.gridIds && user.gridIds.length > 1 ? { gridIds: user.gridIds } : {}) };
  }
  if (user.role === 'organisation_staff') {
    if (!user.organisationId) throw new ApiError('FORBIDDEN', '账号未绑定社会组织，请联系管理员');
    return { kind: 'organisation', organisationId: user.organisationId };
  }
  return { kind: 'all' };
}

export function inScope(state: CaseState, scope: CaseScope): boolean {
  if (scope.kind === 'department') return state.departmentIds.includes(scope.departmentId);
  if (scope.kind === 'organisation') return state.handler === 'organisation' && state.organisationId === scope.organisationId;
  if (scope.kind === 'grid') return state.gridId === scope.gridId || (scope.gridIds?.includes(state.gridId) ?? false);
  return true;
}

/** Out of scope reads as not found: a user learns nothing about cases that are not theirs. */
export function assertVisible(state: CaseState | null, user: SessionUser): CaseState {
  if (!state || !inScope(state, scopeOf(user))) throw new ApiError('NOT_FOUND', '案件不存在或无权查看');
  return state;
}
