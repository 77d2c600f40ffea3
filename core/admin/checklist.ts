/**
 * "开始使用正式数据" as a checklist: the steps a real office goes through after its first
 * administrator exists, in order, each done, skipped, or still to do.
 */
import type { SetupChecklist, SetupStepKey } from '../api/adminTypes';

export const SETUP_STEPS = ['admin', 'regions', 'departments', 'catalogue', 'users', 'calendar'] as const satisfies readonly SetupStepKey[];

/** Steps the shipped data already covers (departments, catalogue, statutory calendar): the admin may skip them. */
export const SKIPPABLE_STEPS: ReadonlySet<SetupStepKey> = new Set(['departments', 'catalogue', 'calendar']);

export interface SetupFacts {
  admins: number;
  grids: number;
  departments: number;
  /** Departments or organisations the admin added or edited. */
  departmentEdits: number;
  categories: number;
  categoryEdits: number;
  /** Accounts besides administrators. */
  staff: number;
  calendarYears: number;
  calendarEdits: number;
}

export interface ChecklistSetting {
  skipped: SetupStepKey[];
  dismissed: boolean;
}

export function setupChecklist(facts: SetupFacts, setting: ChecklistSetting): SetupChecklist {
  const status: Record<SetupStepKey, { done: boolean; summary: string }> = {
    admin: { done: facts.admins > 0, summary: `${facts.admins} 个管理员` },
    regions: { done: facts.grids > 0, summary: `${facts.grids} 个网格` },
    departments: { done: facts.departmentEdits > 0, summary: `${facts.departments} 个部门` },
    catalogue: { done: facts.categoryEdits > 0, summary: `${facts.categories} 个事项类别` },
    users: { done: facts.staff > 0, summary: `${facts.staff} 个工作人员账号` },
    calendar: { done: facts.calendarEdits > 0, summary: `${facts.calendarYears} 个年度的节假日安排` },
  };
  const steps = SETUP_STEPS.map((key) => ({
    key,
    ...status[key],
    skippable: SKIPPABLE_STEPS.has(key),
    skipped: !status[key].done && SKIPPABLE_STEPS.has(key) && setting.skipped.includes(key),
  }));
  return { steps, dismissed: setting.dismissed, complete: steps.every((s) => s.done || s.skipped) };
}
