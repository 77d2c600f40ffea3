import type { TargetKind } from '@core/assessment/indicators';
import type { LedgerEntry } from '@core/api/assessmentTypes';
import type { SessionUser } from '@core/api/types';
import type { Role } from '@core/domain/roles';

/** Mirrors core/api/contract.ts: the server checks again, these only decide what to show. */
export const ASSESSORS: readonly Role[] = ['admin', 'leader', 'shift_leader', 'dispatcher'];
export const SELF_ASSESSED: readonly Role[] = ['department_staff', 'grid_worker'];
export const LEDGER_READERS: readonly Role[] = [...ASSESSORS, ...SELF_ASSESSED];
const COMPUTERS: readonly Role[] = ['admin', 'leader', 'shift_leader'];

const has = (roles: readonly Role[], role: Role | undefined) => role !== undefined && roles.includes(role);
export const canAssess = (role: Role | undefined) => has(ASSESSORS, role);
export const canCompute = (role: Role | undefined) => has(COMPUTERS, role);
export const canPublish = (role: Role | undefined) => role === 'leader';
export const canEditSchemes = (role: Role | undefined) => role === 'admin';
export const canReadLedger = (role: Role | undefined) => has(LEDGER_READERS, role);
export const canDecide = (role: Role | undefined) => role === 'leader';
export const isSelfAssessed = (role: Role | undefined) => has(SELF_ASSESSED, role);

/** The target a department's staff or a grid worker answers for: their own record. */
export function ownTarget(user: SessionUser | null): { kind: TargetKind; id: string } | null {
  if (user?.role === 'department_staff' && user.departmentId) return { kind: 'department', id: user.departmentId };
  if (user?.role === 'grid_worker') return { kind: 'grid_worker', id: user.id };
  return null;
}

/** A grid leader (网格长) also answers for their grid as a unit: the `grid` target of their home grid. */
export function ledGrid(user: SessionUser | null): { kind: TargetKind; id: string } | null {
  const grid = user?.role === 'grid_worker' && user.gridLeader ? user.gridIds?.[0] ?? user.regionId : null;
  return grid ? { kind: 'grid', id: grid } : null;
}

/** Who may appeal an entry (ledger.appeal): the target's own people; the command centre for the street's entries. */
export function canAppeal(user: SessionUser | null, entry: LedgerEntry): boolean {
  if (!user || entry.status !== 'open') return false;
  if (user.role === 'department_staff') return entry.target.kind === 'department' && entry.target.id === user.departmentId;
  if (user.role === 'grid_worker') return entry.target.kind === 'grid_worker' && entry.target.id === user.id;
  if (user.role === 'dispatcher' || user.role === 'shift_leader') return entry.target.kind === 'street';
  return false;
}
