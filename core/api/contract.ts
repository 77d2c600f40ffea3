import type { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import * as c from './caseSchemas';
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

/** 'public' methods run without a session; the rest name the roles allowed to call them. */
export type Access = 'public' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  access: Access;
  /** Never set: carries the result type for the client. */
  readonly __result?: R;
}

const method =
  <R>() =>
  <I extends z.ZodType>(spec: { input: I; access: Access }): MethodSpec<I, R> =>
    spec;

const anyone = ROLES;
const REPORTERS: readonly Role[] = ['dispatcher', 'shift_leader', 'grid_worker', 'department_staff', 'admin'];

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
  'settings.setOfficeHours': method<{ intervals: Array<[number, number]> }>()({ input: c.officeHoursInput, access: ['admin'] }),

  'audit.list': method<AuditListResult>()({ input: s.auditListInput, access: ['admin'] }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = NonNullable<Contract[M]['__result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
