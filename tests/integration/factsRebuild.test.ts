import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry, Scorecard } from '../../core/api/assessmentTypes';
import * as indicatorDefinitions from '../../db/migrations/20261202140000_indicator_definitions';
import { addContributions, applyTotals, factToRow } from '../../db/repositories/factStore';
import { findUserByUsername } from '../../db/repositories/users';
import { Backend } from '../../electron/main/backend';
import { createDispatcher } from '../../electron/main/dispatcher';
import { handlers } from '../../electron/main/handlers';
import { openTestBackend, type TestBackend } from '../support/backend';
import { TestClock, cst, scriptedCase } from '../support/scriptedCases';

/*
 * A database whose facts were derived before DESIGN §3 was made precise: a hotline report
 * that was voided still counted as a problem the grid worker missed, with its ledger entry.
 * The migration marks the derived tables; the next start (or `npm run rebuild`) rebuilds
 * them from the events, and the entry is withdrawn.
 */
const clock = new TestClock(cst(3, 31, 20));
const MARCH = { kind: 'month', year: 2026, month: 3 } as const;
const inGrid2 = { gridCode: '500112004001002' };
let t: TestBackend;
let backend: Backend;
let workerId = '';
const cases: Record<string, string> = {};

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  clock.value = cst(3, 31, 20);
  const dispatch = createDispatcher(backend, handlers, { error: () => undefined });
  const login = await dispatch('auth.login', { username: who, password: 'Demo@2026' }, null);
  if (!login.ok) throw new Error(login.error.message);
  const r = await dispatch(method, input, (login.result as { token: string }).token);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as T;
}

const missedEntries = async () => (await call<{ rows: LedgerEntry[] }>('leader', 'ledger.list', { period: MARCH, type: 'missed_report' })).rows.map((e) => e.caseId);
const missedRate = async () => {
  const rows = (await call<Scorecard>('leader', 'assessment.scorecard', { period: MARCH, kind: 'grid_worker' })).rows;
  const cell = rows.find((r) => r.target.id === workerId)!.indicators.find((i) => i.indicator === 'missed_report_rate')!;
  return [cell.numerator, cell.denominator];
};

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0, now: clock.now });
  backend = t.backend;
  workerId = (await findUserByUsername(backend.knex, 'gw004001002'))!.id;
  const garbage = (await backend.reference()).categories.find((c) => c.name === '暴露垃圾')!.id;
  const filed = (day: number) => [
    { at: cst(3, day, 9, 5), who: 'dispatcher', move: { move: 'accept' as const } },
    { at: cst(3, day, 9, 10), who: 'dispatcher', move: { move: 'file' as const, categoryId: garbage } },
  ];
  cases.own = await scriptedCase(backend, clock, '暴露垃圾', cst(3, 2, 9), filed(2), { ...inGrid2, reporter: 'gw004001002', source: 'grid_worker' });
  cases.missed = await scriptedCase(backend, clock, '暴露垃圾', cst(3, 3, 9), filed(3), inGrid2);
  cases.voided = await scriptedCase(backend, clock, '暴露垃圾', cst(3, 4, 9), [{ at: cst(3, 4, 9, 5), who: 'dispatcher', move: { move: 'void', reason: '反映不实' } }], inGrid2);

  // What the old derivation stored for the voided report: a problem "found by others", in the facts and the totals.
  const [reported] = await backend.knex('case_facts').where({ case_id: cases.voided, kind: 'other_report' }).select();
  const stale = factToRow({
    id: `${cases.voided}:found_by_others:0`, caseId: cases.voided!, kind: 'found_by_others', handler: null, departmentId: null,
    gridId: reported.grid_id, communityId: reported.community_id, streetId: reported.street_id, userId: null,
    at: Number(reported.at), dueAt: null, doneAt: null, outcome: null, weight: 1, place: true,
  }, false);
  await backend.writePath.transaction(async (tx) => {
    await tx.writeProjection('case_facts', [stale], 'insert');
    const totals = new Map();
    addContributions(totals, [stale], 1);
    await applyTotals(tx.trx, totals);
  });
}, 120_000);
afterAll(async () => {
  await backend.close();
  await t.close().catch(() => undefined);
});

describe('facts derived by the old definitions', () => {
  it('show the voided report as a missed one before the rebuild', async () => {
    expect((await missedEntries()).sort()).toEqual([cases.missed, cases.voided].sort());
    expect(await missedRate()).toEqual([2, 1]);
  });

  it('are rebuilt on the next start after the migration marks them, and the wrong entry is withdrawn', async () => {
    // The migration is idempotent: run again on this database, it only adds the mark (there are cases).
    await indicatorDefinitions.up(backend.knex);
    expect(await backend.knex('derived_rebuilds').pluck('reason')).toEqual([indicatorDefinitions.INDICATOR_DEFINITIONS_REBUILD]);
    await backend.close();
    const progress: number[] = [];
    backend = await Backend.open({ db: { client: 'sqlite', filename: t.dbFile }, now: clock.now, onRebuild: (n) => progress.push(n) });
    expect(progress.at(-1)).toBe(3);
    expect(await backend.knex('derived_rebuilds').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await missedEntries()).toEqual([cases.missed]);
    expect(await missedRate()).toEqual([1, 1]);
  });

  it('are rebuilt by npm run rebuild too, which answers the mark', async () => {
    await backend.knex('derived_rebuilds').insert({ reason: indicatorDefinitions.INDICATOR_DEFINITIONS_REBUILD, marked_at: clock.value });
    await backend.close();
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'db/rebuildCli.ts', '--db', t.dbFile], { cwd: process.cwd() });
    expect(stdout).toContain('已从案件事件重建 3 个案件');
    backend = await Backend.open({ db: { client: 'sqlite', filename: t.dbFile }, now: clock.now, onRebuild: () => { throw new Error('rebuilt twice'); } });
    expect(await backend.knex('derived_rebuilds').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await missedEntries()).toEqual([cases.missed]);
  }, 60_000);
});
