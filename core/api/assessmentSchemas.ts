import { z } from 'zod';
import { ADJUSTMENT_SOURCES, GRADES, INDICATOR_IDS, TARGET_KINDS } from '../assessment';
import { LEDGER_TYPES } from './assessmentTypes';
import { id, nonBlank } from './schemas';

const year = z.number().int().min(2000).max(2100);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

export const periodSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('month'), year, month: z.number().int().min(1).max(12) }),
  z.strictObject({ kind: z.literal('quarter'), year, quarter: z.number().int().min(1).max(4) }),
  z.strictObject({ kind: z.literal('year'), year }),
  z
    .strictObject({ kind: z.literal('custom'), from: day, to: day })
    .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { message: '自定义期间不能超过一年', path: ['to'] }),
]);

export const targetKind = z.enum(TARGET_KINDS);
const indicatorId = z.enum(INDICATOR_IDS);

const rule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('linear'), worst: z.number().min(0), best: z.number().min(0) }),
  z.strictObject({ type: z.literal('target'), target: z.number().min(0), pointsPerPoint: z.number().min(0).max(100) }),
  z.strictObject({
    type: z.literal('steps'),
    steps: z.array(z.strictObject({ reach: z.number().min(0), score: z.number().min(0).max(100) })).min(1).max(10),
    otherwise: z.number().min(0).max(100),
  }),
]);

const part = z.strictObject({
  indicators: z.array(z.strictObject({ indicator: indicatorId, weight: z.number().min(0).max(100), rule })).max(INDICATOR_IDS.length),
  adjustments: z.array(z.strictObject({ source: z.enum(ADJUSTMENT_SOURCES), pointsEach: z.number().min(-100).max(100), cap: z.number().min(0).max(100).nullable() })).max(ADJUSTMENT_SOURCES.length),
});

export const schemeDefinition = z.strictObject({
  name: nonBlank(64),
  parts: z.strictObject(Object.fromEntries(TARGET_KINDS.map((k) => [k, part])) as Record<(typeof TARGET_KINDS)[number], typeof part>),
  bands: z.array(z.strictObject({ grade: z.enum(GRADES), min: z.number().min(0).max(100) })).min(1).max(4),
});

export const schemeSaveInput = z.strictObject({ basedOnId: id, definition: schemeDefinition });
export const computeInput = z.strictObject({ schemeId: id.optional(), period: periodSpec });
export const scorecardInput = z.strictObject({ runId: id.optional(), schemeId: id.optional(), period: periodSpec.optional(), kind: targetKind })
  .refine((v) => v.runId !== undefined || v.period !== undefined, { message: '请选择考核期间或考核结果', path: ['period'] });
export const runsInput = z.strictObject({ period: periodSpec.optional() });
export const compareInput = z.strictObject({ a: id, b: id, kind: targetKind });
export const drillInput = z
  .strictObject({
    runId: id.optional(),
    period: periodSpec.optional(),
    kind: targetKind,
    targetId: id,
    indicator: indicatorId,
    part: z.enum(['numerator', 'denominator']),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine((v) => v.runId !== undefined || v.period !== undefined, { message: '请选择考核期间或考核结果', path: ['period'] });

const entryId = z.string().regex(/^[0-9a-f-]{36}:[a-z_]+:\d+:[a-z_]+$/, { message: '台账编号格式不正确' });
export const ledgerListInput = z.strictObject({
  period: periodSpec,
  type: z.enum(LEDGER_TYPES).optional(),
  kind: targetKind.optional(),
  targetId: id.optional(),
  status: z.enum(['open', 'appealed', 'exempted', 'upheld']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export const ledgerAppealInput = z.strictObject({ entryId, reason: nonBlank(1000), evidence: z.array(id).max(9).default([]) });
export const ledgerDecideInput = z.strictObject({ entryId, decision: z.enum(['exempt', 'uphold']), reason: nonBlank(1000) });
export const profileInput = z.strictObject({ kind: targetKind, targetId: id, months: z.number().int().min(1).max(24).default(6) });
export const exportInput = z.strictObject({ runId: id });
