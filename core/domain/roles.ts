export const ROLES = ['admin', 'dispatcher', 'shift_leader', 'leader', 'department_staff', 'grid_worker', 'organisation_staff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  dispatcher: '调度员',
  shift_leader: '值班长',
  leader: '领导',
  department_staff: '部门人员',
  grid_worker: '网格员',
  organisation_staff: '社会组织人员',
};

/** Roles that work the whole street office's queue rather than a slice of it. */
export const COMMAND_CENTRE_ROLES: readonly Role[] = ['admin', 'dispatcher', 'shift_leader', 'leader'];
