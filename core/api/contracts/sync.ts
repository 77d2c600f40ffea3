// The workstation side of sync with the district hub (issue 10).
import { z } from 'zod';
import type { SyncConflict, SyncStatus } from '../syncTypes';
import { anyone, method } from '../method';
import { empty, nonBlank } from '../schemas';

const ADMIN = ['admin'] as const;
/** Who works the conflict inbox: the people who settle cases and reference data at the desk. */
export const CONFLICT_ROLES = ['admin', 'shift_leader', 'dispatcher'] as const;

const hubUrl = z
  .string()
  .trim()
  .max(256, { message: '地址过长' })
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: '请填写以 http:// 或 https:// 开头的服务器地址' });

export const enrolInput = z.strictObject({
  hubUrl,
  code: z.string().trim().min(6, { message: '注册码至少 6 位' }).max(64, { message: '注册码过长' }),
  nodeName: nonBlank(64),
});

export const conflictListInput = z.strictObject({
  includeAcknowledged: z.boolean().default(false),
});

export const acknowledgeInput = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1, { message: '请选择要确认的记录' }).max(500),
});

export const syncMethods = {
  /** The header chip: online/offline/syncing, last sync, pending writes, open conflicts, clock warning. */
  'sync.status': method<SyncStatus>()({ input: empty, access: anyone }),
  /** 立即同步: one push-and-pull now; answers the status after it. */
  'sync.now': method<SyncStatus>()({ input: empty, access: anyone }),
  /** Joins this workstation to a district hub with a code the hub's administrator made. */
  'sync.enrol': method<SyncStatus>()({ input: enrolInput, access: ADMIN }),
  'sync.conflicts': method<SyncConflict[]>()({ input: conflictListInput, access: CONFLICT_ROLES }),
  'sync.acknowledge': method<{ acknowledged: number }>()({ input: acknowledgeInput, access: CONFLICT_ROLES }),
} as const;
