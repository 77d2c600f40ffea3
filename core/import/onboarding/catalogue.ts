/** The category catalogue template (事项类别) and how one of its rows becomes a category draft. */
import type { CategoryRecord } from '../../admin/catalogue';
import type { MatterKind } from '../../api/types';
import type { LimitUnit, TimeLimit } from '../../calendar/types';
import { TIMED_STAGES, type Priority, type TimedStage } from '../../domain/case';
import { cellText } from '../cells';
import type { KindSpec, RowReader } from './columns';

/** The administration's category record as a row gives it: the default department by code, not id. */
export type CategoryDraft = Omit<CategoryRecord, 'id' | 'departmentId'> & { departmentCode: string | null };

export const STAGE_HEADERS: Record<TimedStage, string> = {
  accept: '受理时限', sign: '签收时限', handle: '处置时限', verify: '核查时限', callback: '回访时限',
};

export const MATTER_KIND_LABELS: Record<MatterKind, string> = {
  licensing: '行政许可', approval: '审批', enforcement: '执法', certificate: '证照办理',
};

export const PRIORITY_LABELS: Record<Priority, string> = { normal: '普通', urgent: '紧急' };

const UNIT_WORDS: ReadonlyArray<[RegExp, LimitUnit]> = [
  [/^(个)?工作日$/, 'working_days'],
  [/^(个)?工作(小)?时$/, 'working_hours'],
  [/^(个)?(自然)?(小)?时(（紧急）|\(紧急\)|紧急)?$|^紧急(小)?时$/, 'urgent_hours'],
];

export const UNIT_LABELS: Record<LimitUnit, string> = { working_days: '工作日', working_hours: '工作小时', urgent_hours: '小时' };

/** "2工作日", "4 工作小时", "24小时" (clock hours, for urgent matters). */
export function parseTimeLimit(text: string): TimeLimit | null {
  const match = /^(\d+(?:\.\d+)?)\s*(.+)$/.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test(match[2]!))?.[1];
  return unit ? { amount: Number(match[1]), unit } : null;
}

const LIMIT_NOTE = '数字加单位：工作日、工作小时，或小时（紧急事项按自然小时计），如“2工作日”“4工作小时”“24小时”';

export const CATEGORIES_SPEC: KindSpec = {
  kind: 'categories',
  sheet: '事项类别',
  label: '事项类别',
  columns: [
    { field: 'code', header: '类别编码', required: true, note: '4 位数字：前 2 位大类、后 2 位小类，都不能为 00。再次导入时按编码对应', width: 10 },
    { field: 'majorName', header: '大类名称', required: true, note: '同一大类的各行须一致，最多 32 个字', width: 14 },
    { field: 'name', header: '小类名称', required: true, note: '最多 64 个字', width: 18 },
    { field: 'filingCriteria', header: '立案标准', required: true, note: '最多 1000 个字', width: 30 },
    { field: 'closingCriteria', header: '结案标准', required: true, note: '最多 1000 个字', width: 30 },
    { field: 'departmentId', header: '默认处置部门编码', required: false, aliases: ['处置部门编码', '部门编码'], note: '部门的编码（空 = 无默认部门）', width: 14 },
    { field: 'keywords', header: '关键词', required: false, note: '用顿号“、”分隔，最多 60 个，每个最多 16 个字；智能分类会用到', width: 24 },
    { field: 'gridAdmissible', header: '网格可受理', required: false, note: '是 / 否（空 = 否）：网格员可直接处置的事项', width: 10, choices: ['是', '否'] },
    { field: 'matterKind', header: '事项性质', required: false, note: `${Object.values(MATTER_KIND_LABELS).join('、')}，一般事项留空`, width: 10, choices: Object.values(MATTER_KIND_LABELS) },
    { field: 'priority', header: '优先级', required: false, note: '普通 / 紧急（空 = 普通）', width: 8, choices: Object.values(PRIORITY_LABELS) },
    ...TIMED_STAGES.map((stage) => ({ field: `limits.${stage}`, header: STAGE_HEADERS[stage], required: true, note: LIMIT_NOTE, width: 10 })),
  ],
  examples: [
    {
      code: '0101', majorName: '市容环境', name: '暴露垃圾', filingCriteria: '道路、绿地等公共区域有暴露垃圾、积存垃圾渣土',
      closingCriteria: '垃圾清除干净，无残留', departmentId: 'D01', keywords: '垃圾、垃圾堆、乱倒垃圾', gridAdmissible: '是', priority: '普通',
      'limits.accept': '2工作小时', 'limits.sign': '1工作小时', 'limits.handle': '1工作日', 'limits.verify': '4工作小时', 'limits.callback': '2工作日',
    },
  ],
};

export function readCategoryRow(row: RowReader): CategoryDraft | null {
  const code = row.text('code');
  const majorName = row.text('majorName');
  const name = row.text('name');
  const filingCriteria = row.text('filingCriteria');
  const closingCriteria = row.text('closingCriteria');
  const departmentCode = row.text('departmentId') ?? null;
  const keywords = row.list('keywords') ?? [];
  const gridAdmissible = row.flag('gridAdmissible') ?? false;
  const matterKind = row.choice('matterKind', MATTER_KIND_LABELS) ?? null;
  const priority = row.choice('priority', PRIORITY_LABELS) ?? 'normal';
  const limits: Partial<Record<TimedStage, TimeLimit>> = {};
  for (const stage of TIMED_STAGES) {
    const field = `limits.${stage}`;
    const raw = row.raw(field);
    const text = row.text(field);
    if (text === undefined) continue;
    // A bare number is most often days: say so rather than guess.
    const limit = typeof raw === 'number' ? null : parseTimeLimit(cellText(raw));
    if (limit) limits[stage] = limit;
    else row.fault(field, `时限“${text}”看不懂：请写成${LIMIT_NOTE.slice(LIMIT_NOTE.indexOf('如'))}`);
  }
  if ([code, majorName, name, filingCriteria, closingCriteria].includes(undefined) || TIMED_STAGES.some((s) => !limits[s])) return null;
  return {
    code: code!, majorName: majorName!, name: name!, filingCriteria: filingCriteria!, closingCriteria: closingCriteria!,
    keywords, departmentCode, limits: limits as Record<TimedStage, TimeLimit>, gridAdmissible, matterKind, priority,
  };
}
