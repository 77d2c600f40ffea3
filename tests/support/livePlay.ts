import type { ReferenceData, SessionUser } from '../../core/api/types';
import { IMPORT_NOTE, STAGE_FIELDS, type StageField } from '../../core/import/history';
import { decide, type DecideContext } from '../../core/workflow/decide';
import type { Move } from '../../core/workflow/moves';
import { reportCase } from '../../core/workflow/report';
import { nextCaseNo } from '../../db/repositories/caseNumbers';
import { appendCaseEvents, loadCaseState } from '../../db/repositories/caseStore';
import { findUserByUsername } from '../../db/repositories/users';
import type { Backend } from '../../electron/main/backend';
import type { WriteTx } from '../../db/writePath';
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
 * transaction per move; here 200 moves share one transaction, each still reading its case
 * first). The API's reply (the case view with triage suggestions and
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

  // The live database is this test's own and thrown away: without an fsync per commit the
  // 16,000 one-move transactions take seconds, not minutes. What each move writes is unchanged.
  await backend.knex.raw('PRAGMA synchronous = OFF');
  try {
    await playSteps(backend, clock, cases, steps, { reference, grids, categories, departments, user });
  } finally {
    await backend.knex.raw('PRAGMA synchronous = FULL');
  }
}

interface Lookups {
  reference: ReferenceData;
  grids: Map<string, ReferenceData['regions'][number]>;
  categories: Map<string, ReferenceData['categories'][number]>;
  departments: Map<string, ReferenceData['departments'][number]>;
  user: (username: string) => Promise<SessionUser>;
}

/** Moves per write-path transaction: each move still reads its case, decides and appends on its own. */
const STEPS_PER_TRANSACTION = 200;

async function playSteps(backend: Backend, clock: TestClock, cases: readonly PastCase[], steps: readonly LiveStep[], lookups: Lookups): Promise<void> {
  const { reference, grids, categories, departments, user } = lookups;
  // Each user's decide context, read before the transactions (the one connection is theirs then);
  // only `now` differs between moves, and it is the step's time, as the backend's clock gives it.
  const contexts = new Map<string, Omit<DecideContext, 'target'>>();
  const usernames = new Set(['dispatcher', 'shiftlead', ...cases.flatMap((c) => [`gw${c.gridCode.slice(6)}`, `dept-${c.departmentCode.toLowerCase()}`])]);
  for (const username of usernames) {
    // A name no step of a case uses may have no demo user; a step that needs a missing one fails below.
    if (await findUserByUsername(backend.knex, username)) contexts.set(username, await backend.decideContext(await user(username)));
  }
  const contextAt = (username: string, at: number) => {
    const context = contexts.get(username);
    if (!context) throw new Error(`no demo user ${username}`);
    return { ...context, now: at };
  };

  const ids: string[] = new Array(cases.length);
  const playStep = async (tx: WriteTx, step: LiveStep): Promise<void> => {
    const c = cases[step.index]!;
    const grid = grids.get(c.gridCode)!;
    const community = reference.regions.find((r) => r.id === grid.parentId)!;
    const category = categories.get(c.categoryCode)!;
    const department = departments.get(c.departmentCode)!;
    const gridWorker = `gw${c.gridCode.slice(6)}`;
    const staff = `dept-${c.departmentCode.toLowerCase()}`;
    clock.value = step.at;
    if (step.field === 'reportedAt') {
      const decision = reportCase({
        caseNo: await nextCaseNo(tx.trx, step.at), source: c.source, categoryId: category.id, gridId: grid.id, communityId: community.id,
        streetId: community.parentId!, address: c.address, description: c.description, reporterName: '', reporterPhone: '',
        priority: category.priority, photos: [],
      }, contextAt(c.source === 'grid_worker' ? gridWorker : 'dispatcher', step.at));
      if (!decision.ok) throw new Error(`report ${c.caseNo}: ${decision.reason}`);
      await appendCaseEvents(tx, decision.events);
      ids[step.index] = decision.events[0]!.caseId;
      return;
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
    const state = (await loadCaseState(tx.trx, ids[step.index]!))!;
    const decision = decide(state, move, contextAt(who, step.at));
    if (!decision.ok) throw new Error(`${move.move} ${c.caseNo}: ${decision.reason}`);
    await appendCaseEvents(tx, decision.events);
  };

  for (let i = 0; i < steps.length; i += STEPS_PER_TRANSACTION) {
    await backend.writePath.transaction(async (tx) => {
      for (const step of steps.slice(i, i + STEPS_PER_TRANSACTION)) await playStep(tx, step);
    });
  }
}
