import type { Handlers } from '../handlerTypes';
import { setAdmission, setOfficeHours } from './admin';
import { compareHandler, computeHandler, drillHandler, profileHandler, publishHandler, runsHandler, scorecardHandler } from './assessment';
import { exportHandler } from './assessmentExport';
import { activateSchemeHandler, saveSchemeHandler, schemeHandler, schemesHandler } from './assessmentSchemes';
import { getAttachment, uploadAttachment } from './attachments';
import { bigScreenHandler, dashboardHandler, displayKeyHandler } from './dashboard';
import { listAuditHandler } from './audit';
import { login, logout, me } from './auth';
import { alertsHandler, countCasesHandler, getCaseHandler, listCasesHandler } from './cases';
import { moveHandler, reportHandler } from './caseWrites';
import { appealHandler, decideHandler, ledgerListHandler } from './ledger';
import {
  createRegionHandler,
  importGeoJsonHandler,
  moveRegionHandler,
  previewImportHandler,
  regionMapHandler,
  regionTreeHandler,
  removeRegionHandler,
  setRegionActiveHandler,
  updateRegionHandler,
} from './regions';
import { initialise, loadDemo, setupStatus } from './setup';
import { adminHandlers } from './adminHandlers';
import { importHandlers } from './importHandlers';
import { registryHandlers } from './registryHandlers';
import { securityHandlers } from './securityHandlers';
import { syncHandlers } from './syncHandlers';
import { organisationHandlers } from './organisationHandlers';

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
  'assessment.schemes': schemesHandler,
  'assessment.scheme': schemeHandler,
  'assessment.saveScheme': saveSchemeHandler,
  'assessment.activateScheme': activateSchemeHandler,
  'assessment.scorecard': scorecardHandler,
  'assessment.compute': computeHandler,
  'assessment.publish': publishHandler,
  'assessment.runs': runsHandler,
  'assessment.compare': compareHandler,
  'assessment.drill': drillHandler,
  'assessment.profile': profileHandler,
  'assessment.export': exportHandler,
  'ledger.list': ledgerListHandler,
  'ledger.appeal': appealHandler,
  'ledger.decide': decideHandler,
  'dashboard.data': dashboardHandler,
  'bigscreen.snapshot': bigScreenHandler,
  'settings.displayKey': displayKeyHandler,
  'regions.tree': regionTreeHandler,
  'regions.create': createRegionHandler,
  'regions.update': updateRegionHandler,
  'regions.move': moveRegionHandler,
  'regions.setActive': setRegionActiveHandler,
  'regions.remove': removeRegionHandler,
  'regions.previewImport': previewImportHandler,
  'regions.importGeoJson': importGeoJsonHandler,
  'regions.map': regionMapHandler,

  ...adminHandlers,

  ...importHandlers,

  ...registryHandlers,

  ...securityHandlers,

  ...syncHandlers,
  ...organisationHandlers,
};
