import type { Knex } from 'knex';
import { ApiError } from '../../../core/api/errors';
import type { RegionAdminNode, RegionImportPreview } from '../../../core/api/regionTypes';
import { LEVEL_LABELS } from '../../../core/regions/codes';
import { planGeoJsonImport, type GeoJsonImportPlan } from '../../../core/regions/geojsonImport';
import type { StoredRegion } from '../../../core/regions/records';
import { loadSetting } from '../../../db/repositories/reference';
import { caseCountsByGrid, moveRegion, removeRegion } from '../../../db/repositories/regionAdmin';
import { loadStoredRegions, upsertRegionRecords, type RegionChangeSource } from '../../../db/repositories/regionRecords';
import type { WriteTx } from '../../../db/writePath';
import type { Backend } from '../backend';
import { requireUser, type Handler, type HandlerContext } from '../handlerTypes';
import { WALL_ROLES, keyMatches } from './dashboard';

type Db = Knex | Knex.Transaction;

async function adminNodes(db: Db, only?: ReadonlySet<string>): Promise<RegionAdminNode[]> {
  const regions = await loadStoredRegions(db);
  const gridCases = await caseCountsByGrid(db);
  const users = new Map(
    ((await db('users').whereNotNull('region_id').groupBy('region_id').select('region_id').count({ n: '*' })) as Array<{ region_id: string; n: number | string }>).map((r) => [r.region_id, Number(r.n)]),
  );
  // A community's and a street's cases are their grids'.
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const cases = new Map<string, number>();
  for (const r of regions) {
    const n = r.level === 'grid' ? (gridCases.get(r.id) ?? 0) : 0;
    for (let length = 9; length <= r.code.length && n > 0; length += 3) {
      const ancestor = byCode.get(r.code.slice(0, length));
      if (ancestor) cases.set(ancestor.id, (cases.get(ancestor.id) ?? 0) + n);
    }
  }
  return regions
    .filter((r) => !only || only.has(r.id))
    .map((r) => ({
      id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parentId, households: r.households, description: r.description,
      active: r.active, hasBoundary: r.boundary !== null, cases: cases.get(r.id) ?? 0, users: users.get(r.id) ?? 0,
    }));
}

async function nodeOf(db: Db, id: string): Promise<RegionAdminNode> {
  const [node] = await adminNodes(db, new Set([id]));
  if (!node) throw new ApiError('NOT_FOUND', '区域不存在');
  return node;
}

async function storedById(db: Db, id: string): Promise<{ region: StoredRegion; all: StoredRegion[] }> {
  const all = await loadStoredRegions(db);
  const region = all.find((r) => r.id === id);
  if (!region) throw new ApiError('NOT_FOUND', '区域不存在');
  return { region, all };
}

const sourceOf = (ctx: HandlerContext, via = 'admin'): RegionChangeSource => ({ userId: requireUser(ctx).id, at: ctx.backend.now(), via });

/** Runs a region write and drops the caches that hold regions (reference data, the map). */
async function write<T>(backend: Backend, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const result = await backend.writePath.transaction(work);
  backend.invalidateCaches();
  return result;
}

export const regionTreeHandler: Handler<'regions.tree'> = async (_input, { backend }) => adminNodes(backend.knex);

export const createRegionHandler: Handler<'regions.create'> = async (input, ctx) => {
  const { backend } = ctx;
  const { region: parent, all } = await storedById(backend.knex, input.parentId);
  const taken = all.find((r) => r.code === input.code);
  if (taken) throw new ApiError('CONFLICT', `编码 ${input.code} 已被「${taken.name}」使用`);
  if (!parent.active) throw new ApiError('VALIDATION_FAILED', `上级「${parent.name}」已停用，不能在其下新建`);
  const result = await write(backend, (tx) =>
    upsertRegionRecords(tx, [{ code: input.code, name: input.name, parentCode: parent.code, households: input.households ?? null, description: input.description ?? '' }], sourceOf(ctx)),
  );
  return nodeOf(backend.knex, result.ids.get(input.code)!);
};

