import type { Backend } from '../../electron/main/backend';
import type { CaseSource } from '../../core/domain/case';
import { decide } from '../../core/workflow/decide';
import type { Move } from '../../core/workflow/moves';
import { reportCase } from '../../core/workflow/report';
import { appendCaseEvents, loadCaseState } from '../../db/repositories/caseStore';
import { findUserByUsername } from '../../db/repositories/users';

/** A settable clock for a backend, so a test can play a case at the times it chooses. */
export class TestClock {
  constructor(public value: number) {}
  readonly now = (): number => this.value;
}

/** 2026-03-02 09:00 China time etc. */
export const cst = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

export interface ScriptedStep {
  at: number;
  who: string;
  move: Move;
}

export interface ScriptOptions {
  /** Who reports it: the dispatcher taking a hotline call unless said otherwise. */
  reporter?: string;
  source?: CaseSource;
  /** The grid's 15-digit code; the demo office's first grid unless said otherwise. */
  gridCode?: string;
}

/**
 * Reports a case in a demo grid at `reportedAt`, then makes each move as `who` at its
 * time, through core's decide() and the write path.
 */
export async function scriptedCase(
  backend: Backend, clock: TestClock, categoryName: string, reportedAt: number, steps: ScriptedStep[], options: ScriptOptions = {},
): Promise<string> {
  const reference = await backend.reference();
  const category = reference.categories.find((c) => c.name === categoryName)!;
  const grid = reference.regions.find((r) => r.code === (options.gridCode ?? '500112004001001'))!;
  const community = reference.regions.find((r) => r.id === grid.parentId)!;
  const actor = async (username: string) => {
    const user = await findUserByUsername(backend.knex, username);
    if (!user) throw new Error(`no user ${username}`);
    return user;
  };
  clock.value = reportedAt;
  const report = reportCase(
    {
      caseNo: `S${reportedAt}${Math.floor(Math.random() * 1e4)}`, source: options.source ?? 'hotline', categoryId: category.id, gridId: grid.id,
      communityId: community.id, streetId: community.parentId!, address: '金港国际3栋', description: `${categoryName}测试案件`,
      reporterName: '张三', reporterPhone: '13800000000', priority: 'normal', photos: [],
    },
    await backend.decideContext(await actor(options.reporter ?? 'dispatcher')),
  );
  if (!report.ok) throw new Error(report.reason);
  await backend.writePath.transaction((tx) => appendCaseEvents(tx, report.events));
  const caseId = report.events[0]!.caseId;
  for (const step of steps) {
    clock.value = step.at;
    const state = (await loadCaseState(backend.knex, caseId))!;
    const target = step.move.move === 'merge' ? await loadCaseState(backend.knex, step.move.intoCaseId) : null;
    const decision = decide(state, step.move, { ...(await backend.decideContext(await actor(step.who))), ...(target ? { target } : {}) });
    if (!decision.ok) throw new Error(`${step.move.move} at ${new Date(step.at).toISOString()}: ${decision.reason}`);
    await backend.writePath.transaction((tx) => appendCaseEvents(tx, decision.events));
  }
  return caseId;
}
