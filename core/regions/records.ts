/**
 * Region records as any import brings them (a GeoJSON file, an Excel code table, an admin's
 * form): code, name, level and parent code. One validator for all of them, so every way in
 * obeys the same code rules; the db side upserts the records it passes (db/repositories/regionRecords.ts).
 */
import type { RegionLevel } from '../api/types';
import { LEVEL_LABELS, parseRegionCode } from './codes';
import { roundBoundary, type RegionBoundary } from './geometry';

export interface RegionRecordInput {
  code: string;
  name: string;
  /** Optional: the code's length says it; when given it must agree. */
  level?: RegionLevel | null;
  /** Optional: the code's prefix says it; when given it must agree. */
  parentCode?: string | null;
}

/** What an upsert may set besides code and name. A field left undefined is left as it is. */
export interface RegionRecord extends RegionRecordInput {
  households?: number | null;
  description?: string;
  active?: boolean;
  boundary?: RegionBoundary | null;
}

export interface KnownRegion {
  level: RegionLevel;
  active: boolean;
}

/** Regions already in the database, by code. */
export type KnownRegions = ReadonlyMap<string, KnownRegion>;

export interface RegionRecordFault {
  /** Position of the record in the batch, from 0 (screens show it from 1). */
  index: number;
  code: string;
  field: 'code' | 'name' | 'level' | 'parentCode' | 'households' | 'description';
  /** Chinese, shown to the admin as is. */
  reason: string;
}

export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 500;
export const HOUSEHOLDS_MAX = 100_000;

function fieldFaults(record: RegionRecord): Array<Pick<RegionRecordFault, 'field' | 'reason'>> {
  const faults: Array<Pick<RegionRecordFault, 'field' | 'reason'>> = [];
  const name = record.name.trim();
  if (name === '') faults.push({ field: 'name', reason: '名称为空' });
  else if (name.length > NAME_MAX) faults.push({ field: 'name', reason: `名称超过 ${NAME_MAX} 个字` });
  const households = record.households;
  if (households !== undefined && households !== null && !(Number.isInteger(households) && households >= 0 && households <= HOUSEHOLDS_MAX)) {
    faults.push({ field: 'households', reason: `户数应为 0 到 ${HOUSEHOLDS_MAX} 之间的整数` });
  }
  if (record.description !== undefined && record.description.length > DESCRIPTION_MAX) {
    faults.push({ field: 'description', reason: `说明超过 ${DESCRIPTION_MAX} 个字` });
  }
  return faults;
}

/**
 * Every fault of a batch of region records, checked against the regions already stored:
 * code shape, level and parent agreeing with the code, duplicates within the batch, a parent
 * that exists (in the database or earlier or later in the batch), one district per office,
 * and the name, households and description limits. An empty list means the batch may be upserted.
 */
export function validateRegionRecords(records: readonly RegionRecord[], known: KnownRegions): RegionRecordFault[] {
  const faults: RegionRecordFault[] = [];
  const firstIndex = new Map<string, number>();
  records.forEach((record, index) => {
    const code = record.code.trim();
    const add = (field: RegionRecordFault['field'], reason: string) => faults.push({ index, code, field, reason });
    const parsed = parseRegionCode(code);
    if (!parsed.ok) {
      add('code', parsed.reason);
      return;
    }
    const seen = firstIndex.get(code);
    if (seen !== undefined) {
      add('code', `编码与第 ${seen + 1} 条重复`);
      return;
    }
    firstIndex.set(code, index);
    if (record.level && record.level !== parsed.level) {
      add('level', `层级为「${LEVEL_LABELS[record.level]}」，但 ${code.length} 位编码是${LEVEL_LABELS[parsed.level]}`);
    }
    const parentGiven = record.parentCode?.trim();
    if (parentGiven && parentGiven !== parsed.parentCode) {
      add('parentCode', `上级编码应为「${parsed.parentCode ?? '（无）'}」（本编码的前 ${code.length - 3} 位），而不是「${parentGiven}」`);
    }
    for (const f of fieldFaults(record)) {
      add(f.field, f.reason);
    }
  });

  // Parents: in the database, or in this batch (a faulty parent record carries its own fault).
  const districts = new Set([...known].filter(([, r]) => r.level === 'district').map(([code]) => code));
  records.forEach((record, index) => {
    const code = record.code.trim();
    const parsed = parseRegionCode(code);
    if (!parsed.ok || firstIndex.get(code) !== index) return;
    if (parsed.level === 'district') {
      if (districts.size > 0 && !districts.has(code)) {
        faults.push({ index, code, field: 'code', reason: `本指挥中心已有区县「${[...districts][0]}」，不能再添加另一个区县` });
      } else districts.add(code);
      return;
    }
    const parent = parsed.parentCode!;
    if (!known.has(parent) && !firstIndex.has(parent)) {
      const parentLevel = parseRegionCode(parent);
      const label = parentLevel.ok ? LEVEL_LABELS[parentLevel.level] : '区域';
      faults.push({ index, code, field: 'parentCode', reason: `上级${label}「${parent}」在数据库和本次导入中都不存在` });
    }
  });
  return faults.sort((a, b) => a.index - b.index);
}

/** A region as stored, in domain terms (db/repositories/regionRecords.ts maps the columns). */
export interface StoredRegion {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  households: number | null;
  description: string;
  active: boolean;
  boundary: RegionBoundary | null;
}

export type RegionPatch = Partial<Pick<StoredRegion, 'name' | 'households' | 'description' | 'active' | 'boundary'>>;

const sameBoundary = (a: RegionBoundary | null, b: RegionBoundary | null) =>
  a === b || (a !== null && b !== null && JSON.stringify(roundBoundary(a)) === JSON.stringify(roundBoundary(b)));

/** What a record would change on its stored region: an empty patch means nothing to write. */
export function regionPatch(record: RegionRecord, stored: StoredRegion): RegionPatch {
  const patch: RegionPatch = {};
  const name = record.name.trim();
  if (name !== stored.name) patch.name = name;
  if (record.households !== undefined && record.households !== stored.households) patch.households = record.households;
  if (record.description !== undefined && record.description.trim() !== stored.description) patch.description = record.description.trim();
  if (record.active !== undefined && record.active !== stored.active) patch.active = record.active;
  if (record.boundary !== undefined && !sameBoundary(record.boundary, stored.boundary)) patch.boundary = record.boundary && roundBoundary(record.boundary);
  return patch;
}
