import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../core/api/contract';
import { ROLES, type Role } from '../../core/domain/roles';
import { openTestBackend, type TestBackend } from '../support/backend';

/**
 * Who may call what, written out by hand rather than read from the contract, so that a method
 * whose access widens (or a new method nobody placed here) fails this test.
 */
const ASSESSORS: Role[] = ['admin', 'leader', 'shift_leader', 'dispatcher'];
const REPORTERS: Role[] = ['dispatcher', 'shift_leader', 'grid_worker', 'department_staff', 'admin'];
const EVERYONE: Role[] = [...ROLES];

/** 'public' needs no session; a `keyOr` method is public but its handler admits only these roles or a key. */
type Access = 'public' | Role[] | { keyOr: Role[] };

const EXPECTED: Record<MethodName, Access> = {
  'setup.status': 'public',
  'setup.loadDemo': 'public',
  'setup.initialise': 'public',
  'auth.login': 'public',
  'auth.logout': EVERYONE,
  'auth.me': EVERYONE,
  'reference.get': EVERYONE,
  'cases.list': EVERYONE,
  'cases.counts': EVERYONE,
  'cases.get': EVERYONE,
  'cases.report': REPORTERS,
  'cases.move': EVERYONE,
  'cases.alerts': EVERYONE,
  'triage.suggest': REPORTERS,
  'attachments.upload': EVERYONE,
  'attachments.get': EVERYONE,
  'catalogue.setAdmission': ['admin'],
  'assessment.schemes': ASSESSORS,
  'assessment.scheme': ASSESSORS,
  'assessment.saveScheme': ['admin'],
  'assessment.activateScheme': ['admin'],
  'assessment.scorecard': ASSESSORS,
  'assessment.compute': ['admin', 'leader', 'shift_leader'],
  'assessment.publish': ['leader'],
  'assessment.runs': ASSESSORS,
  'assessment.compare': ASSESSORS,
  'assessment.drill': [...ASSESSORS, 'department_staff', 'grid_worker'],
  'assessment.profile': [...ASSESSORS, 'department_staff', 'grid_worker'],
  'assessment.export': ASSESSORS,
  'ledger.list': [...ASSESSORS, 'department_staff', 'grid_worker'],
  'ledger.appeal': ['department_staff', 'grid_worker', 'dispatcher', 'shift_leader'],
  'ledger.decide': ['leader'],
  'dashboard.data': ASSESSORS,
  'bigscreen.snapshot': { keyOr: ['admin', 'leader', 'shift_leader', 'dispatcher'] },
  'settings.displayKey': ['admin'],
  'settings.setOfficeHours': ['admin'],
  'audit.list': ['admin'],
  'regions.tree': ['admin'],
  'regions.create': ['admin'],
  'regions.update': ['admin'],
  'regions.move': ['admin'],
  'regions.setActive': ['admin'],
  'regions.remove': ['admin'],
  'regions.previewImport': ['admin'],
  'regions.importGeoJson': ['admin'],
  'regions.map': { keyOr: ['admin', 'leader', 'shift_leader', 'dispatcher'] },

  // administration (issue 9)
  'users.list': ['admin'],
  'users.save': ['admin'],
  'users.setActive': ['admin'],
  'users.resetPassword': ['admin'],
  'users.unlock': ['admin'],
  'auth.changePassword': EVERYONE,
  'departments.list': ['admin'],
  'departments.save': ['admin'],
  'organisations.list': ['admin'],
  'organisations.save': ['admin'],
  'catalogue.list': ['admin'],
  'catalogue.save': ['admin'],
  'catalogue.history': ['admin'],
  'calendar.year': ['admin'],
  'calendar.saveYear': ['admin'],
  'setup.checklist': ['admin'],
  'setup.updateChecklist': ['admin'],
  'personalDataKey.status': ['admin'],
  'personalDataKey.rotate': ['admin'],

  // Excel onboarding and history import (issue 9)
  'onboarding.template': ['admin'],
  'onboarding.dryRun': ['admin'],
  'onboarding.confirm': ['admin'],
  'history.inspect': ['admin'],
  'history.run': ['admin'],
  'history.progress': ['admin'],

  // registers and social organisations (issue 12)
  'registry.residents': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'],
  'registry.resident': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'],
  'registry.reveal': ['admin', 'dispatcher', 'shift_leader', 'grid_worker'],
  'registry.saveResident': ['admin', 'grid_worker'],
  'registry.houses': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'],
  'registry.saveHouse': ['admin', 'grid_worker'],
  'registry.components': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'],
  'registry.saveComponent': ['admin', 'grid_worker'],
  'registry.due': ['admin', 'grid_worker'],
  'registry.verify': ['admin', 'grid_worker'],
  'registry.freshness': ['admin', 'leader', 'shift_leader', 'dispatcher', 'grid_worker'],
  'registry.freshnessDrill': ['admin', 'leader', 'shift_leader', 'dispatcher', 'grid_worker'],
  'registry.viewLog': ['admin'],
  'registry.exportResidents': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'],
  'registry.importResidents': ['admin', 'grid_worker'],
  'registry.template': ['admin', 'grid_worker'],
  'registry.import': ['admin', 'grid_worker'],
  'registry.export': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'],
  'registry.atCase': ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker', 'department_staff'],

  // social organisations that take cases (issue 12 §3)
  'organisations.participation': ASSESSORS,

  // sessions and audit (issues 11, 13)
  'auth.logoutEverywhere': EVERYONE,

  // sync with the district hub (issue 10)
  'sync.status': EVERYONE,
  'sync.now': EVERYONE,
  'sync.enrol': ['admin'],
  'sync.conflicts': ['admin', 'shift_leader', 'dispatcher'],
  'sync.acknowledge': ['admin', 'shift_leader', 'dispatcher'],
};

/** One demo account per role. */
const ACCOUNT: Record<Role, string> = {
  admin: 'admin',
  dispatcher: 'dispatcher',
  shift_leader: 'shiftlead',
  leader: 'leader',
  department_staff: 'dept-d02',
  grid_worker: 'gw003001001',
  organisation_staff: 'org-s01',
};

let t: TestBackend;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 20 });
  for (const role of ROLES) tokens.set(role, await t.login(ACCOUNT[role]));
});
afterAll(async () => t.close());

// Calls are made with an empty input: the dispatcher checks the session and the role before the
// input, so an allowed role gets past them (to a validation error or a result), a refused one does not.
async function codeFor(method: MethodName, token: string | null): Promise<string> {
  const response = await t.dispatch(method, {}, token);
  return response.ok ? 'OK' : response.error.code;
}

describe('the role matrix: every method, every role', () => {
  it('places every contract method in the table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of Object.keys(EXPECTED) as MethodName[]) {
    // Logging out or in changes the sessions the other cases use; they have tests of their own.
    if (method === 'auth.logout' || method === 'auth.logoutEverywhere') continue;
    it(method, async () => {
      const expected = EXPECTED[method];
      if (expected !== 'public') expect(await codeFor(method, null)).toBe('UNAUTHENTICATED');
      const roles = expected === 'public' ? ROLES : Array.isArray(expected) ? expected : expected.keyOr;
      // Without a key, the handler of a key-or-session method sends a refused role to sign in.
      const refusal = Array.isArray(expected) ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      for (const role of ROLES) {
        const code = await codeFor(method, tokens.get(role)!);
        if (roles.includes(role)) expect(code, `${method} as ${role}`).not.toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
        else expect(code, `${method} as ${role}`).toBe(refusal);
      }
    });
  }
});
