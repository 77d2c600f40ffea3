import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HistoryRunResult } from '../../core/api/historyTypes';
import { guessHistoryMapping } from '../../core/import/history';
import { openTestBackend, type TestBackend } from '../support/backend';
import { HISTORY_HEADER, historyCsv, pastCaseCells, pastCases } from '../support/historyRows';
import { TestClock } from '../support/scriptedCases';

const NOW = Date.UTC(2026, 0, 20, 2);
let t: TestBackend;
let token: string;

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0, now: new TestClock(NOW).now });
  token = await t.login('admin');
});
afterAll(async () => t?.close());

const run = async (csv: string, dryRun: boolean): Promise<HistoryRunResult> => {
  const r = await t.dispatch('history.run', { name: '历史.csv', dataBase64: Buffer.from(csv).toString('base64'), mapping: guessHistoryMapping(HISTORY_HEADER), dryRun }, token);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as HistoryRunResult;
};

it('bad rows are reported with their reasons and nothing of them is written; the good rows are', async () => {
  const cases = pastCases(await t.backend.reference(), 8, Date.UTC(2025, 0, 1), Date.UTC(2025, 5, 1), 77).map((c) => ({
    ...c, stages: { ...c.stages }, satisfaction: c.satisfaction,
  }));
  const rows = cases.map((c) => pastCaseCells(c, 'text'));
  const col = (name: string) => HISTORY_HEADER.indexOf(name);
  rows[1]![col('签收时间')] = '2024-12-01 08:00'; // before the report
  rows[2]![col('网格编码')] = '500112999999999'; // unknown grid
  rows[3]![col('事项类别编码')] = '9999'; // unknown category
  rows[4]![col('受理时间')] = null; // a stage missing in the middle
  rows[5]![col('上报时间')] = '2025-03-04'; // a date without a time
  rows[6]![col('案件编号')] = rows[0]![col('案件编号')]!; // the same case twice
  const csv = historyCsv(HISTORY_HEADER, rows);

  const dry = await run(csv, true);
  expect(dry).toMatchObject({ rows: 8, imported: 2, refusedRows: 6 });
  const byRow = new Map(dry.faults.map((f) => [f.row, f.reason]));
  expect(byRow.get(3)).toContain('签收时间早于上报时间');
  expect(byRow.get(4)).toContain('网格编码 500112999999999 不存在');
  expect(byRow.get(5)).toContain('事项类别编码 9999 不存在');
  expect(byRow.get(6)).toContain('缺少之前的受理时间');
  expect(byRow.get(7)).toContain('只有日期没有时刻');
  expect(byRow.get(8)).toContain('与第 2 行重复');
  expect(await t.backend.knex('cases').count({ n: '*' }).first()).toEqual({ n: 0 });

  const real = await run(csv, false);
  expect(real).toMatchObject({ imported: 2, refusedRows: 6 });
  const numbers = (await t.backend.knex('cases').select('case_no').orderBy('case_no')).map((r) => r.case_no as string);
  expect(numbers).toEqual([cases[0]!.caseNo, cases[7]!.caseNo].sort());
  const written = await t.backend.knex('case_events').whereIn('case_id', t.backend.knex('cases').select('id')).count({ n: '*' }).first();
  expect(await t.backend.knex('case_events').count({ n: '*' }).first()).toEqual(written);
}, 120_000);
