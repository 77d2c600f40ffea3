/**
 * User accounts as a form or an Excel row gives them, and the one validator for both.
 * Departments and grids are named by id here; an importer resolves its codes first.
 */
import { ROLES, type Role } from '../domain/roles';
import { passwordFault } from './password';
import { duplicateKeyFaults, normalisePhone, phoneFault, textFault, type RecordFault } from './records';

export interface UserRecord {
  /** Set when a form edits a stored account; otherwise accounts are matched by username. */
  id?: string;
  username: string;
  displayName: string;
  role: Role;
  phone?: string;
  departmentId?: string | null;
  /** The social organisation an organisation_staff account speaks for. */
  organisationId?: string | null;
  /** The grids a grid worker covers; the first is the home grid. */
  gridIds?: string[];
  /** 网格长: leads the grids they cover. */
  gridLeader?: boolean;
  active?: boolean;
  /** Required for a new account; the user must change it at first login. */
  password?: string;
}

export interface UserRules {
  /** Stored accounts: id and username. */
  stored: ReadonlyArray<{ id: string; username: string }>;
  /** Departments that take staff (active ones). */
  departmentIds: ReadonlySet<string>;
  /** Grids that take grid workers (active grid-level regions). */
  gridIds: ReadonlySet<string>;
  /** Social organisations that take staff accounts (active ones); absent: no organisation accounts checked. */
  organisationIds?: ReadonlySet<string>;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{2,64}$/;

export function cleanUser(r: UserRecord): UserRecord {
  return {
    ...r,
    username: r.username.trim(),
    displayName: r.displayName.trim(),
    ...(r.phone !== undefined ? { phone: normalisePhone(r.phone) } : {}),
    ...(r.gridIds !== undefined ? { gridIds: [...new Set(r.gridIds)] } : {}),
  };
}

/** Every fault of a batch of (cleaned) user records. */
export function validateUserRecords(records: readonly UserRecord[], rules: UserRules): RecordFault[] {
  const faults = duplicateKeyFaults(records.map((r) => r.username), 'username', '用户名');
  const byName = new Map(rules.stored.map((s) => [s.username.toLowerCase(), s]));
  const ids = new Set(rules.stored.map((s) => s.id));
  records.forEach((r, index) => {
    const add = (field: string, reason: string | null) => reason && faults.push({ index, key: r.username, field, reason });
    if (!USERNAME_PATTERN.test(r.username)) add('username', '用户名为 2–64 位字母、数字或 _ . @ -');
    const holder = byName.get(r.username.toLowerCase());
    if (r.id !== undefined && !ids.has(r.id)) add('id', '要修改的账号不存在');
    if (r.id !== undefined && holder && holder.id !== r.id) add('username', `用户名"${r.username}"已被使用`);
    const isNew = r.id === undefined && !holder;
    add('displayName', textFault('姓名', r.displayName, 32, true));
    if (!ROLES.includes(r.role)) add('role', `角色"${String(r.role)}"不存在`);
    add('phone', phoneFault(r.phone ?? ''));
    if (r.role === 'department_staff') {
      if (!r.departmentId) add('departmentId', '部门人员须指定所属部门');
      else if (!rules.departmentIds.has(r.departmentId)) add('departmentId', '所属部门不存在或已停用');
    } else if (r.departmentId) add('departmentId', '只有部门人员可以指定所属部门');
    if (r.role === 'organisation_staff') {
      if (!r.organisationId) add('organisationId', '社会组织人员须指定所属社会组织');
      else if (!(rules.organisationIds?.has(r.organisationId) ?? false)) add('organisationId', '所属社会组织不存在或已停用');
    } else if (r.organisationId) add('organisationId', '只有社会组织人员可以指定所属社会组织');
    const grids = r.gridIds ?? [];
    if (r.role === 'grid_worker') {
      if (grids.length === 0) add('gridIds', '网格员须指定至少一个网格');
      else if (grids.some((g) => !rules.gridIds.has(g))) add('gridIds', '所选网格不存在或已停用');
    } else {
      if (grids.length > 0) add('gridIds', '只有网格员可以指定网格');
      if (r.gridLeader) add('gridLeader', '只有网格员可以担任网格长');
    }
    if (r.password !== undefined) add('password', passwordFault(r.password, r.username));
    else if (isNew) add('password', '新账号须设置初始密码');
  });
  return faults.sort((a, b) => a.index - b.index);
}
