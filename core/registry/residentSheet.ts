import { cellText, type CellValue } from '../import/cells';
import type { ImportIssue } from '../import/report';
import { normaliseIdNumber, normalisePhone, validIdNumber } from './access';
import { TAGS, TAG_CODES, type TagCode } from './tags';

/** The residents sheet: template headers, in order. Only 网格编码, 姓名, 身份证号 and 楼栋 are required. */
export const RESIDENT_SHEET_COLUMNS = ['网格编码', '姓名', '身份证号', '电话', '楼栋', '单元', '房号', '户号', '与户主关系', '标签', '备注'] as const;
type Column = (typeof RESIDENT_SHEET_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['网格编码', '姓名', '身份证号', '楼栋'];
const LIMITS: Partial<Record<Column, number>> = { 姓名: 32, 楼栋: 64, 单元: 16, 房号: 16, 户号: 32, 与户主关系: 16, 备注: 200 };

const TAG_BY_LABEL = new Map<string, TagCode>(TAG_CODES.map((code) => [TAGS[code].label, code]));

export interface SheetResident {
  gridCode: string;
  name: string;
  idNumber: string;
  phone: string;
  building: string;
  unit: string;
  room: string;
  householdCode: string;
  relation: string;
  tags: TagCode[];
  note: string;
}

/** Where each template column sits in this file's header; a missing required column refuses the file. */
export function residentColumns(header: readonly string[], sheet: string): { index: Map<Column, number>; issues: ImportIssue[] } {
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const column = RESIDENT_SHEET_COLUMNS.find((c) => c === h.trim());
    if (column && !index.has(column)) index.set(column, i);
  });
  const issues = REQUIRED.filter((c) => !index.has(c)).map((c) => ({ sheet, row: 1, column: c, value: '', reason: `缺少必填列「${c}」（请使用下载的模板）` }));
  return { index, issues };
}

/**
 * One row → a resident, or the row's issues. `gridCodes` is the set of grid codes the office has;
 * `seenIds` catches the same ID number twice in one file (the later row is refused).
 */
export function parseResidentRow(
  cells: readonly CellValue[], index: ReadonlyMap<Column, number>, at: { sheet: string; row: number },
  gridCodes: ReadonlySet<string>, seenIds: Map<string, number>,
): { resident: SheetResident | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const text = (c: Column) => (index.has(c) ? cellText(cells[index.get(c)!] ?? null).trim() : '');
  const fail = (column: Column, reason: string) => issues.push({ sheet: at.sheet, row: at.row, column, value: text(column).slice(0, 200), reason });
  for (const c of REQUIRED) if (text(c) === '') fail(c, '必填，不能为空');
  for (const [c, max] of Object.entries(LIMITS) as Array<[Column, number]>) if (text(c).length > max) fail(c, `不能超过 ${max} 个字符`);
  const gridCode = text('网格编码');
  if (gridCode !== '' && !gridCodes.has(gridCode)) fail('网格编码', '没有这个网格编码（应为 15 位网格编码，见区域网格）');
  const idNumber = normaliseIdNumber(text('身份证号'));
  if (idNumber !== '' && !validIdNumber(idNumber)) fail('身份证号', '身份证号码不正确（18 位，末位校验码不符）');
  else if (idNumber !== '' && seenIds.has(idNumber)) fail('身份证号', `与第 ${seenIds.get(idNumber)} 行的身份证号重复`);
  const phone = normalisePhone(text('电话'));
  if (phone !== '' && !/^\d{7,12}$/.test(phone)) fail('电话', '电话号码应为 7–12 位数字');
  const tags: TagCode[] = [];
  for (const label of text('标签').split(/[，,、;；\s]+/).filter(Boolean)) {
    const code = TAG_BY_LABEL.get(label);
    if (code) tags.push(code);
    else issues.push({ sheet: at.sheet, row: at.row, column: '标签', value: label, reason: `未知的人群标签，可用：${[...TAG_BY_LABEL.keys()].join('、')}` });
  }
  if (issues.length > 0) return { resident: null, issues };
  seenIds.set(idNumber, at.row);
  return {
    resident: {
      gridCode, name: text('姓名'), idNumber, phone, building: text('楼栋'), unit: text('单元'), room: text('房号'),
      householdCode: text('户号'), relation: text('与户主关系'), tags: [...new Set(tags)], note: text('备注'),
    },
    issues,
  };
}
