import type { CategoryRef } from '../../api/types';
import type { CaseSource, HandlingResult, Satisfaction } from '../../domain/case';
import { HISTORY_FIELD_LABELS, STAGE_FIELDS, type HistoryField, type HistoryMapping, type StageField } from './fields';
import { cellText, isBlank, parseResult, parseSatisfaction, parseSource, parseTime, type CellValue } from './values';

/** One fault of a row: the row number in the file, the column (header) it is in, the value and why, in Chinese. */
export interface HistoryFault {
  row: number;
  column: string | null;
  value: string;
  reason: string;
}

export interface HistoryGrid {
  id: string;
  communityId: string;
  streetId: string;
}

/** The office's reference data the rows are checked against, looked up by code. */
export interface HistoryLookups {
  grid: (code: string) => HistoryGrid | undefined;
  category: (code: string) => CategoryRef | undefined;
  department: (code: string) => { id: string } | undefined;
}

/** A row that reads as a history: what to report and the time of each stage that happened. */
export interface HistoryCase {
  row: number;
  caseNo: string;
  /** null when the file does not say: the case's source is then `import`. */
  source: CaseSource | null;
  description: string;
  address: string;
  grid: HistoryGrid;
  category: CategoryRef | null;
  departmentId: string | null;
  reportedAt: number;
  stages: Partial<Record<StageField, number>>;
  result: HandlingResult | null;
  satisfaction: Satisfaction | null;
}

export type RowReading = { ok: true; history: HistoryCase } | { ok: false; faults: HistoryFault[] };

const MAX_CASE_NO = 32;
const MAX_DESCRIPTION = 2000;
const MAX_ADDRESS = 200;

/**
 * Reads one row through the admin's mapping and checks that it can be a history at all:
 * required cells, known codes, times that parse and come in the workflow's order with no
 * stage missing in the middle. Everything wrong with the row is reported, not just the first.
 */
export function readHistoryRow(cells: Readonly<Record<string, CellValue>>, rowNumber: number, mapping: HistoryMapping, lookups: HistoryLookups, now: number): RowReading {
  const faults: HistoryFault[] = [];
  const raw = (field: HistoryField): CellValue => (mapping[field] ? (cells[mapping[field]] ?? null) : null);
  const fault = (field: HistoryField, reason: string) => faults.push({ row: rowNumber, column: mapping[field] ?? HISTORY_FIELD_LABELS[field], value: cellText(raw(field)), reason });
  const text = (field: HistoryField, max: number, required: boolean): string => {
    const value = cellText(raw(field));
    if (required && value === '') fault(field, `缺少${HISTORY_FIELD_LABELS[field]}`);
    else if (value.length > max) fault(field, `${HISTORY_FIELD_LABELS[field]}不能超过 ${max} 个字符`);
    return value;
  };

  const caseNo = text('caseNo', MAX_CASE_NO, true);
  const description = text('description', MAX_DESCRIPTION, true);
  const address = text('address', MAX_ADDRESS, false);

  const gridCode = text('gridCode', 32, true);
  const grid = gridCode ? lookups.grid(gridCode) : undefined;
  if (gridCode && !grid) fault('gridCode', `网格编码 ${gridCode} 不存在（请先导入区域网格）`);

  const categoryCode = cellText(raw('categoryCode'));
  const category = categoryCode ? lookups.category(categoryCode) : undefined;
  if (categoryCode && !category) fault('categoryCode', `事项类别编码 ${categoryCode} 不存在`);

  const departmentCode = cellText(raw('departmentCode'));
  const department = departmentCode ? lookups.department(departmentCode) : undefined;
  if (departmentCode && !department) fault('departmentCode', `处置部门编码 ${departmentCode} 不存在`);

  let source: CaseSource | null = null;
  if (!isBlank(raw('source'))) {
    const parsed = parseSource(raw('source'));
    if (parsed.ok) source = parsed.value;
    else fault('source', parsed.reason);
  }

  const time = (field: HistoryField): number | null => {
    if (isBlank(raw(field))) return null;
    const parsed = parseTime(raw(field));
    if (!parsed.ok) {
      fault(field, parsed.reason);
      return null;
    }
    if (parsed.value > now) {
      fault(field, `${HISTORY_FIELD_LABELS[field]}晚于当前时间`);
      return null;
    }
    return parsed.value;
  };
  const reportedAt = time('reportedAt');
  if (isBlank(raw('reportedAt'))) fault('reportedAt', '缺少上报时间');

  let result: HandlingResult | null = null;
  if (!isBlank(raw('result'))) {
    const parsed = parseResult(raw('result'));
    if (!parsed.ok) fault('result', parsed.reason);
    else if (parsed.value === 'not_our_duty') fault('result', '"非职责"的案件还要经过转派，一行历史无法还原，请在旧系统中补全后再导入');
    else result = parsed.value;
  }
  const parked = result === 'unresolvable';
  const stages: Partial<Record<StageField, number>> = {};
  let previous: { field: HistoryField; at: number } | null = reportedAt === null ? null : { field: 'reportedAt', at: reportedAt };
  let missing: StageField | null = null;
  for (const field of STAGE_FIELDS) {
    const blank = isBlank(raw(field));
    if (blank) {
      // A park (无法解决) is approved at its closing time; it is never verified.
      if (!(parked && field === 'verifiedAt')) missing ??= field;
      continue;
    }
    if (missing) {
      // Said once, at the first stage after the gap.
      fault(field, `已填写${HISTORY_FIELD_LABELS[field]}，但缺少之前的${HISTORY_FIELD_LABELS[missing]}`);
      missing = null;
    }
    const at = time(field);
    if (at === null) continue;
    if (reportedAt !== null && at < reportedAt) fault(field, `${HISTORY_FIELD_LABELS[field]}早于上报时间`);
    else if (previous && at < previous.at) fault(field, `${HISTORY_FIELD_LABELS[field]}早于${HISTORY_FIELD_LABELS[previous.field]}`);
    stages[field] = at;
    previous = { field, at };
  }

  if (!isBlank(raw('filedAt')) && !categoryCode) fault('categoryCode', '已立案的案件必须有事项类别编码');
  if (!isBlank(raw('dispatchedAt')) && !departmentCode) fault('departmentCode', '已派遣的案件必须有处置部门编码');

  if (!isBlank(raw('handledAt')) && isBlank(raw('result'))) fault('result', '已填写处置时间，但缺少处置结果');
  if (isBlank(raw('handledAt')) && result) fault('handledAt', '填写了处置结果，但缺少处置时间');
  if (result === 'unresolvable' && (!isBlank(raw('verifiedAt')) || !isBlank(raw('callbackAt')))) {
    fault('result', '无法解决（挂账）的案件不经核查和回访，但该行填写了核查或回访时间');
  }

  let satisfaction: Satisfaction | null = null;
  if (!isBlank(raw('satisfaction'))) {
    const parsed = parseSatisfaction(raw('satisfaction'));
    if (parsed.ok) satisfaction = parsed.value;
    else fault('satisfaction', parsed.reason);
  }
  if (!isBlank(raw('callbackAt')) && isBlank(raw('satisfaction'))) fault('satisfaction', '已填写回访时间，但缺少回访满意度');
  if (isBlank(raw('callbackAt')) && satisfaction) fault('callbackAt', '填写了回访满意度，但缺少回访时间');

  if (faults.length > 0 || !grid || reportedAt === null) return { ok: false, faults };
  return {
    ok: true,
    history: {
      row: rowNumber, caseNo, source, description, address, grid, category: category ?? null, departmentId: department?.id ?? null,
      reportedAt, stages, result, satisfaction,
    },
  };
}
