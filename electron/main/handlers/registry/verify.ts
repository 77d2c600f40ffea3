import { ApiError } from '../../../../core/api/errors';
import type { DueRecord } from '../../../../core/api/registryTypes';
import { maskName } from '../../../../core/domain/masking';
import { RECORD_KIND_LABELS, nextDueAt, type RecordKind, type TagCode } from '../../../../core/registry/tags';
import { writeAudit } from '../../../../db/repositories/audit';
import { freshnessByGrid, freshnessInstances } from '../../../../db/repositories/registry/freshness';
import { openTags, phoneColumns, sealTags, type StoredResident } from '../../../../db/repositories/registry/residentRecords';
import { TABLE_OF, dueRecords, recordVerification } from '../../../../db/repositories/registry/verification';
import type { Row } from '../../../../db/writePath';
import { requireUser, type Handler } from '../../handlerTypes';
import { personalDataCipher } from '../../services/personalDataKey';
import { registerInstanceRows } from '../../services/registerInstanceRows';
import { assertInScope, gridScope } from './views';
import { assertKeyVersion } from '../../../../db/registry/keyRotation';

const DAY_MS = 86_400_000;

export const dueListHandler: Handler<'registry.due'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const gridId = gridScope(user, input.gridId);
  if (!gridId) throw new ApiError('VALIDATION_FAILED', '请选择网格');
  const now = ctx.backend.now();
  const rows = await dueRecords(ctx.backend.knex, gridId, now + input.withinDays * DAY_MS, input.limit, input.kind);
  return rows.map((r): DueRecord => ({
    kind: r.kind,
    id: r.id,
    gridId: r.grid_id,
    // The due list shows whom to visit, not their personal data: the name masked like any list.
    label: r.kind === 'resident' ? maskName(r.name ?? '') : `${RECORD_KIND_LABELS[r.kind]} ${r.code ?? ''}`,
    address: r.kind === 'component' ? (r.address ?? '') : [r.building, r.unit, r.room].filter(Boolean).join(' '),
    dueAt: Number(r.verify_due_at),
    overdue: Number(r.verify_due_at) < now,
  }));
};

/** What a 'changed' re-verification may change, per kind, as stored columns. */
async function changedColumns(ctx: Parameters<Handler<'registry.verify'>>[1], kind: RecordKind, record: Row, changes: Record<string, unknown>): Promise<{ patch: Row; tags: TagCode[]; keyVersion: number | null }> {
  const patch: Row = {};
  let tags: TagCode[] = [];
  let keyVersion: number | null = null;
  for (const key of ['building', 'unit', 'room'] as const) if (changes[key] !== undefined && kind !== 'component') patch[key] = changes[key];
  if (kind === 'resident') {
    const cipher = await personalDataCipher(ctx.backend);
    keyVersion = cipher.version;
    const current = openTags(cipher, String(record.tags_cipher));
    tags = (changes.tags as TagCode[] | undefined) ?? current.tags;
    if (changes.tags !== undefined) patch.tags_cipher = sealTags(cipher, tags, current.note);
    if (changes.phone !== undefined) Object.assign(patch, phoneColumns(cipher, String(changes.phone)));
  }
  if (kind === 'house') {
    if (changes.occupancy !== undefined) patch.occupancy = changes.occupancy;
    if (changes.ownerName !== undefined) patch.owner_name = changes.ownerName;
  }
  if (kind === 'component' && changes.condition !== undefined) patch.condition = changes.condition;
  return { patch, tags, keyVersion };
}

export const verifyHandler: Handler<'registry.verify'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const table = TABLE_OF[input.kind];
  const record = (await backend.knex(table).where({ id: input.id, deleted: 0 }).first()) as (Row & { grid_id: string }) | undefined;
  assertInScope(user, record ?? null, RECORD_KIND_LABELS[input.kind]);
  if (record!.status !== 'active') throw new ApiError('CONFLICT', '该记录已标记为迁出，无需核实');
  const now = backend.now();
  let patch: Row = {};
  let tags: TagCode[] = [];
  let keyVersion: number | null = null;
  if (input.outcome === 'changed') {
    ({ patch, tags, keyVersion } = await changedColumns(ctx, input.kind, record!, input.changes));
    if (Object.keys(patch).length === 0) throw new ApiError('VALIDATION_FAILED', '选择「有变化」时请填写变化的内容');
  } else if (input.kind === 'resident') {
    tags = openTags(await personalDataCipher(backend), String((record as unknown as StoredResident).tags_cipher)).tags;
  }
  const dueAt = Number(record!.verify_due_at);
  const next = input.outcome === 'moved_out' ? null : nextDueAt(input.kind, now, tags);
  await backend.writePath.transaction(async (tx) => {
    if (keyVersion !== null) await assertKeyVersion(tx.trx, keyVersion);
    await recordVerification(tx, { kind: input.kind, recordId: input.id, gridId: record!.grid_id, userId: user.id, at: now, dueAt, outcome: input.outcome, nextDueAt: next, patch });
    await writeAudit(tx, now, { userId: user.id, action: 'register.verify', targetType: input.kind, targetId: input.id, detail: { outcome: input.outcome, changed: Object.keys(patch) } });
  });
  return { kind: input.kind, id: input.id, outcome: input.outcome, onTime: now <= dueAt, nextDueAt: next };
};

interface GridRef {
  id: string;
  name: string;
}

async function gridsOf(ctx: Parameters<Handler<'registry.freshness'>>[1]): Promise<GridRef[]> {
  const user = requireUser(ctx);
  const grids = (await ctx.backend.knex('regions').where({ level: 'grid', deleted: 0 }).select('id', 'name').orderBy('code')) as GridRef[];
  return user.role === 'grid_worker' ? grids.filter((g) => g.id === user.regionId) : grids;
}

/** 基础数据更新率 per grid, or per grid worker (a grid worker answers for the grid they are assigned to). */
export const freshnessHandler: Handler<'registry.freshness'> = async ({ from, to, by }, ctx) => {
  const grids = await gridsOf(ctx);
  const totals = await freshnessByGrid(ctx.backend.knex, grids.map((g) => g.id), from, to, ctx.backend.now());
  const rate = (t: { onTime: number; due: number }) => (t.due === 0 ? null : t.onTime / t.due);
  if (by === 'grid') {
    return grids.map((g) => {
      const t = totals.get(g.id)!;
      return { targetId: g.id, targetName: g.name, gridId: g.id, onTime: t.onTime, due: t.due, rate: rate(t) };
    });
  }
  const workers = (await ctx.backend.knex('users').where({ role: 'grid_worker' }).whereIn('region_id', grids.map((g) => g.id)).select('id', 'display_name', 'region_id').orderBy('username')) as Array<{ id: string; display_name: string; region_id: string }>;
  const user = requireUser(ctx);
  return workers
    .filter((w) => user.role !== 'grid_worker' || w.id === user.id)
    .map((w) => {
      const t = totals.get(w.region_id)!;
      return { targetId: w.id, targetName: w.display_name, gridId: w.region_id, onTime: t.onTime, due: t.due, rate: rate(t) };
    });
};

/** The records behind one grid's number: each decided due instance, on time or late. */
export const freshnessDrillHandler: Handler<'registry.freshnessDrill'> = async ({ gridId, from, to }, ctx) => {
  const user = requireUser(ctx);
  gridScope(user, gridId);
  const { knex } = ctx.backend;
  const now = ctx.backend.now();
  const instances = await freshnessInstances(knex, gridId, from, to, now);
  return registerInstanceRows(knex, instances, now);
};
