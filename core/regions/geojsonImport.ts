/**
 * A grid survey's GeoJSON, checked feature by feature against the regions already stored:
 * what an import would create, change or leave alone, and every fault with the feature it is
 * in. Nothing is written unless the plan has no fault (all or nothing).
 */
import type { RegionLevel } from '../api/types';
import { LEVEL_LABELS, codeFromValue, parseRegionCode } from './codes';
import {
  COMMUNITY_NAME_PROPERTIES,
  HOUSEHOLDS_PROPERTIES,
  STREET_NAME_PROPERTIES,
  defaultProperties,
  firstPresent,
  isObject,
  readBoundary,
  textOf,
  type Properties,
} from './geojsonFeatures';
import { boundsOf, boxesMeet, overlapOf, type RegionBoundary } from './geometry';
import { regionPatch, validateRegionRecords, type RegionRecord, type StoredRegion } from './records';

export interface GeoJsonImportOptions {
  /** Property holding the region code; default: the usual names (code, CODE, 网格编码 …). */
  codeProperty?: string;
  /** Property holding the name; default: the usual names (name, 名称, 网格名称 …). */
  nameProperty?: string;
}

export type FeatureAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface ImportFault {
  /** The feature's position in the file from 0, or null for the file as a whole. */
  index: number | null;
  code: string;
  reason: string;
}

export interface FeaturePlan {
  index: number;
  code: string;
  name: string;
  level: RegionLevel | null;
  action: FeatureAction;
}

export interface GeoJsonImportPlan {
  /** Every property name the features carry, for the admin to pick from. */
  properties: string[];
  codeProperty: string | null;
  nameProperty: string | null;
  features: FeaturePlan[];
  /** Regions the file implies by the codes and names it gives but has no feature for (a community named on its grids). */
  implied: Array<{ code: string; name: string; level: RegionLevel; action: FeatureAction }>;
  faults: ImportFault[];
  /** What the import would upsert (parents first); meaningful only when there is no fault. */
  records: RegionRecord[];
}

export const MAX_FEATURES = 5_000;

const fileFault = (reason: string): GeoJsonImportPlan => ({
  properties: [], codeProperty: null, nameProperty: null, features: [], implied: [], faults: [{ index: null, code: '', reason }], records: [],
});

interface Read {
  index: number;
  code: string;
  name: string;
  level: RegionLevel | null;
  boundary: RegionBoundary | null;
  households: number | undefined;
  faults: string[];
}

function readFeature(feature: unknown, index: number, codeProperty: string | null, nameProperty: string | null, stored: ReadonlyMap<string, StoredRegion>): Read {
  const read: Read = { index, code: '', name: '', level: null, boundary: null, households: undefined, faults: [] };
  if (!isObject(feature) || feature.type !== 'Feature') {
    read.faults.push('不是 GeoJSON 要素（type 应为 Feature）');
    return read;
  }
  const properties: Properties = isObject(feature.properties) ? feature.properties : {};
  const code = codeProperty ? codeFromValue(properties[codeProperty]) : null;
  if (!code) read.faults.push(codeProperty ? `缺少编码（属性「${codeProperty}」为空或不是数字编码）` : '缺少编码：请选择存放编码的属性');
  else {
    read.code = code;
    const parsed = parseRegionCode(code);
    if (parsed.ok) read.level = parsed.level;
  }
  read.name = nameProperty ? textOf(properties[nameProperty]) : '';
  if (read.name === '' && read.code && stored.has(read.code)) read.name = stored.get(read.code)!.name;
  const households = textOf(properties[firstPresent([properties], HOUSEHOLDS_PROPERTIES) ?? '']);
  if (households !== '') read.households = Number(households);
  const { boundary, faults } = readBoundary(feature.geometry);
  read.boundary = boundary;
  read.faults.push(...faults);
  return read;
}

/** Communities and streets named on grid features but neither stored nor in the file as features. */
function impliedParents(reads: readonly Read[], features: readonly unknown[], stored: ReadonlyMap<string, StoredRegion>): Array<{ record: RegionRecord; index: number }> {
  const inFile = new Set(reads.map((r) => r.code));
  const implied = new Map<string, { record: RegionRecord; index: number }>();
  for (const read of reads) {
    if (!read.level || read.level === 'district' || read.level === 'street') continue;
    const properties = (features[read.index] as { properties?: Properties }).properties ?? {};
    const parents: Array<[string, RegionLevel, readonly string[]]> = [[read.code.slice(0, 12), 'community', COMMUNITY_NAME_PROPERTIES], [read.code.slice(0, 9), 'street', STREET_NAME_PROPERTIES]];
    for (const [code, level, names] of parents) {
      if (code.length >= read.code.length || stored.has(code) || inFile.has(code)) continue;
      const name = textOf(properties[firstPresent([properties], names) ?? '']);
      const seen = implied.get(code);
      if (!name) continue;
      if (!seen) implied.set(code, { record: { code, name, level }, index: read.index });
      else if (seen.record.name !== name) read.faults.push(`${LEVEL_LABELS[level]}「${code}」的名称「${name}」与第 ${seen.index + 1} 个要素的「${seen.record.name}」不一致`);
    }
  }
  return [...implied.values()];
}

