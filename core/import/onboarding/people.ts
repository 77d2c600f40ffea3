/** The users template (用户) and how one of its rows becomes an account draft (codes not yet resolved). */
import { cellText } from '../cells';
import { ROLE_LABELS, type Role } from '../../domain/roles';
import { ACTIVE_WORDS, type KindSpec, type RowReader } from './columns';

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  phone?: string;
  /** Department code (部门人员). */
  departmentCode?: string;
  /** Grid codes a grid worker covers, the home grid first. */
  gridCodes?: string[];
  gridLeader?: boolean;
  active?: boolean;
}

export const USERS_SPEC: KindSpec = {
  kind: 'users',
  sheet: '用户',
  label: '用户',
  columns: [
    { field: 'username', header: '用户名', required: true, aliases: ['登录名', '账号'], note: '登录用的名字：2–64 位字母、数字或 _ . @ -，不能重复。再次导入时按用户名对应已有账号', width: 16 },
    { field: 'displayName', header: '姓名', required: true, note: '真实姓名，最多 32 个字', width: 12 },
    { field: 'role', header: '角色', required: true, note: `${Object.values(ROLE_LABELS).join('、')} 之一`, width: 12, choices: Object.values(ROLE_LABELS) },
    { field: 'phone', header: '手机号', required: false, aliases: ['电话', '联系电话'], note: '11 位手机号或座机号（如 023-67891234）', width: 16 },
    { field: 'departmentId', header: '所属部门编码', required: false, aliases: ['部门编码'], note: '部门人员必填：部门导入表或“部门”页中的编码', width: 14 },
    { field: 'gridIds', header: '负责网格编码', required: false, aliases: ['网格编码'], note: '网格员必填：15 位网格编码；负责多个网格时用顿号“、”分隔，第一个为所在网格', width: 34 },
    { field: 'gridLeader', header: '网格长', required: false, note: '网格员是否担任网格长：是 / 否（空 = 否）', width: 8, choices: ['是', '否'] },
    { field: 'active', header: '状态', required: false, note: '启用 / 停用（空 = 启用；已有账号保持原状态）', width: 8, choices: ['启用', '停用'] },
  ],
  examples: [
    { username: 'zhangwei', displayName: '张伟', role: '调度员', phone: '13800138000', active: '启用' },
    { username: 'liuyang', displayName: '刘洋', role: '部门人员', phone: '023-67891234', departmentId: 'D01' },
    { username: 'chenjing', displayName: '陈静', role: '网格员', phone: '13900139000', gridIds: '500112001001001、500112001001002', gridLeader: '是' },
  ],
};

export function readUserRow(row: RowReader): UserDraft | null {
  const username = row.text('username');
  const displayName = row.text('displayName');
  const role = row.choice('role', ROLE_LABELS, { 网格长: 'grid_worker', 管理员: 'admin', 部门工作人员: 'department_staff' });
  const phone = row.text('phone');
  const departmentCode = row.text('departmentId');
  const gridCodes = row.list('gridIds');
  const gridLeader = row.flag('gridLeader') ?? (cellText(row.raw('role')).trim() === '网格长' ? true : undefined);
  const active = row.flag('active', ACTIVE_WORDS.yes, ACTIVE_WORDS.no);
  if (username === undefined || displayName === undefined || role === undefined) return null;
  return {
    username, displayName, role,
    ...(phone !== undefined ? { phone } : {}),
    ...(departmentCode !== undefined ? { departmentCode } : {}),
    ...(gridCodes !== undefined ? { gridCodes } : {}),
    ...(gridLeader !== undefined ? { gridLeader } : {}),
    ...(active !== undefined ? { active } : {}),
  };
}
