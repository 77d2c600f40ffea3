/**
 * Region rows in and out: every region write (an admin's form, a GeoJSON import, an Excel code
 * table) goes through `upsertRegionRecords`, which validates the batch with core's rules,
 * matches rows by code, writes only what changed and audits each change with before and after.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../core/api/errors';
import { roundBoundary, type RegionBoundary } from '../../core/regions/geometry';
import { regionPatch, validateRegionRecords, type RegionPatch, type RegionRecord, type StoredRegion } from '../../core/regions/records';
import { parseRegionCode } from '../../core/regions/codes';
import type { WriteTx } from '../writePath';
import { writeAudit } from './audit';

type Db = Knex | Knex.Transaction;

interface RegionRow {
  id: string;
  code: string;
  name: string;
  level: StoredRegion['level'];
  parent_id: string | null;
  households: number | null;
  description: string;
  active: number;
  boundary: string | null;
  deleted: number;
}

const toStored = (r: RegionRow): StoredRegion => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  parentId: r.parent_id,
  households: r.households === null ? null : Number(r.households),
  description: r.description,
  active: Number(r.active) === 1,
  boundary: r.boundary ? (JSON.parse(r.boundary) as RegionBoundary) : null,
});

/** The office's regions (tombstones left out), boundaries included. */
export async function loadStoredRegions(db: Db): Promise<StoredRegion[]> {
  const rows = (await db('regions').where({ deleted: 0 }).orderBy('code')) as RegionRow[];
  return rows.map(toStored);
}

/** Who made a change and from where, for the audit rows. */
export interface RegionChangeSource {
  userId: string | null;
  at: number;
  /** 'admin' (a form), 'geojson', 'excel', 'seed'. */
  via: string;
}

export interface RegionUpsertResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Region id by code, for every record of the batch. */
  ids: Map<string, string>;
}

/** Geometry is large: the audit keeps its kind, size and a fingerprint, enough to tell before from after. */
const boundaryDigest = (b: RegionBoundary | null | undefined) =>
  b ? { type: b.type, vertices: JSON.stringify(b.coordinates).split('],[').length, sha1: createHash('sha1').update(JSON.stringify(b)).digest('hex').slice(0, 12) } : null;

const auditValue = (key: string, value: unknown) => (key === 'boundary' ? boundaryDigest(value as RegionBoundary | null) : value);

function columnsOf(patch: RegionPatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (patch.name !== undefined) columns.name = patch.name;
  if (patch.households !== undefined) columns.households = patch.households;
  if (patch.description !== undefined) columns.description = patch.description;
  if (patch.active !== undefined) columns.active = patch.active ? 1 : 0;
  if (patch.boundary !== undefined) columns.boundary = patch.boundary ? JSON.stringify(patch.boundary) : null;
  return columns;
}

/** A batch that breaks the code rules: one ApiError carrying every fault, so nothing is written. */
export function recordFaultsError(faults: ReturnType<typeof validateRegionRecords>): ApiError {
  const first = faults[0]!;
  return new ApiError(
    'VALIDATION_FAILED',
    faults.length === 1 ? `${first.code || '（无编码）'}：${first.reason}` : `${faults.length} 处错误，第一处：${first.code || '（无编码）'}：${first.reason}`,
    faults.map((f) => ({ path: `${f.index}.${f.field}`, message: `${f.code}：${f.reason}` })),
  );
}

/**
 * Upserts region records by code, through one WriteTx: new codes are inserted (parents before
 * children, whatever the batch order), stored codes get only the columns that differ, and
 * unchanged records write nothing (no row, no outbox entry, no audit). The batch is validated
 * with `validateRegionRecords` first; any fault throws before anything is written.
 */
export async function upsertRegionRecords(tx: WriteTx, records: readonly RegionRecord[], source: RegionChangeSource): Promise<RegionUpsertResult> {
  const rows = (await tx.trx('regions')) as RegionRow[];
  const live = new Map(rows.filter((r) => Number(r.deleted) === 0).map((r) => [r.code, r]));
  const tombstoned = new Map(rows.filter((r) => Number(r.deleted) !== 0).map((r) => [r.code, r]));
  const faults = validateRegionRecords(records, new Map([...live].map(([code, r]) => [code, { level: r.level, active: Number(r.active) === 1 }])));
  if (faults.length) throw recordFaultsError(faults);

  const result: RegionUpsertResult = { created: [], updated: [], unchanged: [], ids: new Map([...live].map(([code, r]) => [code, r.id])) };
  const ordered = [...records].sort((a, b) => a.code.trim().length - b.code.trim().length);
  const inserts: Record<string, unknown>[] = [];
  for (const [i, record] of ordered.entries()) {
    const code = record.code.trim();
    // A level's new rows are written before the next level's, whose parent_id points at them.
    if (i > 0 && ordered[i - 1]!.code.trim().length < code.length) await flush(tx, inserts);
    const parsed = parseRegionCode(code);
    if (!parsed.ok) continue; // validated above
    const parentId = parsed.parentCode ? result.ids.get(parsed.parentCode)! : null;
    const stored = live.get(code);
    if (stored) {
      const before = toStored(stored);
      const patch = regionPatch(record, before);
      if (Object.keys(patch).length === 0) {
        result.unchanged.push(code);
        continue;
      }
      await tx.update('regions', stored.id, columnsOf(patch));
      const keys = Object.keys(patch) as Array<keyof RegionPatch>;
      await writeAudit(tx, source.at, {
        userId: source.userId, action: 'region.update', targetType: 'region', targetId: stored.id,
        detail: {
          code, via: source.via,
          before: Object.fromEntries(keys.map((k) => [k, auditValue(k, before[k])])),
          after: Object.fromEntries(keys.map((k) => [k, auditValue(k, patch[k])])),
        },
      });
      result.updated.push(code);
      continue;
    }
    const row = {
      code, name: record.name.trim(), level: parsed.level, parent_id: parentId,
      households: record.households ?? null, description: record.description?.trim() ?? '', active: record.active === false ? 0 : 1,
      boundary: record.boundary ? JSON.stringify(roundBoundary(record.boundary)) : null,
    };
    // A code removed earlier (its row tombstoned) comes back on the same row: codes are unique.
    const old = tombstoned.get(code);
    const id = old?.id ?? uuidv7();
    if (old) await tx.update('regions', id, { ...row, deleted: 0 });
    else inserts.push({ id, ...row });
    result.ids.set(code, id);
    await writeAudit(tx, source.at, {
      userId: source.userId, action: 'region.create', targetType: 'region', targetId: id,
      detail: { code, via: source.via, before: null, after: { ...row, boundary: boundaryDigest(record.boundary) } },
    });
    result.created.push(code);
  }
  await flush(tx, inserts);
  return result;
}

async function flush(tx: WriteTx, inserts: Record<string, unknown>[]): Promise<void> {
  if (inserts.length === 0) return;
  await tx.insert('regions', inserts.splice(0));
}
