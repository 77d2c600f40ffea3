import type { Handlers } from '../handlerTypes';
import { listAuditHandler } from './audit';
import { login, logout, me } from './auth';
import { getCaseHandler, listCasesHandler } from './cases';
import { initialise, loadDemo, setupStatus } from './setup';

export const handlers: Handlers = {
  'setup.status': setupStatus,
  'setup.loadDemo': loadDemo,
  'setup.initialise': initialise,
  'auth.login': login,
  'auth.logout': logout,
  'auth.me': me,
  'reference.get': async (_input, { backend }) => backend.reference(),
  'cases.list': listCasesHandler,
  'cases.get': getCaseHandler,
  'audit.list': listAuditHandler,
};
