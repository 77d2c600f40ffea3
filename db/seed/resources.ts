import { z } from 'zod';
import categoriesJson from '../../resources/catalogue/categories.json';
import departmentsJson from '../../resources/catalogue/departments.json';
import organisationsJson from '../../resources/catalogue/social-organisations.json';
import holidaysJson from '../../resources/calendar/holidays.json';
import regionsJson from '../../resources/regions/yubei-demo.json';
import { LIMIT_UNITS } from '../../core/calendar/types';
import { TIMED_STAGES } from '../../core/domain/case';

// The shipped files are validated on load: a bad edit fails loudly at seed time, not in a dispatcher's queue.

const limit = z.strictObject({ amount: z.number().nonnegative(), unit: z.enum(LIMIT_UNITS as [string, ...string[]]) });

const department = z.strictObject({
  code: z.string().regex(/^D\d{2}$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  vertical: z.boolean(),
  phone: z.string(),
});

const category = z
  .strictObject({
    code: z.string().regex(/^\d{4}$/),
    majorCode: z.string().regex(/^\d{2}$/),
    majorName: z.string().min(1),
    name: z.string().min(1),
    filingCriteria: z.string().min(1),
    closingCriteria: z.string().min(1),
    departmentCode: z.string().regex(/^D\d{2}$/),
    keywords: z.array(z.string().min(1)),
    gridAdmissible: z.boolean(),
    matterKind: z.enum(['licensing', 'approval', 'enforcement', 'certificate']).nullable(),
    priority: z.enum(['normal', 'urgent']),
    limits: z.strictObject(Object.fromEntries(TIMED_STAGES.map((s) => [s, limit])) as Record<(typeof TIMED_STAGES)[number], typeof limit>),
  })
  .refine((c) => c.code.startsWith(c.majorCode), { message: 'minor code must start with its major code' })
  .refine((c) => !(c.matterKind && c.gridAdmissible), { message: 'a licensing/enforcement matter cannot be grid-admissible' });

const organisation = z.strictObject({
  code: z.string(),
  name: z.string().min(1),
  kind: z.string().min(1),
  services: z.array(z.string()),
  contactName: z.string(),
  contactPhone: z.string(),
  address: z.string(),
  streetCode: z.string().regex(/^\d{9}$/),
});

const calendar = z.object({
  source: z.string(),
  notes: z.string(),
  days: z.array(z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), kind: z.enum(['holiday', 'workday']), name: z.string() })),
});

const grid = z.object({ code: z.string().regex(/^\d{15}$/), name: z.string(), households: z.number().int().positive(), area: z.string() });
const regions = z.object({
  district: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string() }),
  streets: z.array(
    z.object({
      code: z.string().regex(/^\d{9}$/),
      name: z.string(),
      phone: z.string(),
      communities: z.array(z.object({ code: z.string().regex(/^\d{12}$/), name: z.string(), grids: z.array(grid) })),
    }),
  ),
});

export type DepartmentSeed = z.infer<typeof department>;
export type CategorySeed = z.infer<typeof category>;
export type OrganisationSeed = z.infer<typeof organisation>;
export type RegionsSeed = z.infer<typeof regions>;

export const shippedDepartments = (): DepartmentSeed[] => z.array(department).parse(departmentsJson);
export const shippedCategories = (): CategorySeed[] => z.array(category).parse(categoriesJson);
export const shippedOrganisations = (): OrganisationSeed[] => z.array(organisation).parse(organisationsJson);
export const shippedCalendar = () => calendar.parse(holidaysJson).days;
export const demoRegions = (): RegionsSeed => regions.parse(regionsJson);
