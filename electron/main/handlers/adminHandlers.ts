import type { adminMethods } from '../../../core/api/contracts/admin';
import type { HandlersFor } from '../handlerTypes';
import { calendarYear, catalogueHistory, listCatalogue, saveCalendar, saveCategory } from './admin/catalogue';
import { checklist, updateChecklist } from './admin/checklist';
import { keyStatus, rotateKey } from './admin/personalDataKey';
import { listDepartments, listOrganisations, saveDepartment, saveOrganisation } from './admin/units';
import { changeOwnPassword, listUsers, resetPassword, saveUser, setUserActive, unlockUser } from './admin/users';

export const adminHandlers: HandlersFor<keyof typeof adminMethods> = {
  'users.list': listUsers,
  'users.save': saveUser,
  'users.setActive': setUserActive,
  'users.resetPassword': resetPassword,
  'users.unlock': unlockUser,
  'auth.changePassword': changeOwnPassword,
  'departments.list': listDepartments,
  'departments.save': saveDepartment,
  'organisations.list': listOrganisations,
  'organisations.save': saveOrganisation,
  'catalogue.list': listCatalogue,
  'catalogue.save': saveCategory,
  'catalogue.history': catalogueHistory,
  'calendar.year': calendarYear,
  'calendar.saveYear': saveCalendar,
  'setup.checklist': checklist,
  'setup.updateChecklist': updateChecklist,
  'personalDataKey.status': keyStatus,
  'personalDataKey.rotate': rotateKey,
};