/** Grids of the file overlapping each other or a stored active grid the file does not redraw. */
function overlapFaults(reads: readonly Read[], stored: readonly StoredRegion[]): void {
  const grids = reads.filter((r) => r.level === 'grid' && r.boundary).map((r) => ({ read: r, box: boundsOf(r.boundary!) }));
  const square = (m2: number, width: number) => `约 ${Math.round(m2).toLocaleString('zh-CN')} 平方米（平均宽约 ${width.toFixed(1)} 米）`;
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      const [a, b] = [grids[i]!, grids[j]!];
      if (!boxesMeet(a.box, b.box)) continue;
      const overlap = overlapOf(a.read.boundary!, b.read.boundary!);
      if (!overlap.overlaps) continue;
      const area = square(overlap.areaM2, overlap.meanWidthM);
      a.read.faults.push(`与第 ${b.read.index + 1} 个要素（${b.read.code}）重叠${area}`);
      b.read.faults.push(`与第 ${a.read.index + 1} 个要素（${a.read.code}）重叠${area}`);
    }
  }
  const redrawn = new Set(grids.map((g) => g.read.code));
  const others = stored.filter((s) => s.level === 'grid' && s.active && s.boundary && !redrawn.has(s.code));
  for (const existing of others) {
    const box = boundsOf(existing.boundary!);
    for (const g of grids) {
      if (!boxesMeet(g.box, box)) continue;
      const overlap = overlapOf(g.read.boundary!, existing.boundary!);
      if (overlap.overlaps) g.read.faults.push(`与已有网格「${existing.name}」（${existing.code}）重叠${square(overlap.areaM2, overlap.meanWidthM)}`);
    }
  }
}

function actionOf(record: RegionRecord, stored: ReadonlyMap<string, StoredRegion>): FeatureAction {
  const existing = stored.get(record.code);
  if (!existing) return 'create';
  return Object.keys(regionPatch(record, existing)).length ? 'update' : 'unchanged';
}

/** The whole check: parse, read each feature, implied parents, code rules, overlaps, and what would change. */
export function planGeoJsonImport(text: string, storedRegions: readonly StoredRegion[], options: GeoJsonImportOptions = {}): GeoJsonImportPlan {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fileFault(`文件不是有效的 JSON：${(err as Error).message}`);
  }
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return fileFault('文件不是 GeoJSON 要素集合（需要 "type": "FeatureCollection" 和 features 数组）');
  }
  const features = json.features as unknown[];
  if (features.length === 0) return fileFault('文件中没有任何要素');
  if (features.length > MAX_FEATURES) return fileFault(`文件有 ${features.length} 个要素，一次最多导入 ${MAX_FEATURES} 个`);

  const propertyRows = features.map((f) => (isObject(f) && isObject(f.properties) ? f.properties : {}));
  const properties = [...new Set(propertyRows.flatMap((p) => Object.keys(p)))];
  const defaults = defaultProperties(propertyRows);
  const codeProperty = options.codeProperty || defaults.code;
  const nameProperty = options.nameProperty || defaults.name;
  const stored = new Map(storedRegions.map((r) => [r.code, r]));

  const reads = features.map((f, i) => readFeature(f, i, codeProperty, nameProperty, stored));
  const implied = impliedParents(reads, features, stored);
  const byCode = new Map<string, Read>();
  const records: Array<{ record: RegionRecord; index: number }> = [...implied];
  for (const read of reads) {
    if (!read.code) continue;
    const first = byCode.get(read.code);
    if (first) {
      read.faults.push(`编码与第 ${first.index + 1} 个要素重复`);
      continue;
    }
    records.push({ record: { code: read.code, name: read.name, boundary: read.boundary ?? undefined, ...(read.households !== undefined ? { households: read.households } : {}) }, index: read.index });
    byCode.set(read.code, read);
  }
  const known = new Map(storedRegions.map((r) => [r.code, { level: r.level, active: r.active }]));
  for (const fault of validateRegionRecords(records.map((r) => r.record), known)) {
    const owner = records[fault.index]!;
    const read = reads[owner.index]!;
    const isImplied = fault.index < implied.length;
    // A feature without a name is fine when it only attaches a boundary to a stored region.
    if (fault.field === 'name' && !isImplied && read.name === '') read.faults.push(nameProperty ? `缺少名称（属性「${nameProperty}」为空），新建区域必须有名称` : '缺少名称：请选择存放名称的属性');
    else read.faults.push(isImplied ? `推断的上级「${owner.record.code}」：${fault.reason}` : fault.reason);
  }
  overlapFaults(reads, storedRegions);

  const faults: ImportFault[] = reads.flatMap((r) => r.faults.map((reason) => ({ index: r.index, code: r.code, reason })));
  const plans: FeaturePlan[] = reads.map((r) => ({
    index: r.index, code: r.code, name: r.name, level: r.level,
    action: r.faults.length ? 'invalid' : actionOf(records.find((x) => x.index === r.index && x.record.code === r.code)!.record, stored),
  }));
  const impliedPlans = implied.map(({ record, index }) => ({
    code: record.code, name: record.name, level: record.level!, action: reads[index]!.faults.length ? ('invalid' as const) : ('create' as const),
  }));
  const ordered = records.map((r) => r.record).sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  return { properties, codeProperty, nameProperty, features: plans, implied: impliedPlans, faults, records: ordered };
}
