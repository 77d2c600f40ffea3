import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_OFFICE_HOURS } from '../../core/calendar';
import type { WriteTx } from '../writePath';
import { DEFAULT_SCHEME } from '../../core/assessment';
import { insertScheme } from '../repositories/assessment/schemes';
import { shippedCalendar, shippedCategories, shippedDepartments, shippedOrganisations } from './resources';

export interface CatalogueIds {
  departments: { id: string; code: string; shortName: string }[];
  departmentIdByCode: Map<string, string>;
  categoryIdByCode: Map<string, string>;
  organisationIds: string[];
  organisations: { id: string; code: string; name: string }[];
}

/**
 * What every office starts from: departments, the category catalogue, the statutory
 * calendar, the social-organisation directory and default office hours.
 */
export async function writeCatalogue(tx: WriteTx, streetIdByCode: Map<string, string> = new Map()): Promise<CatalogueIds> {
  const departments = shippedDepartments().map((d) => ({ ...d, id: uuidv7() }));
  const departmentIdByCode = new Map(departments.map((d) => [d.code, d.id]));
  await tx.insert('departments', departments.map((d) => ({
    id: d.id, code: d.code, name: d.name, short_name: d.shortName, vertical: d.vertical ? 1 : 0, phone: d.phone,
  })));

  const categories = shippedCategories().map((c) => ({ ...c, id: uuidv7() }));
  await tx.insert('categories', categories.map((c) => ({
    id: c.id,
    code: c.code,
    major_code: c.majorCode,
    major_name: c.majorName,
    name: c.name,
    filing_criteria: c.filingCriteria,
    closing_criteria: c.closingCriteria,
    department_id: departmentIdByCode.get(c.departmentCode) ?? null,
    grid_admissible: c.gridAdmissible ? 1 : 0,
    matter_kind: c.matterKind,
    priority: c.priority,
    limits: JSON.stringify(c.limits),
    keywords: JSON.stringify(c.keywords),
  })));

  await tx.insert('calendar_days', shippedCalendar().map((d) => ({ id: uuidv7(), date: d.date, kind: d.kind, name: d.name })));

  const organisations = shippedOrganisations().map((o) => ({ ...o, id: uuidv7() }));
  await tx.insert('organisations', organisations.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    services: JSON.stringify(o.services),
    contact_name: o.contactName,
    contact_phone: o.contactPhone,
    address: o.address,
    region_id: streetIdByCode.get(o.streetCode) ?? null,
    // An organisation serves the street it is in, unless an admin widens it.
    area_region_ids: JSON.stringify(streetIdByCode.has(o.streetCode) ? [streetIdByCode.get(o.streetCode)] : []),
  })));

  await tx.insert('settings', [{ id: uuidv7(), key: 'office_hours', value: JSON.stringify(DEFAULT_OFFICE_HOURS) }]);
  await insertScheme(tx, { name: DEFAULT_SCHEME.name, definition: DEFAULT_SCHEME, basedOnId: null, status: 'active', createdBy: null, at: Date.now() });

  return {
    departments: departments.map(({ id, code, shortName }) => ({ id, code, shortName })),
    departmentIdByCode,
    categoryIdByCode: new Map(categories.map((c) => [c.code, c.id])),
    organisationIds: organisations.map((o) => o.id),
    organisations: organisations.map(({ id, code, name }) => ({ id, code, name })),
  };
}
