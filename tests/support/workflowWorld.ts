import type { CategoryRef } from '../../core/api/types';
import { WorkingCalendar } from '../../core/calendar';
import type { Actor, DecideContext } from '../../core/workflow/decide';
import { calendarClocks } from '../../core/workflow/timeLimits';

/** A tiny in-memory world for pure workflow tests: two categories, actors for every role. */
export const GRID = '00000000-0000-7000-8000-00000000a001';
export const OTHER_GRID = '00000000-0000-7000-8000-00000000a002';
export const DEPT = '00000000-0000-7000-8000-00000000d001';
export const OTHER_DEPT = '00000000-0000-7000-8000-00000000d002';
export const ORG = 'org-1';
export const OTHER_ORG = 'org-2';

const limits = {
  accept: { amount: 1, unit: 'working_hours' },
  sign: { amount: 1, unit: 'working_hours' },
  handle: { amount: 3, unit: 'working_days' },
  verify: { amount: 4, unit: 'working_hours' },
  callback: { amount: 2, unit: 'working_days' },
} as const;

export const GARBAGE: CategoryRef = {
  id: '00000000-0000-7000-8000-00000000c001', code: '0101', majorCode: '01', majorName: '市容环境', name: '暴露垃圾',
  departmentId: DEPT, gridAdmissible: true, matterKind: null, priority: 'normal', filingCriteria: '', closingCriteria: '', limits, keywords: ['垃圾'],
};
export const UNLICENSED_TRADING: CategoryRef = {
  ...GARBAGE, id: '00000000-0000-7000-8000-00000000c002', code: '0503', majorCode: '05', majorName: '街面秩序', name: '无证经营',
  gridAdmissible: false, matterKind: 'enforcement',
};

export const actors = {
  dispatcher: { id: 'u-dispatcher', role: 'dispatcher', departmentId: null, gridId: null },
  shiftLeader: { id: 'u-shift', role: 'shift_leader', departmentId: null, gridId: null },
  leader: { id: 'u-leader', role: 'leader', departmentId: null, gridId: null },
  admin: { id: 'u-admin', role: 'admin', departmentId: null, gridId: null },
  staff: { id: 'u-staff', role: 'department_staff', departmentId: DEPT, gridId: null },
  otherStaff: { id: 'u-other-staff', role: 'department_staff', departmentId: OTHER_DEPT, gridId: null },
  gridWorker: { id: 'u-grid', role: 'grid_worker', departmentId: null, gridId: GRID },
  otherGridWorker: { id: 'u-other-grid', role: 'grid_worker', departmentId: null, gridId: OTHER_GRID },
  orgStaff: { id: 'u-org', role: 'organisation_staff', departmentId: null, gridId: null, organisationId: ORG },
  otherOrgStaff: { id: 'u-other-org', role: 'organisation_staff', departmentId: null, gridId: null, organisationId: OTHER_ORG },
} satisfies Record<string, Actor>;

const calendar = new WorkingCalendar([]);
let ids = 0;
let counter = 0;

/** A decide context at `now` for `actor`, with ids and HLCs that increase across calls. */
export function contextFor(actor: Actor, now: number): DecideContext {
  const categories = new Map([GARBAGE, UNLICENSED_TRADING].map((c) => [c.id, c]));
  return {
    now,
    actor,
    category: (id) => categories.get(id),
    ...calendarClocks(calendar),
    newId: () => `00000000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
    nextHlc: () => `${String(now).padStart(15, '0')}-${(++counter).toString(36).padStart(6, '0')}-00000000000000aa`,
  };
}
