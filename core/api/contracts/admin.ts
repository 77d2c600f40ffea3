// Administration of a real office: users, departments, organisations, catalogue, calendar, setup checklist (issue 9).
import * as a from '../adminSchemas';
import type {
  CalendarYear, CategoryAdminRow, CategoryVersionRow, DepartmentAdminRow, OrganisationAdminRow, PersonalDataKeyRotation, PersonalDataKeyStatus,
  SetupChecklist, UserAdminRow,
} from '../adminTypes';
import { anyone, method } from '../method';
import { byId, empty } from '../schemas';

const ADMIN = ['admin'] as const;

export const adminMethods = {
  'users.list': method<UserAdminRow[]>()({ input: empty, access: ADMIN }),
  'users.save': method<UserAdminRow>()({ input: a.userSaveInput, access: ADMIN }),
  'users.setActive': method<UserAdminRow>()({ input: a.userSetActiveInput, access: ADMIN }),
  'users.resetPassword': method<UserAdminRow>()({ input: a.userResetPasswordInput, access: ADMIN }),
  'users.unlock': method<UserAdminRow>()({ input: byId, access: ADMIN }),
  // Every user changes their own password (and must, after a reset).
  'auth.changePassword': method<{ ok: true }>()({ input: a.changePasswordInput, access: anyone }),

  'departments.list': method<DepartmentAdminRow[]>()({ input: empty, access: ADMIN }),
  'departments.save': method<DepartmentAdminRow>()({ input: a.departmentSaveInput, access: ADMIN }),
  'organisations.list': method<OrganisationAdminRow[]>()({ input: empty, access: ADMIN }),
  'organisations.save': method<OrganisationAdminRow>()({ input: a.organisationSaveInput, access: ADMIN }),

  'catalogue.list': method<CategoryAdminRow[]>()({ input: empty, access: ADMIN }),
  'catalogue.save': method<CategoryAdminRow>()({ input: a.categorySaveInput, access: ADMIN }),
  'catalogue.history': method<CategoryVersionRow[]>()({ input: byId, access: ADMIN }),

  'calendar.year': method<CalendarYear & { shipped: CalendarYear['days'] }>()({ input: a.calendarYearInput, access: ADMIN }),
  'calendar.saveYear': method<CalendarYear & { changed: number }>()({ input: a.calendarSaveInput, access: ADMIN }),

  'setup.checklist': method<SetupChecklist>()({ input: empty, access: ADMIN }),
  'setup.updateChecklist': method<SetupChecklist>()({ input: a.checklistUpdateInput, access: ADMIN }),

  // Issue 12: the personal-data key's state, and its rotation (every resident re-encrypted, audited).
  'personalDataKey.status': method<PersonalDataKeyStatus>()({ input: empty, access: ADMIN }),
  'personalDataKey.rotate': method<PersonalDataKeyRotation>()({ input: a.keyRotateInput, access: ADMIN }),
} as const;
