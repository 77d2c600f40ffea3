import type { ReferenceData, SessionUser } from '../../core/api/types';
import { IMPORT_NOTE, STAGE_FIELDS, type StageField } from '../../core/import/history';
import { decide } from '../../core/workflow/decide';
import type { Move } from '../../core/workflow/moves';
import { reportCase } from '../../core/workflow/report';
import { nextCaseNo } from '../../db/repositories/caseNumbers';
import { appendCaseEvents, loadCaseState } from '../../db/repositories/caseStore';
import { findUserByUsername } from '../../db/repositories/users';
import type { Backend } from '../../electron/main/backend';
import type { PastCase } from './historyRows';
import type { TestClock } from './scriptedCases';

interface LiveStep {
  at: number;
  index: number;
  order: number;
  field: StageField | 'reportedAt';
}

/**
 * Plays past cases as GridDesk's users would have made them at the time: each move by the
 * user whose job it is, with the backend's clock at the step's time, the way cases.report and
 * cases.move write (core's reportCase/decide, then appendCaseEvents in one write-path
 * transaction per move). The API's reply (the case view with triage suggestions and
 * duplicates) is left out: nothing of it is stored, and it made a 16,000-move year take
 * twenty minutes. Steps of all cases go in time order, as in an office.
 */
export async function playLive(backend: Backend, clock: TestClock, cases: readonly PastCase[]): Promise<void> {
  const reference: ReferenceData = await backend.reference();
  const grids = new Map(reference.regions.filter((r) => r.level === 'grid').map((r) => [r.code, r]));
  const categories = new Map(reference.categories.map((c) => [c.code, c]));
  const departments = new Map(reference.departments.map((d) => [d.code, d]));
  const users = new Map<string, SessionUser>();
  const user = async (username: string): Promise<SessionUser> => {
    let found = users.get(username);
    if (!found) {
      const row = await findUserByUsername(backend.knex, username);
      if (!row) throw new Error(`no demo user ${username}`);
      users.set(username, (found = row));
    }
    return found;
  };

  const steps: LiveStep[] = [];
  cases.forEach((c, index) => {
    steps.push({ at: c.reportedAt, index, order: 0, field: 'reportedAt' });
    STAGE_FIELDS.forEach((field, i) => {
      const at = c.stages[field];
      if (at !== undefined) steps.push({ at, index, order: i + 1, field });
    });
  });
  steps.sort((a, b) => a.at - b.at || a.index - b.index || a.order - b.order);

  const ids: string[] = new Array(cases.length);
  for (const step of steps) {
    const c = cases[step.index]!;
    const grid = grids.get(c.gridCode)!;
    const community = reference.regions.find((r) => r.id === grid.parentId)!;
    const category = categories.get(c.categoryCode)!;
    const department = departments.get(c.departmentCode)!;
    const gridWorker = `gw${c.gridCode.slice(6)}`;
    const staff = `dept-${c.departmentCode.toLowerCase()}`;
    clock.value = step.at;
    if (step.field === 'reportedAt') {
      const ctx = await backend.decideContext(await user(c.source === 'grid_worker' ? gridWorker : 'dispatcher'));
      await backend.writePath.transaction(async (tx) => {
        const decision = reportCase({
          caseNo: await nextCaseNo(tx.trx, step.at), source: c.source, categoryId: category.id, gridId: grid.id, communityId: community.id,
          streetId: community.parentId!, address: c.address, description: c.description, reporterName: '', reporterPhone: '',
          priority: category.priority, photos: [],
        }, ctx);
        if (!decision.ok) throw new Error(`report ${c.caseNo}: ${decision.reason}`);
        await appendCaseEvents(tx, decision.events);
        ids[step.index] = decision.events[0]!.caseId;
      });
      continue;
    }
    const parked = c.result === 'unresolvable';
    const moves: Record<StageField, [string, Move]> = {
      acceptedAt: ['dispatcher', { move: 'accept', note: IMPORT_NOTE }],
      filedAt: ['dispatcher', { move: 'file', categoryId: category.id, note: IMPORT_NOTE }],
      dispatchedAt: ['dispatcher', { move: 'dispatch', departmentIds: [department.id], note: IMPORT_NOTE }],
      signedAt: [staff, { move: 'sign' }],
      handledAt: [staff, { move: 'handle', result: c.result ?? 'resolved', note: IMPORT_NOTE }],
      verifiedAt: [gridWorker, { move: 'verify_pass', note: IMPORT_NOTE }],
      closedAt: parked ? ['shiftlead', { move: 'approve_park', note: IMPORT_NOTE }] : ['dispatcher', { move: 'close', note: IMPORT_NOTE }],
      callbackAt: ['dispatcher', { move: 'record_callback', satisfaction: c.satisfaction ?? 'satisfied', note: IMPORT_NOTE }],
    };
    const [who, move] = moves[step.field];
    const ctx = await backend.decideContext(await user(who));
    await backend.writePath.transaction(async (tx) => {
      const state = (await loadCaseState(tx.trx, ids[step.index]!))!;
      const decision = decide(state, move, ctx);
      if (!decision.ok) throw new Error(`${move.move} ${c.caseNo}: ${decision.reason}`);
      await appendCaseEvents(tx, decision.events);
    });
  }
}
