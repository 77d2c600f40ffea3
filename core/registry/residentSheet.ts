import type { KindSpec, RowReader } from '../import/onboarding/columns';
import { normaliseIdNumber, normalisePhone, validIdNumber } from './access';
import { checkGridCode, checkLength, firstInFile, type SheetRowContext } from './sheetKinds';
import { TAGS, TAG_CODES, type TagCode } from './tags';

const TAG_BY_LABEL = new Map<string, TagCode>(TAG_CODES.map((code) => [TAGS[code].label, code]));
const TAG_LIST = [...TAG_BY_LABEL.keys()].join('、');

/** The residents template. Only 网格编码, 姓名, 身份证号 and 楼栋 are required; a re-import matches people by ID number. */
export const RESIDENT_SPEC: KindSpec = {
  kind: 'residents',
  sheet: '居民',
  label: '居民',
  columns: [
    { field: 'gridCode', header: '网格编码', required: true, note: '15 位网格编码（系统管理 → 区域网格中可查），网格员只能导入本网格', width: 18 },
    { field: 'name', header: '姓名', required: true, note: '最多 32 个字', width: 10 },
    { field: 'idNumber', header: '身份证号', required: true, note: '18 位居民身份证号，末位 X 大小写均可；再次导入时按身份证号对应已登记的人（更新而不重复）', width: 22 },
    { field: 'phone', header: '电话', required: false, note: '手机或座机，7–12 位数字（可带 - 或空格）', width: 15 },
    { field: 'building', header: '楼栋', required: true, note: '如“幸福路12号”或“青枫小区3栋”，最多 64 个字', width: 18 },
    { field: 'unit', header: '单元', required: false, note: '最多 16 个字', width: 8 },
    { field: 'room', header: '房号', required: false, note: '最多 16 个字', width: 8 },
    { field: 'householdCode', header: '户号', required: false, note: '同一户的成员填同一户号（最多 32 位）；新户号会按第一位成员的地址建户', width: 14 },
    { field: 'relation', header: '与户主关系', required: false, note: '如 户主、配偶、子女，最多 16 个字', width: 12 },
    { field: 'tags', header: '标签', required: false, note: `人群标签，多个用顿号分隔，可用：${TAG_LIST}`, width: 20 },
    { field: 'note', header: '备注', required: false, note: '与标签一起加密保存，最多 200 个字', width: 24 },
  ],
  examples: [
    { gridCode: '500112003001001', name: '张秀英', idNumber: '500112194501011234', phone: '13800138000', building: '幸福路12号', unit: '1单元', room: '301', householdCode: 'H0001', relation: '户主', tags: '独居老人' },
  ],
};

/** The header texts in template order (without the * of required columns). */
export const RESIDENT_SHEET_COLUMNS = RESIDENT_SPEC.columns.map((c) => c.header);

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

/**
 * One row → a resident, or null with the row's faults in `row.issues`: blanks first (as the cells are
 * read), then each value's own check. The same ID number twice in one file refuses the later row.
 */
export function readResidentRow(row: RowReader, ctx: SheetRowContext): SheetResident | null {
  const before = row.issues.length;
  const cell = {
    gridCode: row.text('gridCode'), name: row.text('name'), idNumber: row.text('idNumber'), phone: row.text('phone'),
    building: row.text('building'), unit: row.text('unit'), room: row.text('room'), householdCode: row.text('householdCode'),
    relation: row.text('relation'), tags: row.text('tags'), note: row.text('note'),
  };
  const limits = { name: 32, building: 64, unit: 16, room: 16, householdCode: 32, relation: 16, note: 200 } as const;
  for (const [field, max] of Object.entries(limits)) checkLength(row, field, cell[field as keyof typeof limits], max);
  checkGridCode(row, ctx, cell.gridCode);
  const idNumber = normaliseIdNumber(cell.idNumber ?? '');
  if (idNumber !== '' && !validIdNumber(idNumber)) row.fault('idNumber', '身份证号码不正确（18 位，末位校验码不符）');
  else if (idNumber !== '') firstInFile(row, ctx, 'idNumber', idNumber, '身份证号');
  const phone = normalisePhone(cell.phone ?? '');
  if (phone !== '' && !/^\d{7,12}$/.test(phone)) row.fault('phone', '电话号码应为 7–12 位数字');
  const tags: TagCode[] = [];
  for (const label of (cell.tags ?? '').split(/[，,、;；\s]+/).filter(Boolean)) {
    const code = TAG_BY_LABEL.get(label);
    if (code) tags.push(code);
    else row.fault('tags', `未知的人群标签，可用：${TAG_LIST}`, label);
  }
  if (row.issues.length > before) return null;
  return {
    gridCode: cell.gridCode!, name: cell.name!, idNumber, phone, building: cell.building!, unit: cell.unit ?? '', room: cell.room ?? '',
    householdCode: cell.householdCode ?? '', relation: cell.relation ?? '', tags: [...new Set(tags)], note: cell.note ?? '',
  };
}
