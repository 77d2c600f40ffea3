import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard, ScorecardRow } from '../../core/api/assessmentTypes';
import type { HistoryInspection, HistoryRunResult } from '../../core/api/historyTypes';
import type { TargetKind } from '../../core/assessment';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';
import { HISTORY_HEADER, pastCaseCells, pastCases, writeHistoryXlsx, type PastCase } from '../support/historyRows';
import { playLive } from '../support/livePlay';
import { TestClock } from '../support/scriptedCases';

// The histories run through 2025; "now" is a January morning of 2026.
const YEAR_START = Date.UTC(2024, 11, 31, 16);
const YEAR_END = Date.UTC(2025, 11, 31, 16);
const NOW = Date.UTC(2026, 0, 20, 2);
const CASES = 2000;

const imported = new TestClock(NOW);
const live = new TestClock(NOW);
let a: TestBackend;
let b: TestBackend;
let history: PastCase[];
let file: { name: string; dataBase64: string };

async function count(t: TestBackend, table: string, where: Record<string, unknown> = {}): Promise<number> {
  const [row] = await t.backend.knex(table).where(where).count<{ n: number }[]>({ n: '*' });
  return Number(row?.n ?? 0);
}

const tokens = new Map<TestBackend, string>();

/** Signs in once per backend: each sign-in is audited, and a dry run must write nothing. */
async function call<T>(t: TestBackend, method: string, input: unknown): Promise<T> {
  if (!tokens.has(t)) tokens.set(t, await t.login('admin'));
  const r = await t.dispatch(method, input, tokens.get(t)!);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as T;
}

beforeAll(async () => {
  a = await openTestBackend({ demo: true, demoCases: 0, now: imported.now });
  b = await openTestBackend({ demo: true, demoCases: 0, now: live.now });
  history = pastCases(await a.backend.reference(), CASES, YEAR_START, YEAR_END);
  const path = join(a.dir, '历史案件.xlsx');
  await writeHistoryXlsx(path, HISTORY_HEADER, history.map((c) => pastCaseCells(c, 'date')));
  file = { name: '历史案件.xlsx', dataBase64: readFileSync(path).toString('base64') };
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
});

const key = (r: ScorecardRow) => `${r.target.parentName ?? ''}/${r.target.name}`;
const comparable = (rows: ScorecardRow[]) =>
  Object.fromEntries(rows.map((r) => [key(r), { rank: r.rank, score: r.score, grade: r.grade, indicators: r.indicators, adjustments: r.adjustments }]));

describe('history import', () => {
  it('guesses the mapping from the headers, checks without writing, then imports every history', async () => {
    const inspection = await call<HistoryInspection>(a, 'history.inspect', file);
    expect(inspection.headers).toEqual(HISTORY_HEADER);
    expect(inspection.mapping).toMatchObject({ caseNo: '案件编号', gridCode: '网格编码', reportedAt: '上报时间', callbackAt: '回访时间', result: '处置结果' });
    expect(inspection.sample[0]![0]).toBe(history[0]!.caseNo);

    const before = await tableCounts(a.backend);
    const dry = await call<HistoryRunResult>(a, 'history.run', { ...file, mapping: inspection.mapping, dryRun: true });
    expect(dry).toMatchObject({ rows: CASES, imported: CASES, refusedRows: 0, alreadyThere: 0 });
    const after = await tableCounts(a.backend);
    // A dry run writes nothing but the remembered mapping.
    expect({ ...after, settings: 0, outbox: 0 }).toEqual({ ...before, settings: 0, outbox: 0 });
    expect(after.case_events).toBe(before.case_events);

    const run = await call<HistoryRunResult>(a, 'history.run', { ...file, mapping: inspection.mapping, dryRun: false });
    expect(run).toMatchObject({ rows: CASES, imported: CASES, refusedRows: 0, faults: [] });
    expect(await count(a, 'cases')).toBe(CASES);
    const closed = history.filter((c) => c.stages.callbackAt !== undefined).length;
    expect(await count(a, 'cases', { status: 'archived' })).toBe(closed);
    // Every imported event is in the outbox, as any write of a synced table.
    expect(await count(a, 'outbox', { table_name: 'case_events' })).toBe(await count(a, 'case_events'));
  }, 300_000);

  it('carries the original times, and deadlines from the working calendar', async () => {
    const c = history.find((h) => h.stages.handledAt !== undefined)!;
    const row = await a.backend.knex('cases').where({ case_no: c.caseNo }).first('id', 'reported_at');
    expect(Number(row.reported_at)).toBe(c.reportedAt);
    const events = await a.backend.knex('case_events').where({ case_id: row.id }).orderBy('at');
    const signed = events.find((e) => e.type === 'signed');
    expect(Number(signed.at)).toBe(c.stages.signedAt);
    expect(signed.actor_id).toBeNull();
    expect(signed.actor_role).toBe('department_staff');
    expect(JSON.parse(signed.payload).deadlineAt).toBeGreaterThan(c.stages.signedAt!);
  });

  it('a second import of the same file adds nothing', async () => {
    const before = await tableCounts(a.backend);
    const inspection = await call<HistoryInspection>(a, 'history.inspect', file);
    expect(inspection.remembered).toBe(true);
    const run = await call<HistoryRunResult>(a, 'history.run', { ...file, mapping: inspection.mapping, dryRun: false });
    expect(run).toMatchObject({ rows: CASES, imported: 0, alreadyThere: CASES, refusedRows: 0 });
    const after = await tableCounts(a.backend);
    // Only the import's audit entry (and its outbox row) is new.
    expect(after).toEqual({ ...before, audit_log: before.audit_log! + 1, outbox: before.outbox! + 1 });
  }, 120_000);

  it("last year's monthly scorecards equal those of the same histories played live", async () => {
    await playLive(b.backend, live, history);
    imported.value = NOW;
    live.value = NOW;
    const kinds: TargetKind[] = ['department', 'street', 'community', 'grid'];
    let handlingItems = 0;
    for (let month = 1; month <= 12; month++) {
      for (const kind of kinds) {
        const input = { period: { kind: 'month', year: 2025, month }, kind };
        const fromImport = await call<Scorecard>(a, 'assessment.scorecard', input);
        const fromLive = await call<Scorecard>(b, 'assessment.scorecard', input);
        expect(fromImport.rows.length).toBeGreaterThan(0);
        expect(comparable(fromImport.rows), `${kind} 2025-${month}`).toEqual(comparable(fromLive.rows));
        if (kind === 'department') handlingItems += fromImport.rows.flatMap((r) => r.indicators).filter((i) => i.indicator === 'on_time_handling_rate').reduce((sum, i) => sum + i.denominator, 0);
      }
    }
    // Not an empty comparison: the months' department cards count most of the cases.
    expect(handlingItems).toBeGreaterThan(CASES / 2);
  }, 900_000);
});
