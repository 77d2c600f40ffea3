/**
 * Inputs of the administration methods. Sizes and shapes only: the rules and their Chinese
 * messages live in core/admin (one set for forms and imports alike).
 */
import { z } from 'zod';
import { LIMIT_UNITS } from '../calendar/types';
import { PRIORITIES, TIMED_STAGES } from '../domain/case';
import { ROLES } from '../domain/roles';
import { MATTER_KINDS } from '../admin/catalogue';
import { SETUP_STEPS } from '../admin/checklist';
import { id } from './schemas';

const text = (max: number) => z.string().max(max, { message: `不能超过 ${max} 个字符` });

export const userSaveInput = z.strictObject({
  id: id.optional(),
  username: text(64),
  displayName: text(32),
  role: z.enum(ROLES, { message: '角色不存在' }),
  phone: text(32).optional(),
  departmentId: id.nullable().optional(),
  organisationId: id.nullable().optional(),
  gridIds: z.array(id).max(50).optional(),
  gridLeader: z.boolean().optional(),
  active: z.boolean().optional(),
  password: text(128).optional(),
});

export const userSetActiveInput = z.strictObject({ id, active: z.boolean() });
export const userResetPasswordInput = z.strictObject({ id, password: text(128) });
export const changePasswordInput = z.strictObject({ currentPassword: text(256), newPassword: text(128) });

export const departmentSaveInput = z.strictObject({
  id: id.optional(),
  code: text(16),
  name: text(64),
  shortName: text(16).optional(),
  vertical: z.boolean().optional(),
  contactPerson: text(32).optional(),
  phone: text(32).optional(),
  dutyHours: text(64).optional(),
  active: z.boolean().optional(),
});

export const organisationSaveInput = z.strictObject({
  id: id.optional(),
  code: text(16),
  name: text(64),
  kind: text(24).optional(),
  services: z.array(text(32)).max(30).optional(),
  contactName: text(32).optional(),
  contactPhone: text(32).optional(),
  address: text(128).optional(),
  dutyHours: text(64).optional(),
  areaRegionIds: z.array(id).max(200).optional(),
  capacity: z.number({ message: '承接能力应为数字' }).optional(),
  active: z.boolean().optional(),
});

const limit = z.strictObject({ amount: z.number({ message: '时限应为数字' }).positive({ message: '时限应大于 0' }).max(365), unit: z.enum(LIMIT_UNITS) });

export const categorySaveInput = z.strictObject({
  id: id.optional(),
  code: text(4),
  majorName: text(32),
  name: text(64),
  filingCriteria: text(1000),
  closingCriteria: text(1000),
  keywords: z.array(text(16)).max(60),
  departmentId: id.nullable(),
  limits: z.strictObject(Object.fromEntries(TIMED_STAGES.map((s) => [s, limit])) as Record<(typeof TIMED_STAGES)[number], typeof limit>),
  gridAdmissible: z.boolean(),
  matterKind: z.enum(MATTER_KINDS).nullable(),
  priority: z.enum(PRIORITIES),
}).refine((v) => !(v.matterKind && v.gridAdmissible), { message: '许可、审批、执法、办证类事项不能列入网格准入清单', path: ['gridAdmissible'] });

export const calendarYearInput = z.strictObject({ year: z.number().int().min(2000).max(2100) });

export const calendarSaveInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  days: z.array(z.strictObject({ date: text(16), kind: z.enum(['holiday', 'workday']), name: text(32) })).max(366),
});

export const checklistUpdateInput = z.strictObject({
  skipped: z.array(z.enum(SETUP_STEPS)).max(SETUP_STEPS.length).optional(),
  dismissed: z.boolean().optional(),
});

/** The rotation's confirmation: the admin types 轮换 in the dialog, so a stray click does not start it. */
export const keyRotateInput = z.strictObject({ confirm: z.literal('轮换', { message: '请输入「轮换」以确认' }) });
