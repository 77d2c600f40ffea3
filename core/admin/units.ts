/**
 * Departments (处置部门) and social organisations (社会组织): the units cases are sent to.
 * Their records, as a form or an Excel row gives them, and the one validator for both.
 */
import { duplicateKeyFaults, normalisePhone, phoneFault, textFault, unitCodeFault, type RecordFault } from './records';

interface UnitRecordBase {
  /** Set when a form edits a stored row (its code may change); otherwise rows are matched by code. */
  id?: string;
  code: string;
  name: string;
  dutyHours?: string;
  active?: boolean;
}

export interface DepartmentRecord extends UnitRecordBase {
  shortName?: string;
  vertical?: boolean;
  contactPerson?: string;
  phone?: string;
}

export interface OrganisationRecord extends UnitRecordBase {
  kind?: string;
  services?: string[];
  contactName?: string;
  contactPhone?: string;
  address?: string;
  /** Streets and communities served (region ids); empty: the whole office. */
  areaRegionIds?: string[];
  /** Cases it takes at a time; 0: not stated. */
  capacity?: number;
}

export interface StoredUnit {
  id: string;
  code: string;
}

export const UNIT_NAME_MAX = 64;
export const SHORT_NAME_MAX = 16;
export const PERSON_MAX = 32;
export const DUTY_HOURS_MAX = 64;
export const ADDRESS_MAX = 128;

/** A record with its text trimmed and its phone normalised, as it will be stored. */
export function cleanDepartment(r: DepartmentRecord): DepartmentRecord {
  return {
    ...r,
    code: r.code.trim(),
    name: r.name.trim(),
    ...(r.shortName !== undefined ? { shortName: r.shortName.trim() } : {}),
    ...(r.contactPerson !== undefined ? { contactPerson: r.contactPerson.trim() } : {}),
    ...(r.phone !== undefined ? { phone: normalisePhone(r.phone) } : {}),
    ...(r.dutyHours !== undefined ? { dutyHours: r.dutyHours.trim() } : {}),
  };
}

export function cleanOrganisation(r: OrganisationRecord): OrganisationRecord {
  return {
    ...r,
    code: r.code.trim(),
    name: r.name.trim(),
    ...(r.kind !== undefined ? { kind: r.kind.trim() } : {}),
    ...(r.services !== undefined ? { services: r.services.map((s) => s.trim()).filter(Boolean) } : {}),
    ...(r.contactName !== undefined ? { contactName: r.contactName.trim() } : {}),
    ...(r.contactPhone !== undefined ? { contactPhone: normalisePhone(r.contactPhone) } : {}),
    ...(r.address !== undefined ? { address: r.address.trim() } : {}),
    ...(r.dutyHours !== undefined ? { dutyHours: r.dutyHours.trim() } : {}),
    ...(r.areaRegionIds !== undefined ? { areaRegionIds: [...new Set(r.areaRegionIds)] } : {}),
  };
}

export const CAPACITY_MAX = 10_000;

function codeFaults(records: readonly UnitRecordBase[], stored: readonly StoredUnit[], label: string): RecordFault[] {
  const faults = duplicateKeyFaults(records.map((r) => r.code), 'code', `${label}编码`);
  const byCode = new Map(stored.map((s) => [s.code.toLowerCase(), s]));
  const ids = new Set(stored.map((s) => s.id));
  records.forEach((r, index) => {
    const add = (field: string, reason: string | null) => reason && faults.push({ index, key: r.code, field, reason });
    add('code', unitCodeFault(r.code));
    if (r.id !== undefined && !ids.has(r.id)) add('id', `要修改的${label}不存在`);
    const holder = byCode.get(r.code.toLowerCase());
    if (r.id !== undefined && holder && holder.id !== r.id) add('code', `${label}编码"${r.code}"已被使用`);
    add('name', textFault('名称', r.name, UNIT_NAME_MAX, true));
    add('dutyHours', textFault('值班时间', r.dutyHours ?? '', DUTY_HOURS_MAX));
  });
  return faults;
}

/** Every fault of a batch of (cleaned) department records against the stored departments. */
export function validateDepartmentRecords(records: readonly DepartmentRecord[], stored: readonly StoredUnit[]): RecordFault[] {
  const faults = codeFaults(records, stored, '部门');
  records.forEach((r, index) => {
    const add = (field: string, reason: string | null) => reason && faults.push({ index, key: r.code, field, reason });
    add('shortName', textFault('简称', r.shortName ?? '', SHORT_NAME_MAX));
    add('contactPerson', textFault('联系人', r.contactPerson ?? '', PERSON_MAX));
    add('phone', phoneFault(r.phone ?? ''));
  });
  return faults.sort((a, b) => a.index - b.index);
}

/** Every fault of a batch of (cleaned) organisation records against the stored organisations. */
export function validateOrganisationRecords(
  records: readonly OrganisationRecord[],
  stored: readonly StoredUnit[],
  /** Streets and communities an organisation may serve; absent: areas are not checked (an import without them). */
  areaIds?: ReadonlySet<string>,
): RecordFault[] {
  const faults = codeFaults(records, stored, '社会组织');
  records.forEach((r, index) => {
    const add = (field: string, reason: string | null) => reason && faults.push({ index, key: r.code, field, reason });
    add('kind', textFault('类型', r.kind ?? '', 24));
    add('contactName', textFault('联系人', r.contactName ?? '', PERSON_MAX));
    add('contactPhone', phoneFault(r.contactPhone ?? ''));
    add('address', textFault('地址', r.address ?? '', ADDRESS_MAX));
    if ((r.services ?? []).some((s) => s.length > 32)) add('services', '服务项目每项不超过 32 个字');
    if (areaIds && (r.areaRegionIds ?? []).some((id) => !areaIds.has(id))) add('areaRegionIds', '服务区域须为现有的街道或社区');
    const capacity = r.capacity ?? 0;
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > CAPACITY_MAX) add('capacity', `承接能力须为 0–${CAPACITY_MAX} 的整数（0 表示未填写）`);
  });
  return faults.sort((a, b) => a.index - b.index);
}
