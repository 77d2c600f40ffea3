import { v7 as uuidv7 } from 'uuid';
import type { DemoLogin } from '../../core/api/types';
import type { Role } from '../../core/domain/roles';
import type { Actor } from '../../core/workflow/decide';
import { DEMO_SCRYPT_N, hashPassword } from '../repositories/users';
import type { WriteTx } from '../writePath';
import type { Random } from './random';
import type { SeededGrid } from './regions';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoPeople {
  dispatchers: Actor[];
  shiftLeaders: Actor[];
  leaders: Actor[];
  departmentStaff: Map<string, Actor>;
  gridWorkers: Map<string, Actor>;
  /** Each social organisation's contact account, by organisation id. */
  organisationStaff: Map<string, Actor>;
  logins: DemoLogin[];
}

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string;
  regionId?: string;
  organisationId?: string;
}

/** The demo office's staff: one login per role is listed in the README. */
export async function writeDemoPeople(
  tx: WriteTx,
  rng: Random,
  names: { surnames: readonly string[]; givenNames: readonly string[] },
  departments: { id: string; code: string; shortName: string }[],
  grids: SeededGrid[],
  organisations: { id: string; code: string; name: string }[] = [],
): Promise<DemoPeople> {
  const person = () => rng.pick(names.surnames) + rng.pick(names.givenNames);
  const users: NewUser[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin' },
    { username: 'dispatcher', displayName: '李敏', role: 'dispatcher' },
    { username: 'dispatcher2', displayName: person(), role: 'dispatcher' },
    { username: 'dispatcher3', displayName: person(), role: 'dispatcher' },
    { username: 'shiftlead', displayName: '王建国', role: 'shift_leader' },
    { username: 'shiftlead2', displayName: person(), role: 'shift_leader' },
    { username: 'leader', displayName: '陈志远', role: 'leader' },
  ];
  for (const d of departments) {
    users.push({ username: `dept-${d.code.toLowerCase()}`, displayName: `${person()}（${d.shortName}）`, role: 'department_staff', departmentId: d.id });
  }
  for (const g of grids) {
    users.push({ username: `gw${g.code.slice(6)}`, displayName: person(), role: 'grid_worker', regionId: g.id });
  }
  for (const o of organisations) {
    users.push({ username: `org-${o.code.toLowerCase()}`, displayName: `${person()}（${o.name}）`, role: 'organisation_staff', organisationId: o.id });
  }
  // Each account its own salt, like any password (issue 13); at the demo cost, raised on first sign-in.
  const withIds: (NewUser & { id: string; passwordHash: string })[] = [];
  for (const u of users) withIds.push({ ...u, id: uuidv7(), passwordHash: await hashPassword(DEMO_PASSWORD, { N: DEMO_SCRYPT_N }) });
  await tx.insert('users', withIds.map((u) => ({
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    password_hash: u.passwordHash,
    department_id: u.departmentId ?? null,
    region_id: u.regionId ?? null,
    organisation_id: u.organisationId ?? null,
  })));

  const actor = (u: (typeof withIds)[number]): Actor => ({
    id: u.id, role: u.role, departmentId: u.departmentId ?? null, gridId: u.regionId ?? null, ...(u.organisationId ? { organisationId: u.organisationId } : {}),
  });
  const ofRole = (role: Role) => withIds.filter((u) => u.role === role);
  const listed = ['admin', 'dispatcher', 'shiftlead', 'leader', 'dept-d02', `gw${grids[0]!.code.slice(6)}`, ...organisations.slice(0, 1).map((o) => `org-${o.code.toLowerCase()}`)];
  return {
    dispatchers: ofRole('dispatcher').map(actor),
    shiftLeaders: ofRole('shift_leader').map(actor),
    leaders: ofRole('leader').map(actor),
    departmentStaff: new Map(ofRole('department_staff').map((u) => [u.departmentId!, actor(u)])),
    gridWorkers: new Map(ofRole('grid_worker').map((u) => [u.regionId!, actor(u)])),
    organisationStaff: new Map(ofRole('organisation_staff').map((u) => [u.organisationId!, actor(u)])),
    logins: withIds
      .filter((u) => listed.includes(u.username))
      .map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role, displayName: u.displayName })),
  };
}