export const updateRegionHandler: Handler<'regions.update'> = async (input, ctx) => {
  const { backend } = ctx;
  const { region } = await storedById(backend.knex, input.id);
  await write(backend, (tx) => upsertRegionRecords(tx, [{ code: region.code, name: input.name, households: input.households, description: input.description }], sourceOf(ctx)));
  return nodeOf(backend.knex, input.id);
};

export const moveRegionHandler: Handler<'regions.move'> = async (input, ctx) => {
  await write(ctx.backend, (tx) => moveRegion(tx, input.id, input.parentId, input.code, sourceOf(ctx)));
  return nodeOf(ctx.backend.knex, input.id);
};

/** Deactivating takes the region's descendants with it; reactivating needs an active parent. */
export const setRegionActiveHandler: Handler<'regions.setActive'> = async ({ id, active }, ctx) => {
  const { backend } = ctx;
  const { region, all } = await storedById(backend.knex, id);
  if (region.level === 'district') throw new ApiError('VALIDATION_FAILED', '区县不能停用');
  const parent = all.find((r) => r.id === region.parentId);
  if (active && parent && !parent.active) throw new ApiError('VALIDATION_FAILED', `上级${LEVEL_LABELS[parent.level]}「${parent.name}」已停用，请先启用它`);
  const affected = active ? [region] : all.filter((r) => r.code.startsWith(region.code) && r.active);
  await write(backend, (tx) => upsertRegionRecords(tx, affected.map((r) => ({ code: r.code, name: r.name, active })), sourceOf(ctx)));
  return adminNodes(backend.knex, new Set(affected.map((r) => r.id)));
};

export const removeRegionHandler: Handler<'regions.remove'> = async ({ id }, ctx) => {
  await write(ctx.backend, (tx) => removeRegion(tx, id, sourceOf(ctx)));
  return { id };
};

function toPreview(plan: GeoJsonImportPlan): RegionImportPreview {
  const count = (action: string) => plan.features.filter((f) => f.action === action).length;
  return {
    properties: plan.properties, codeProperty: plan.codeProperty, nameProperty: plan.nameProperty, features: plan.features, implied: plan.implied,
    faults: plan.faults, counts: { create: count('create'), update: count('update'), unchanged: count('unchanged'), invalid: count('invalid') },
  };
}

export const previewImportHandler: Handler<'regions.previewImport'> = async ({ text, codeProperty, nameProperty }, { backend }) =>
  toPreview(planGeoJsonImport(text, await loadStoredRegions(backend.knex), { codeProperty, nameProperty }));

/** All or nothing: the file is checked again inside the transaction, and any fault writes nothing. */
export const importGeoJsonHandler: Handler<'regions.importGeoJson'> = async ({ text, codeProperty, nameProperty }, ctx) => {
  const result = await write(ctx.backend, async (tx) => {
    const plan = planGeoJsonImport(text, await loadStoredRegions(tx.trx), { codeProperty, nameProperty });
    if (plan.faults.length) {
      const first = plan.faults[0]!;
      const where = first.index === null ? '' : `第 ${first.index + 1} 个要素${first.code ? `（${first.code}）` : ''}：`;
      throw new ApiError(
        'VALIDATION_FAILED',
        `文件有 ${plan.faults.length} 处错误，未导入任何内容。${where}${first.reason}`,
        plan.faults.map((f) => ({ path: f.index === null ? 'file' : `features.${f.index}`, message: f.reason })),
      );
    }
    return upsertRegionRecords(tx, plan.records, sourceOf(ctx, 'geojson'));
  });
  return { created: result.created, updated: result.updated, unchanged: result.unchanged.length };
};

/** The office's map for the dashboard and the wall: signed in to a command-centre role, or the display key. */
export const regionMapHandler: Handler<'regions.map'> = async ({ key, version }, { backend, user }) => {
  if (!(user && WALL_ROLES.includes(user.role)) && !keyMatches(key, await loadSetting<string>(backend.knex, 'display_key'))) {
    throw new ApiError('UNAUTHENTICATED', '地图需要登录或有效的大屏密钥');
  }
  const index = await backend.regionIndex();
  return { version: index.version, map: version === index.version ? null : index.map };
};
