import { z } from 'zod';
import { RECORD_KINDS, TAG_CODES } from '../registry/tags';
import { REGISTER_SHEET_KINDS } from '../registry/sheetKinds';
import { normaliseIdNumber, normalisePhone, validIdNumber } from '../registry/access';
import { epochMs, id, nonBlank } from './schemas';

const short = (max: number) => z.string().trim().max(max, { message: `不能超过 ${max} 个字符` }).default('');
const page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) };

export const idNumber = z
  .string()
  .transform(normaliseIdNumber)
  .refine(validIdNumber, { message: '身份证号码不正确（18 位，末位校验码不符）' });
export const phone = z
  .string()
  .transform(normalisePhone)
  .refine((p) => p === '' || /^\d{7,12}$/.test(p), { message: '电话号码应为 7–12 位数字' });
const tags = z.array(z.enum(TAG_CODES as [string, ...string[]], { message: '未知的人群标签' })).max(TAG_CODES.length).default([]);

export const residentListInput = z.strictObject({
  gridId: id.optional(),
  building: z.string().trim().max(64).optional(),
  name: z.string().trim().max(32).optional(),
  /** A full phone number or ID number: found through its keyed hash. */
  lookup: z.string().trim().max(32).optional(),
  ...page,
});

export const residentInput = z.strictObject({
  id: id.optional(),
  gridId: id,
  name: nonBlank(32),
  idNumber,
  phone: phone.default(''),
  building: nonBlank(64),
  unit: short(16),
  room: short(16),
  householdCode: short(32),
  relation: short(16),
  tags,
  note: short(200),
});

export const residentExportInput = z.strictObject({
  gridId: id.optional(),
  building: z.string().trim().max(64).optional(),
  name: z.string().trim().max(32).optional(),
});

export const revealInput = z.strictObject({
  id,
  reason: z.string().trim().min(4, { message: '请写明查看原因（至少 4 个字）' }).max(200),
});

export const placeListInput = z.strictObject({ gridId: id.optional(), building: z.string().trim().max(64).optional(), ...page });

export const houseInput = z.strictObject({
  id: id.optional(),
  gridId: id,
  code: nonBlank(32),
  building: nonBlank(64),
  unit: short(16),
  room: short(16),
  use: z.enum(['residential', 'commercial', 'mixed', 'other']).default('residential'),
  occupancy: z.enum(['owner', 'rented', 'vacant']).default('owner'),
  ownerName: short(32),
});

export const componentInput = z.strictObject({
  id: id.optional(),
  gridId: id,
  code: nonBlank(32),
  kind: z.enum(['manhole', 'street_lamp', 'hydrant', 'signboard', 'other']),
  address: short(128),
  lng: z.number().min(73).max(136).nullable().default(null),
  lat: z.number().min(3).max(54).nullable().default(null),
  condition: z.enum(['good', 'damaged', 'missing']).default('good'),
});

export const dueListInput = z.strictObject({
  gridId: id.optional(),
  kind: z.enum(RECORD_KINDS).optional(),
  /** Include records due within this many days; 0 = overdue and due today only. */
  withinDays: z.number().int().min(0).max(90).default(7),
  limit: z.number().int().min(1).max(500).default(100),
});

export const verifyInput = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  id,
  outcome: z.enum(['confirmed', 'changed', 'moved_out']),
  /** For 'changed': the fields that changed (resident: phone/address/tags; house: occupancy/owner; component: condition). */
  changes: z
    .strictObject({
      phone: phone.optional(),
      building: z.string().trim().min(1).max(64).optional(),
      unit: z.string().trim().max(16).optional(),
      room: z.string().trim().max(16).optional(),
      tags: tags.optional(),
      occupancy: z.enum(['owner', 'rented', 'vacant']).optional(),
      ownerName: z.string().trim().max(32).optional(),
      condition: z.enum(['good', 'damaged', 'missing']).optional(),
    })
    .default({}),
});

export const freshnessInput = z.strictObject({
  from: epochMs,
  to: epochMs,
  by: z.enum(['grid', 'grid_worker']).default('grid'),
});

export const freshnessDrillInput = z.strictObject({ gridId: id, from: epochMs, to: epochMs });

export const viewLogInput = z.strictObject({ id, ...page });

export const atCaseInput = z.strictObject({ caseId: id });

/** A residents sheet (.xlsx or .csv) as base64; 64 MB of file is about 90 million base64 characters. */
export const residentImportInput = z.strictObject({
  fileName: z.string().trim().min(1, { message: '缺少文件名' }).max(255, { message: '文件名过长' }),
  dataBase64: z.string().min(1, { message: '文件是空的' }).max(90_000_000, { message: '文件超过 64 MB：请分成几个文件导入' }),
  /** true: check and count only; false: write all rows, or none when any row has an issue. */
  dryRun: z.boolean().default(true),
});

/** Which register a template, an import or an export is about. */
export const registerKind = z.enum(REGISTER_SHEET_KINDS, { message: '未知的登记类型' });

export const registerTemplateInput = z.strictObject({ kind: registerKind });

/** Any register's sheet: the residents' input with the kind. */
export const registerImportInput = residentImportInput.extend({ kind: registerKind });

/** Any register's list as the user sees it; building and name filter only where the register has them. */
export const registerExportInput = residentExportInput.extend({ kind: registerKind });
