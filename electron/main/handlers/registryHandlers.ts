import type { registryMethods } from '../../../core/api/contracts/registry';
import type { HandlersFor } from '../handlerTypes';
import { exportResidentsHandler, registerExportHandler } from './registry/export';
import { importResidentsHandler, registerImportHandler, registerTemplateHandler } from './registry/import';
import { atCaseHandler, listComponentsHandler, listHousesHandler, saveComponentHandler, saveHouseHandler } from './registry/places';
import { listResidentsHandler, residentDetailHandler, revealResidentHandler, saveResidentHandler, viewLogHandler } from './registry/residents';
import { dueListHandler, freshnessDrillHandler, freshnessHandler, verifyHandler } from './registry/verify';

export const registryHandlers: HandlersFor<keyof typeof registryMethods> = {
  'registry.residents': listResidentsHandler,
  'registry.resident': residentDetailHandler,
  'registry.reveal': revealResidentHandler,
  'registry.saveResident': saveResidentHandler,
  'registry.houses': listHousesHandler,
  'registry.saveHouse': saveHouseHandler,
  'registry.components': listComponentsHandler,
  'registry.saveComponent': saveComponentHandler,
  'registry.due': dueListHandler,
  'registry.verify': verifyHandler,
  'registry.freshness': freshnessHandler,
  'registry.freshnessDrill': freshnessDrillHandler,
  'registry.viewLog': viewLogHandler,
  'registry.exportResidents': exportResidentsHandler,
  'registry.importResidents': importResidentsHandler,
  'registry.template': registerTemplateHandler,
  'registry.import': registerImportHandler,
  'registry.export': registerExportHandler,
  'registry.atCase': atCaseHandler,
};
