import { z } from 'zod';
import { LIMIT_UNITS } from '../calendar/types';
import { CASE_SOURCES, CASE_STATUSES, HANDLING_RESULTS, PRIORITIES, SATISFACTION, SUPERVISION_LEVELS } from '../domain/case';
import { QUEUE_TABS } from '../domain/queueTabs';
import type { Move } from '../workflow/moves';
import { epochMs, id, nonBlank } from './schemas';

const note = z.string().trim().max(500, { message: '不能超过 500 个字符' });
const reason = nonBlank(500);
const photos = z.array(id).max(9, { message: '最多 9 张照片' });

export const CASE_SORTS = ['deadline', 'reported_desc'] as const;
export const LIMIT_COLOURS = ['green', 'yellow', 'red'] as const;

/** The queue's filters, shared by the list and the tab counts. */
export const caseFilterShape = {
  tab: z.enum(QUEUE_TABS).optional(),
  statuses: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
  streetId: id.optional(),
  communityId: id.optional(),
  gridId: id.optional(),
  categoryId: id.optional(),
  majorCode: z.string().regex(/^\d{2}$/, { message: '大类编码应为两位数字' }).optional(),
  departmentId: id.optional(),
  source: z.enum(CASE_SOURCES).optional(),
  handler: z.enum(['department', 'grid', 'organisation']).optional(),
  priority: z.enum(PRIORITIES).optional(),
  colour: z.enum(LIMIT_COLOURS).optional(),
  q: z.string().trim().max(100, { message: '搜索词不能超过 100 个字符' }).optional(),
  reportedFrom: epochMs.optional(),
  reportedTo: epochMs.optional(),
};

const datesInOrder = (v: { reportedFrom?: number; reportedTo?: number }) =>
  v.reportedFrom === undefined || v.reportedTo === undefined || v.reportedFrom <= v.reportedTo;
const datesMessage = { message: '开始日期不能晚于结束日期', path: ['reportedFrom'] };

export const caseListInput = z
  .strictObject({
    ...caseFilterShape,
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    sort: z.enum(CASE_SORTS).default('deadline'),
    withTotal: z.boolean().default(true),
  })
  .refine(datesInOrder, datesMessage);

export const caseCountsInput = z.strictObject({ ...caseFilterShape, tab: z.undefined().optional() }).refine(datesInOrder, datesMessage);

const phone = z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{3,8})?$/, { message: '电话号码格式不正确' });

export const reportInput = z.strictObject({
  source: z.enum(CASE_SOURCES),
  categoryId: id.optional(),
  gridId: id,
  address: nonBlank(200),
  description: z.string().trim().min(5, { message: '请至少用 5 个字描述问题' }).max(2000, { message: '不能超过 2000 个字符' }),
  reporterName: z.string().trim().max(32).default(''),
  reporterPhone: phone.default(''),
  priority: z.enum(PRIORITIES).default('normal'),
  photos: photos.default([]),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

const limit = z.strictObject({ amount: z.number().positive({ message: '延期时长必须大于 0' }).max(60), unit: z.enum(LIMIT_UNITS) });

export const moveSchema = z.discriminatedUnion('move', [
  z.strictObject({ move: z.literal('accept'), note: note.optional() }),
  z.strictObject({ move: z.literal('void'), reason }),
  z.strictObject({ move: z.literal('request_verification'), note: nonBlank(500) }),
  z.strictObject({ move: z.literal('confirm_report'), note: note.optional() }),
  z.strictObject({ move: z.literal('file'), categoryId: id, priority: z.enum(PRIORITIES).optional(), note: note.optional() }),
  z.strictObject({ move: z.literal('dispatch'), departmentIds: z.array(id).min(1, { message: '至少选择一个处置部门' }).max(5), note: note.optional() }),
  z.strictObject({ move: z.literal('refer'), organisationId: id, note: note.optional() }),
  z.strictObject({ move: z.literal('accept_referral'), note: note.optional() }),
  z.strictObject({ move: z.literal('decline_referral'), reason }),
  z.strictObject({ move: z.literal('assign_grid'), note: note.optional() }),
  z.strictObject({ move: z.literal('sign') }),
  z.strictObject({ move: z.literal('return'), reason }),
  z.strictObject({ move: z.literal('request_extension'), extra: limit, reason }),
  z.strictObject({ move: z.literal('approve_extension'), note: note.optional() }),
  z.strictObject({ move: z.literal('refuse_extension'), reason }),
  z.strictObject({ move: z.literal('request_park'), reason }),
  z.strictObject({ move: z.literal('approve_park'), note: note.optional() }),
  z.strictObject({ move: z.literal('refuse_park'), reason }),
  z.strictObject({ move: z.literal('handle'), result: z.enum(HANDLING_RESULTS), note: nonBlank(1000), photos: photos.optional() }),
  z.strictObject({ move: z.literal('verify_pass'), note: note.optional(), photos: photos.optional() }),
  z.strictObject({ move: z.literal('verify_fail'), reason }),
  z.strictObject({ move: z.literal('close'), note: note.optional() }),
  z.strictObject({ move: z.literal('record_callback'), satisfaction: z.enum(SATISFACTION), note: note.optional(), reopen: z.boolean().optional() }),
  z.strictObject({ move: z.literal('supervise'), level: z.enum(SUPERVISION_LEVELS), note: nonBlank(500) }),
  z.strictObject({ move: z.literal('instruct'), note: nonBlank(500) }),
  z.strictObject({ move: z.literal('flag_urgent'), note: note.optional() }),
  z.strictObject({ move: z.literal('merge'), intoCaseId: id, note: note.optional() }),
]);

// The schema and core's Move type must describe the same moves.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const MOVE_SCHEMA_MATCHES_CORE: Same<z.output<typeof moveSchema>['move'], Move['move']> = true;
const _assignable: (m: z.output<typeof moveSchema>) => Move = (m) => m;
void _assignable;

export const moveInput = z.strictObject({
  id,
  move: moveSchema,
  /** The newest event the user saw: a move made on a stale view is refused, not silently applied. */
  expectedLastEventId: id.optional(),
});

export const triageInput = z.strictObject({ text: z.string().trim().min(2).max(2000), gridId: id.optional() });

/** Without `since`, the first poll starts the watch at the server's clock and reports nothing yet. */
export const alertsInput = z.strictObject({ since: epochMs.optional() });

export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;
export const attachmentUploadInput = z.strictObject({
  name: nonBlank(120),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp'], { message: '只支持 JPEG、PNG 或 WebP 图片' }),
  dataBase64: z
    .string()
    .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, { message: '照片不能超过 3 MB' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: '照片数据格式不正确' }),
});

export const setAdmissionInput = z.strictObject({
  categoryId: id,
  gridAdmissible: z.boolean(),
  matterKind: z.enum(['licensing', 'approval', 'enforcement', 'certificate']).nullable(),
}).refine((v) => !(v.matterKind && v.gridAdmissible), { message: '许可、审批、执法、办证类事项不能列入网格准入清单', path: ['gridAdmissible'] });

export const officeHoursInput = z
  .strictObject({
    intervals: z.array(z.tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)])).min(1).max(4),
  })
  .refine((v) => v.intervals.every(([a, b], i) => a < b && (i === 0 || v.intervals[i - 1]![1] <= a)), {
    message: '办公时段须按时间先后排列且互不重叠',
    path: ['intervals'],
  });
