/**
 * The region edits that are not upserts by code: moving a region under another parent (its id
 * stays, so every case and account stays with it; its code and its children's codes follow the
 * new parent) and removing a region nothing refers to. Deactivation is an upsert of `active`.
 */
import type { Knex } from 'knex';
import { ApiError } from '../../core/api/errors';
import { LEVEL_LABELS, parseRegionCode } from '../../core/regions/codes';
import type { WriteTx } from '../writePath';
import { writeAudit } from './audit';
import type { RegionChangeSource } from './regionRecords';

type Db = Knex | Knex.Transaction;

export interface RegionReferences {
  cases: number;
  users: number;
  organisations: number;
  children: number;
}

/** Cases reported in each grid, on the (grid_id, status) index. */
export async function caseCountsByGrid(db: Db): Promise<Map<string, number>> {
  const rows = (await db('cases').groupBy('grid_id').select('grid_id').count({ n: '*' })) as Array<{ grid_id: string; n: number | string }>;
  return new Map(rows.map((r) => [r.grid_id, Number(r.n)]));
}

/** Everything that names a region: what makes removing it lose history. */
export async function regionReferences(db: Db, id: string, level: keyof typeof LEVEL_LABELS): Promise<RegionReferences> {
  const count = async (q: Knex.QueryBuilder) => Number(((await q.count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n ?? 0);
  const caseColumn = { district: null, street: 'street_id', community: 'community_id', grid: 'grid_id' }[level];
  return {
    cases: caseColumn ? await count(db('cases').where(caseColumn, id)) : 0,
    users: await count(db('users').where({ region_id: id })),
    organisations: await count(db('organisations').where({ region_id: id, deleted: 0 })),
    children: await count(db('regions').where({ parent_id: id, deleted: 0 })),
  };
}

interface Row {
  id: string;
  code: string;
  name: string;
  level: keyof typeof LEVEL_LABELS;
  parent_id: string | null;
  active: number;
}

async function liveRegion(db: Db, id: string): Promise<Row> {
  const row = (await db('regions').where({ id, deleted: 0 }).first('id', 'code', 'name', 'level', 'parent_id', 'active')) as Row | undefined;
  if (!row) throw new ApiError('NOT_FOUND', '区域不存在');
  return row;
}

/**
 * Moves a region under a new parent of the level above with the code the admin chose (it must
 * extend the new parent's code and be free). Descendants keep their own segments under the new
 * prefix. Ids never change: cases, facts and accounts keep pointing at the same rows; a case
 * keeps the street and community it was reported under, as its history says.
 */
export async function moveRegion(tx: WriteTx, id: string, parentId: string, code: string, source: RegionChangeSource): Promise<void> {
  const region = await liveRegion(tx.trx, id);
  const parent = await liveRegion(tx.trx, parentId);
  const label = LEVEL_LABELS[region.level];
  if (region.level === 'district' || region.level === 'street') throw new ApiError('VALIDATION_FAILED', `${label}不能移动`);
  const parsed = parseRegionCode(code);
  if (!parsed.ok) throw new ApiError('VALIDATION_FAILED', parsed.reason);
  if (parsed.level !== region.level || parsed.parentCode !== parent.code) {
    throw new ApiError('VALIDATION_FAILED', `${label}的新编码应为上级「${parent.name}」的编码 ${parent.code} 加 3 位数字`);
  }
  if (!parent.active) throw new ApiError('VALIDATION_FAILED', `上级「${parent.name}」已停用，不能移入`);
  if (parentId === region.parent_id && code === region.code) return;
  const taken = await tx.trx('regions').where({ code }).whereNot({ id }).first('name', 'deleted');
  if (taken) throw new ApiError('CONFLICT', Number(taken.deleted) ? `编码 ${code} 曾被已删除的区域使用，请换一个` : `编码 ${code} 已被「${taken.name}」使用`);

  const descendants = (await tx.trx('regions').where('code', 'like', `${region.code}%`).whereNot({ id }).select('id', 'code')) as Array<{ id: string; code: string }>;
  await tx.update('regions', id, { parent_id: parentId, code });
  for (const d of descendants) await tx.update('regions', d.id, { code: code + d.code.slice(region.code.length) });
  await writeAudit(tx, source.at, {
    userId: source.userId, action: 'region.move', targetType: 'region', targetId: id,
    detail: {
      via: source.via,
      before: { code: region.code, parentId: region.parent_id },
      after: { code, parentId },
      descendants: descendants.map((d) => ({ id: d.id, before: d.code, after: code + d.code.slice(region.code.length) })),
    },
  });
}

/** Removes (tombstones) a region only when nothing refers to it; otherwise says why, in Chinese. */
export async function removeRegion(tx: WriteTx, id: string, source: RegionChangeSource): Promise<void> {
  const region = await liveRegion(tx.trx, id);
  const refs = await regionReferences(tx.trx, id, region.level);
  const label = LEVEL_LABELS[region.level];
  const reasons = [
    refs.cases ? `${refs.cases} 件案件` : '',
    refs.users ? `${refs.users} 个账号` : '',
    refs.organisations ? `${refs.organisations} 个社会组织` : '',
    refs.children ? `${refs.children} 个下级区域` : '',
  ].filter(Boolean);
  if (reasons.length) {
    throw new ApiError('CONFLICT', `${label}「${region.name}」已被${reasons.join('、')}引用，不能删除，否则历史记录会失去归属；可以停用它，停用后历史记录仍然保留`);
  }
  await tx.tombstone('regions', id);
  await writeAudit(tx, source.at, {
    userId: source.userId, action: 'region.remove', targetType: 'region', targetId: id,
    detail: { via: source.via, before: { code: region.code, name: region.name, level: region.level }, after: null },
  });
}
