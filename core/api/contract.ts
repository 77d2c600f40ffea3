import type { z } from 'zod';
import * as a from './assessmentSchemas';
import * as c from './caseSchemas';
import * as d from './dashboardSchemas';
import * as r from './regionSchemas';
import * as s from './schemas';
import type {
  AttachmentData,
  AuditListResult,
  CaseAlerts,
  CaseCounts,
  CaseListResult,
  CategoryRef,
  ReportResult,
  TriageSuggestion,
  CaseWithHistory,
  DemoLogin,
  LoginResult,
  ReferenceData,
  SessionUser,
  SetupStatus,
} from './types';
import type {
  DrillResult,
  ExportFile,
  LedgerPage,
  RunComparison,
  RunSummary,
  Scorecard,
  SchemeSummary,
  SchemeWithDefinition,
  TargetProfile,
} from './assessmentTypes';
import type { BigScreenSnapshot, DashboardData } from './dashboardTypes';
import type { RegionAdminNode, RegionImportPreview, RegionImportResult, RegionMapResult } from './regionTypes';

import { ASSESSORS, REPORTERS, anyone, method } from './method';
import { adminMethods } from './contracts/admin';
import { importMethods } from './contracts/import';
import { registryMethods } from './contracts/registry';
import { organisationMethods } from './contracts/organisations';
import { securityMethods } from './contracts/security';
import { syncMethods } from './contracts/sync';

export type { Access, MethodSpec } from './method';

/**
 * The one API contract: preload, main, the HTTP bridge and the renderer's client all
 * derive from this table. Adding a method here is the only way to expose a handler.
 */
export const contract = {
  'setup.status': method<SetupStatus>()({ input: s.empty, access: 'public' }),
  'setup.loadDemo': method<{ logins: DemoLogin[] }>()({ input: s.empty, access: 'public' }),
  'setup.initialise': method<{ username: string }>()({ input: s.initialiseInput, access: 'public' }),

  'auth.login': method<LoginResult>()({ input: s.loginInput, access: 'public' }),
  'auth.logout': method<{ ok: true }>()({ input: s.empty, access: anyone }),
  'auth.me': method<SessionUser>()({ input: s.empty, access: anyone }),

  'reference.get': method<ReferenceData>()({ input: s.empty, access: anyone }),

  'cases.list': method<CaseListResult>()({ input: c.caseListInput, access: anyone }),
  'cases.counts': method<CaseCounts>()({ input: c.caseCountsInput, access: anyone }),
  'cases.get': method<CaseWithHistory>()({ input: s.byId, access: anyone }),
  'cases.report': method<ReportResult>()({ input: c.reportInput, access: REPORTERS }),
  // Who may make which move is decided per move in core/workflow (decide.ts).
  'cases.move': method<CaseWithHistory>()({ input: c.moveInput, access: anyone }),
  'cases.alerts': method<CaseAlerts>()({ input: c.alertsInput, access: anyone }),
  'triage.suggest': method<TriageSuggestion>()({ input: c.triageInput, access: REPORTERS }),
  'attachments.upload': method<{ id: string }>()({ input: c.attachmentUploadInput, access: anyone }),
  'attachments.get': method<AttachmentData>()({ input: s.byId, access: anyone }),

  'catalogue.setAdmission': method<CategoryRef>()({ input: c.setAdmissionInput, access: ['admin'] }),
  'assessment.schemes': method<SchemeSummary[]>()({ input: s.empty, access: ASSESSORS }),
  'assessment.scheme': method<SchemeWithDefinition>()({ input: s.byId, access: ASSESSORS }),
  'assessment.saveScheme': method<SchemeWithDefinition>()({ input: a.schemeSaveInput, access: ['admin'] }),
  'assessment.activateScheme': method<SchemeWithDefinition>()({ input: s.byId, access: ['admin'] }),
  'assessment.scorecard': method<Scorecard>()({ input: a.scorecardInput, access: ASSESSORS }),
  'assessment.compute': method<RunSummary>()({ input: a.computeInput, access: ['admin', 'leader', 'shift_leader'] }),
  'assessment.publish': method<RunSummary>()({ input: s.byId, access: ['leader'] }),
  'assessment.runs': method<RunSummary[]>()({ input: a.runsInput, access: ASSESSORS }),
  'assessment.compare': method<RunComparison>()({ input: a.compareInput, access: ASSESSORS }),
  // Departments and grid workers may open their own numbers; the handler checks whose.
  'assessment.drill': method<DrillResult>()({ input: a.drillInput, access: [...ASSESSORS, 'department_staff', 'grid_worker'] }),
  'assessment.profile': method<TargetProfile>()({ input: a.profileInput, access: [...ASSESSORS, 'department_staff', 'grid_worker'] }),
  'assessment.export': method<ExportFile>()({ input: a.exportInput, access: ASSESSORS }),
  'ledger.list': method<LedgerPage>()({ input: a.ledgerListInput, access: [...ASSESSORS, 'department_staff', 'grid_worker'] }),
  'ledger.appeal': method<LedgerPage['rows'][number]>()({ input: a.ledgerAppealInput, access: ['department_staff', 'grid_worker', 'dispatcher', 'shift_leader'] }),
  'ledger.decide': method<LedgerPage['rows'][number]>()({ input: a.ledgerDecideInput, access: ['leader'] }),
  'dashboard.data': method<DashboardData>()({ input: d.dashboardInput, access: ASSESSORS }),
  // Public so a wall PC can show it with a display key; the handler checks the session or the key.
  'bigscreen.snapshot': method<BigScreenSnapshot>()({ input: d.bigScreenInput, access: 'public' }),
  'settings.displayKey': method<{ key: string }>()({ input: d.displayKeyInput, access: ['admin'] }),
  'settings.setOfficeHours': method<{ intervals: Array<[number, number]> }>()({ input: c.officeHoursInput, access: ['admin'] }),

  'audit.list': method<AuditListResult>()({ input: s.auditListInput, access: ['admin'] }),

  // The office's own regions (street → community → grid) and their boundaries; only admins change them.
  'regions.tree': method<RegionAdminNode[]>()({ input: s.empty, access: ['admin'] }),
  'regions.create': method<RegionAdminNode>()({ input: r.regionCreateInput, access: ['admin'] }),
  'regions.update': method<RegionAdminNode>()({ input: r.regionUpdateInput, access: ['admin'] }),
  'regions.move': method<RegionAdminNode>()({ input: r.regionMoveInput, access: ['admin'] }),
  'regions.setActive': method<RegionAdminNode[]>()({ input: r.regionSetActiveInput, access: ['admin'] }),
  'regions.remove': method<{ id: string }>()({ input: s.byId, access: ['admin'] }),
  'regions.previewImport': method<RegionImportPreview>()({ input: r.regionImportInput, access: ['admin'] }),
  'regions.importGeoJson': method<RegionImportResult>()({ input: r.regionImportInput, access: ['admin'] }),
  // Public so a wall PC can draw it with a display key; the handler checks the session or the key.
  'regions.map': method<RegionMapResult>()({ input: r.regionMapInput, access: 'public' }),

  // Each area below keeps its methods in its own file (core/api/contracts/).
  ...adminMethods,

  ...importMethods,

  ...registryMethods,

  ...securityMethods,

  ...syncMethods,
  ...organisationMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = NonNullable<Contract[M]['__result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
