import type { Knex } from 'knex';
import type {
  CategoryRef,
  DepartmentRef,
  OrganisationRef,
  ReferenceData,
  RegionRef,
} from '../../core/api/types';
import { DEFAULT_OFFICE_HOURS } from '../../core/calendar/types';
import type { CalendarDay } from '../../core/calendar/types';

type Db = Knex | Knex.Transaction;

export async function loadRegions(db: Db): Promise<RegionRef[]> {
  // Boundaries stay out: the reference data travels to every screen; the map has its own method.
  const rows = await db('regions').where({ deleted: 0 }).orderBy('code').select('id', 'code', 'name', 'level', 'parent_id', 'active');
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, active: Number(r.active) === 1 }));
}

export async function loadDepartments(db: Db): Promise<DepartmentRef[]> {
  const rows = await db('departments').where({ deleted: 0 }).orderBy('code');
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.short_name, vertical: Boolean(r.vertical), active: Number(r.active ?? 1) === 1 }));
}

export async function loadCategories(db: Db): Promise<CategoryRef[]> {
  const rows = await db('categories').where({ deleted: 0 }).orderBy('code');
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    majorCode: r.major_code,
    majorName: r.major_name,
    name: r.name,
    departmentId: r.department_id,
    gridAdmissible: Boolean(r.grid_admissible),
    matterKind: r.matter_kind,
    priority: r.priority,
    filingCriteria: r.filing_criteria,
    closingCriteria: r.closing_criteria,
    limits: JSON.parse(r.limits),
    keywords: JSON.parse(r.keywords),
  }));
}

export async function loadOrganisations(db: Db): Promise<OrganisationRef[]> {
  const rows = await db('organisations').where({ deleted: 0 }).orderBy('code');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    services: JSON.parse(r.services),
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    dutyHours: r.duty_hours ?? '',
    areaRegionIds: JSON.parse(r.area_region_ids || '[]') as string[],
    capacity: Number(r.capacity ?? 0),
    active: Number(r.active ?? 1) === 1,
  }));
}

export async function loadReference(db: Db): Promise<ReferenceData> {
  const [regions, departments, categories, organisations] = [
    await loadRegions(db),
    await loadDepartments(db),
    await loadCategories(db),
    await loadOrganisations(db),
  ];
  const officeHours = (await loadSetting<ReferenceData['officeHours']>(db, 'office_hours')) ?? DEFAULT_OFFICE_HOURS;
  return { regions, departments, categories, organisations, officeHours };
}

export async function loadCalendarDays(db: Db): Promise<CalendarDay[]> {
  const rows = await db('calendar_days').where({ deleted: 0 }).orderBy('date');
  return rows.map((r) => ({ date: r.date, kind: r.kind }));
}

export async function loadSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db('settings').where({ key, deleted: 0 }).first('value');
  return row ? (JSON.parse(row.value) as T) : undefined;
}
