/**
 * The category catalogue (事项目录) as an admin edits it, its validator, and its versions:
 * each edit keeps the state before it, with the time the new one took effect, so a case is
 * timed by the category it was filed under (`categoryAsOf`).
 */
import type { CategoryRef, MatterKind } from '../api/types';
import { LIMIT_UNITS, type TimeLimit } from '../calendar/types';
import { PRIORITIES, TIMED_STAGES, type Priority, type TimedStage } from '../domain/case';
import { duplicateKeyFaults, textFault, type RecordFault } from './records';

export const MATTER_KINDS = ['licensing', 'approval', 'enforcement', 'certificate'] as const satisfies readonly MatterKind[];

export interface CategoryRecord {
  id?: string;
  /** Four digits: the major class's two, then the minor class's two. */
  code: string;
  majorName: string;
  name: string;
  filingCriteria: string;
  closingCriteria: string;
  keywords: string[];
  departmentId: string | null;
  limits: Record<TimedStage, TimeLimit>;
  gridAdmissible: boolean;
  matterKind: MatterKind | null;
  priority: Priority;
}

export const CRITERIA_MAX = 1000;
export const KEYWORDS_MAX = 60;

export function cleanCategory(r: CategoryRecord): CategoryRecord {
  return {
    ...r,
    code: r.code.trim(),
    majorName: r.majorName.trim(),
    name: r.name.trim(),
    filingCriteria: r.filingCriteria.trim(),
    closingCriteria: r.closingCriteria.trim(),
    keywords: [...new Set(r.keywords.map((k) => k.trim()).filter(Boolean))],
  };
}

export interface CategoryRules {
  stored: ReadonlyArray<{ id: string; code: string; majorCode: string; majorName: string }>;
  departmentIds: ReadonlySet<string>;
}

/** Every fault of a batch of (cleaned) category records. */
export function validateCategoryRecords(records: readonly CategoryRecord[], rules: CategoryRules): RecordFault[] {
  const faults = duplicateKeyFaults(records.map((r) => r.code), 'code', '类别编码');
  const byCode = new Map(rules.stored.map((s) => [s.code, s]));
  const ids = new Set(rules.stored.map((s) => s.id));
  records.forEach((r, index) => {
    const add = (field: string, reason: string | null) => reason && faults.push({ index, key: r.code, field, reason });
    if (!/^\d{4}$/.test(r.code)) add('code', '类别编码应为 4 位数字（大类 2 位 + 小类 2 位）');
    else if (r.code.endsWith('00') || r.code.startsWith('00')) add('code', '大类和小类编码都不能为 00');
    if (r.id !== undefined && !ids.has(r.id)) add('id', '要修改的类别不存在');
    const holder = byCode.get(r.code);
    if (r.id !== undefined && holder && holder.id !== r.id) add('code', `类别编码"${r.code}"已被使用`);
    add('majorName', textFault('大类名称', r.majorName, 32, true));
    const sibling = rules.stored.find((s) => s.majorCode === r.code.slice(0, 2) && s.id !== r.id && s.code !== r.code);
    if (sibling && sibling.majorName !== r.majorName) add('majorName', `大类 ${sibling.majorCode} 已叫"${sibling.majorName}"，同一大类名称须一致`);
    add('name', textFault('小类名称', r.name, 64, true));
    add('filingCriteria', textFault('立案标准', r.filingCriteria, CRITERIA_MAX, true));
    add('closingCriteria', textFault('结案标准', r.closingCriteria, CRITERIA_MAX, true));
    if (r.keywords.length > KEYWORDS_MAX) add('keywords', `关键词不超过 ${KEYWORDS_MAX} 个`);
    if (r.keywords.some((k) => k.length > 16)) add('keywords', '每个关键词不超过 16 个字');
    if (r.departmentId !== null && !rules.departmentIds.has(r.departmentId)) add('departmentId', '默认处置部门不存在或已停用');
    if (!PRIORITIES.includes(r.priority)) add('priority', '优先级只能是普通或紧急');
    if (r.matterKind !== null && !(MATTER_KINDS as readonly string[]).includes(r.matterKind)) add('matterKind', '事项性质不存在');
    for (const stage of TIMED_STAGES) {
      const limit = r.limits?.[stage];
      if (!limit || !LIMIT_UNITS.includes(limit.unit)) add(`limits.${stage}`, `${STAGE_LABELS[stage]}时限缺失或单位不对`);
      else if (!(limit.amount > 0 && limit.amount <= 365)) add(`limits.${stage}`, `${STAGE_LABELS[stage]}时限应大于 0 且不超过 365`);
    }
  });
  return faults.sort((a, b) => a.index - b.index);
}

export const STAGE_LABELS: Record<TimedStage, string> = {
  accept: '受理', sign: '签收', handle: '处置', verify: '核查', callback: '回访',
};

/** A stored version: the category as it was from `validFrom` until the next version. */
export interface CategoryVersion {
  validFrom: number;
  category: CategoryRef;
}

/**
 * The category as it stood at `at`. `versions` are one category's, oldest first; the current
 * row is the last word (used when there are no versions, or `at` is after the newest).
 */
export function categoryAsOf(current: CategoryRef, versions: readonly CategoryVersion[], at: number): CategoryRef {
  let chosen: CategoryRef = current;
  for (let i = versions.length - 1; i >= 0; i -= 1) {
    const v = versions[i]!;
    if (v.validFrom <= at) return v.category;
    chosen = v.category;
  }
  return chosen;
}
