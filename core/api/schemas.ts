import { z } from 'zod';

export const id = z.uuid({ message: '编号格式不正确' });
export const epochMs = z.number().int().nonnegative();
export const nonBlank = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过 ${max} 个字符` });

export const empty = z.strictObject({});

export const loginInput = z.strictObject({
  username: nonBlank(64),
  password: z.string().min(1, { message: '不能为空' }).max(256),
});

export const initialiseInput = z.strictObject({
  adminUsername: nonBlank(64).regex(/^[A-Za-z0-9_.-]+$/, { message: '只能包含字母、数字、下划线、点和连字符' }),
  adminPassword: z.string().min(8, { message: '密码至少 8 位' }).max(256),
  adminDisplayName: nonBlank(32),
  // The office's district (区县), the root of its region tree: grids are imported under it.
  districtCode: z.string().trim().regex(/^\d{6}$/, { message: '区县编码应为 6 位数字' }).optional(),
  districtName: z.string().trim().min(1, { message: '不能为空' }).max(64).optional(),
}).refine((v) => (v.districtCode === undefined) === (v.districtName === undefined), { message: '区县编码和名称须同时填写', path: ['districtName'] });

export const byId = z.strictObject({ id });

export const auditListInput = z.strictObject({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
  action: z.string().max(48).optional(),
});
