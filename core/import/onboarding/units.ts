/** The departments (部门) and social organisations (社会组织) templates, and how their rows become records. */
import type { DepartmentRecord, OrganisationRecord } from '../../admin/units';
import { ACTIVE_WORDS, type KindSpec, type RowReader } from './columns';

/** What a row gives: the administration's record without an id (rows are matched by code). */
export type DepartmentDraft = Omit<DepartmentRecord, 'id'>;
export type OrganisationDraft = Omit<OrganisationRecord, 'id'>;

const ACTIVE_NOTE = '启用 / 停用（空 = 启用；已有的保持原状态）';
const DUTY_NOTE = '如“工作日 8:30–17:30”或“24 小时”，最多 64 个字';

export const DEPARTMENTS_SPEC: KindSpec = {
  kind: 'departments',
  sheet: '部门',
  label: '处置部门',
  columns: [
    { field: 'code', header: '部门编码', required: true, note: '字母、数字、- 或 _，最多 16 位，不能重复。再次导入时按编码对应已有部门', width: 12 },
    { field: 'name', header: '部门名称', required: true, note: '全称，最多 64 个字', width: 28 },
    { field: 'shortName', header: '简称', required: false, note: '队列中显示，最多 16 个字（空 = 用名称）', width: 12 },
    { field: 'vertical', header: '垂直管理', required: false, note: '是 / 否：市、区垂直管理单位（如供电、燃气）填“是”', width: 10, choices: ['是', '否'] },
    { field: 'contactPerson', header: '联系人', required: false, note: '最多 32 个字', width: 10 },
    { field: 'phone', header: '联系电话', required: false, aliases: ['电话'], note: '手机 11 位，座机如 023-67891234', width: 16 },
    { field: 'dutyHours', header: '值班时间', required: false, note: DUTY_NOTE, width: 20 },
    { field: 'active', header: '状态', required: false, note: ACTIVE_NOTE, width: 8, choices: ['启用', '停用'] },
  ],
  examples: [
    { code: 'D01', name: '街道城市管理办公室', shortName: '城管办', vertical: '否', contactPerson: '王强', phone: '023-67891234', dutyHours: '工作日 8:30–17:30', active: '启用' },
    { code: 'D20', name: '国网重庆渝北供电公司', shortName: '供电公司', vertical: '是', phone: '95598', dutyHours: '24 小时' },
  ],
};

export const ORGANISATIONS_SPEC: KindSpec = {
  kind: 'organisations',
  sheet: '社会组织',
  label: '社会组织',
  columns: [
    { field: 'code', header: '组织编码', required: true, note: '字母、数字、- 或 _，最多 16 位，不能重复。再次导入时按编码对应', width: 12 },
    { field: 'name', header: '组织名称', required: true, note: '最多 64 个字', width: 28 },
    { field: 'kind', header: '类型', required: false, note: '如 志愿服务、养老服务、物业服务，最多 24 个字', width: 12 },
    { field: 'services', header: '服务项目', required: false, note: '多个用顿号“、”分隔，每项最多 32 个字', width: 28 },
    { field: 'contactName', header: '联系人', required: false, note: '最多 32 个字', width: 10 },
    { field: 'contactPhone', header: '联系电话', required: false, aliases: ['电话'], note: '手机 11 位，座机如 023-67891234', width: 16 },
    { field: 'address', header: '地址', required: false, note: '最多 128 个字', width: 28 },
    { field: 'dutyHours', header: '值班时间', required: false, note: DUTY_NOTE, width: 20 },
    { field: 'active', header: '状态', required: false, note: ACTIVE_NOTE, width: 8, choices: ['启用', '停用'] },
  ],
  examples: [
    { code: 'SO01', name: '青枫社区志愿服务队', kind: '志愿服务', services: '助老、环境整治', contactName: '赵敏', contactPhone: '13700137000', address: '青枫路 18 号', dutyHours: '周末 9:00–17:00' },
  ],
};

export function readDepartmentRow(row: RowReader): DepartmentDraft | null {
  const draft = {
    code: row.text('code'),
    name: row.text('name'),
    shortName: row.text('shortName'),
    vertical: row.flag('vertical'),
    contactPerson: row.text('contactPerson'),
    phone: row.text('phone'),
    dutyHours: row.text('dutyHours'),
    active: row.flag('active', ACTIVE_WORDS.yes, ACTIVE_WORDS.no),
  };
  if (draft.code === undefined || draft.name === undefined) return null;
  return withoutUndefined({ ...draft, code: draft.code, name: draft.name });
}

export function readOrganisationRow(row: RowReader): OrganisationDraft | null {
  const draft = {
    code: row.text('code'),
    name: row.text('name'),
    kind: row.text('kind'),
    services: row.list('services'),
    contactName: row.text('contactName'),
    contactPhone: row.text('contactPhone'),
    address: row.text('address'),
    dutyHours: row.text('dutyHours'),
    active: row.flag('active', ACTIVE_WORDS.yes, ACTIVE_WORDS.no),
  };
  if (draft.code === undefined || draft.name === undefined) return null;
  return withoutUndefined({ ...draft, code: draft.code, name: draft.name });
}

/** Drops fields a row left blank: a blank cell keeps the stored value. */
export function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
