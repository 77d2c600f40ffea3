/** Departments and social organisations in and out, through `writeRecords` (validated, diffed, audited). */
import type { Knex } from 'knex';
import {
  cleanDepartment, cleanOrganisation, validateDepartmentRecords, validateOrganisationRecords,
  type DepartmentRecord, type OrganisationRecord,
} from '../../../core/admin/units';
import type { DepartmentAdminRow, OrganisationAdminRow } from '../../../core/api/adminTypes';
import type { Row, WriteTx } from '../../writePath';
import { recordFaultsError, writeRecords, type ChangeSource, type WriteResult } from './recordWriter';

type Db = Knex | Knex.Transaction;

const DEPARTMENT_SPEC = { table: 'departments', keyColumn: 'code', entity: 'department' } as const;
const ORGANISATION_SPEC = { table: 'organisations', keyColumn: 'code', entity: 'organisation' } as const;

/** Only the fields a record gives are written; a field left undefined keeps its stored value. */
function defined(columns: Row): Row {
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}
const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

export async function saveDepartments(tx: WriteTx, input: readonly DepartmentRecord[], source: ChangeSource): Promise<WriteResult> {
  const records = input.map(cleanDepartment);
  const stored = await tx.trx('departments').where({ deleted: 0 }).select('id', 'code');
  const faults = validateDepartmentRecords(records, stored);
  if (faults.length) throw recordFaultsError(faults);
  return writeRecords(tx, DEPARTMENT_SPEC, records.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    key: r.code,
    columns: defined({
      name: r.name,
      // A new department without a short name is shown by its name (cut to the column's size).
      short_name: r.shortName || (r.id ? undefined : r.name.slice(0, 16)),
      vertical: flag(r.vertical), contact_person: r.contactPerson, phone: r.phone, duty_hours: r.dutyHours, active: flag(r.active),
    }),
  })), source);
}

export async function saveOrganisations(tx: WriteTx, input: readonly OrganisationRecord[], source: ChangeSource): Promise<WriteResult> {
  const records = input.map(cleanOrganisation);
  const stored = await tx.trx('organisations').where({ deleted: 0 }).select('id', 'code');
  const areas = await tx.trx('regions').where({ deleted: 0 }).whereIn('level', ['street', 'community']).select('id');
  const faults = validateOrganisationRecords(records, stored, new Set(areas.map((a) => a.id as string)));
  if (faults.length) throw recordFaultsError(faults);
  return writeRecords(tx, ORGANISATION_SPEC, records.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    key: r.code,
    columns: defined({
      name: r.name,
      kind: r.kind || (r.id ? undefined : '社会组织'),
      services: r.services ? JSON.stringify(r.services) : undefined,
      contact_name: r.contactName, contact_phone: r.contactPhone, address: r.address, duty_hours: r.dutyHours, active: flag(r.active),
      area_region_ids: r.areaRegionIds ? JSON.stringify(r.areaRegionIds) : undefined, capacity: r.capacity,
    }),
  })), source);
}

export async function listDepartmentsForAdmin(db: Db): Promise<DepartmentAdminRow[]> {
  const rows = await db('departments').where({ deleted: 0 }).orderBy('code');
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, shortName: r.short_name, vertical: Number(r.vertical) === 1,
    contactPerson: r.contact_person, phone: r.phone, dutyHours: r.duty_hours, active: Number(r.active) === 1,
  }));
}

export async function listOrganisationsForAdmin(db: Db): Promise<OrganisationAdminRow[]> {
  const rows = await db('organisations').where({ deleted: 0 }).orderBy('code');
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, services: JSON.parse(r.services) as string[],
    contactName: r.contact_name, contactPhone: r.contact_phone, address: r.address, dutyHours: r.duty_hours,
    areaRegionIds: JSON.parse(r.area_region_ids || '[]') as string[], capacity: Number(r.capacity ?? 0),
    active: Number(r.active) === 1,
  }));
}
