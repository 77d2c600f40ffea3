import type { Handlers } from '../handlerTypes';
import { setAdmission, setOfficeHours } from './admin';
import { getAttachment, uploadAttachment } from './attachments';
import { listAuditHandler } from './audit';
import { login, logout, me } from './auth';
import { alertsHandler, countCasesHandler, getCaseHandler, listCasesHandler } from './cases';
import { moveHandler, reportHandler } from './caseWrites';
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
  'cases.counts': countCasesHandler,
  'cases.get': getCaseHandler,
  'cases.report': reportHandler,
  'cases.move': moveHandler,
  'cases.alerts': alertsHandler,
  'triage.suggest': async ({ text }, { backend }) => (await backend.triageModel()).suggest(text),
  'attachments.upload': uploadAttachment,
  'attachments.get': getAttachment,
  'audit.list': listAuditHandler,
  'catalogue.setAdmission': setAdmission,
  'settings.setOfficeHours': setOfficeHours,
};
