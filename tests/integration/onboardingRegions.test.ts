import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWholeTable } from '../../db/import/tableReader';
import { tableCounts, type TestBackend } from '../support/backend';
import { issueLines, onboardingCaller, openRealOffice, workbookBytes, type OnboardingCall } from '../support/onboarding';

let t: TestBackend;
let admin: string;
let call: OnboardingCall;

beforeAll(async () => {
  ({ t, admin } = await openRealOffice());
  call = onboardingCaller(t, () => admin);
});
afterAll(async () => t.close());

const HEADER = ['区域编码*', '名称*', '户数', '说明'];
const GOOD = [
  HEADER,
  ['500112', '渝北区', null, null],
  ['500112001001001', '望湖第一网格', 420, '东至青枫路'],
  ['500112001', '青枫街道', null, null],
  ['500112001001', '望湖社区', 3200, null],
  ['500112001001002', '望湖第二网格', '380', null],
];

describe('regions from an Excel code table', () => {
  it('offers a template with Chinese headers, a notes sheet and nothing to import in it', async () => {
    const response = await t.dispatch('onboarding.template', { kind: 'regions' }, admin);
    if (!response.ok) throw new Error(response.error.message);
    const file = response.result as { name: string; dataBase64: string };
    expect(file.name).toBe('区域网格导入模板.xlsx');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const notes = await readWholeTable({ name: file.name, bytes }, { sheets: ['填写说明'] });
    expect(notes.rows.map((r) => r.cells[0])).toContain('区域编码');
    // The data sheet is the header alone: an untouched template imports nothing and says so.
    const outcome = await call('onboarding.dryRun', 'regions', bytes);
    expect(issueLines(outcome)).toEqual([expect.stringContaining('只有表头，没有数据行')]);
  });

  it('dry run counts what it would do and writes nothing; confirm writes it, audited; the same file again changes nothing', async () => {
    const bytes = await workbookBytes('区域', GOOD);
    const before = await tableCounts(t.backend);
    const dry = await call('onboarding.dryRun', 'regions', bytes);
    expect(dry).toMatchObject({ rows: 5, created: 5, updated: 0, unchanged: 0, issues: [], written: false, report: null });
    expect(await tableCounts(t.backend)).toEqual(before);

    const done = await call('onboarding.confirm', 'regions', bytes);
    expect(done).toMatchObject({ rows: 5, created: 5, written: true });
    const grid = await t.backend.knex('regions').where({ code: '500112001001002' }).first();
    expect(grid).toMatchObject({ name: '望湖第二网格', level: 'grid', households: 380 });
    const audits = await t.backend.knex('audit_log').where({ action: 'region.create' });
    expect(audits).toHaveLength(5);
    expect(JSON.parse(audits[0].detail)).toMatchObject({ via: 'excel' });

    const afterFirst = await tableCounts(t.backend);
    const again = await call('onboarding.confirm', 'regions', bytes);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, written: true });
    expect(await tableCounts(t.backend)).toEqual(afterFirst);

    const renamed = await call('onboarding.confirm', 'regions', await workbookBytes('区域', [HEADER, ['500112001001002', '望湖二网格', 380, null]]));
    expect(renamed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it('a file with faults writes nothing and reports each by row and column, with a downloadable report', async () => {
    const before = await tableCounts(t.backend);
    const bytes = await workbookBytes('区域', [
      HEADER,
      ['500112002', '枫林街道', null, null],
      ['500112002', '枫林街道重复', null, null],
      ['500112009001001', '孤儿网格', null, null],
      ['5001120020', '错位编码', null, null],
      ['500112002001', '', null, null],
      ['500112002001', '溪岸社区', -3, null],
      ['500112002002', '公式社区', { formula: '1+1', result: 2 }, null],
    ]);
    const outcome = await call('onboarding.confirm', 'regions', bytes);
    expect(outcome.written).toBe(false);
    expect(await tableCounts(t.backend)).toEqual(before);
    const lines = issueLines(outcome);
    expect(lines).toEqual([
      '3 区域编码: 编码与第 2 行重复',
      '4 区域编码: 上级社区「500112009001」在数据库和本次导入中都不存在',
      expect.stringMatching(/^5 区域编码: 编码「5001120020」有 10 位/),
      '6 名称: “名称”是必填项，不能为空',
      '7 户数: 应为 0 到 100000 之间的整数',
      expect.stringMatching(/^8 户数: 这是公式，不是数值/),
    ]);
    const report = await readWholeTable({ name: 'r.xlsx', bytes: Buffer.from(outcome.report!.dataBase64, 'base64') });
    expect(report.rows).toHaveLength(outcome.issueCount);
  });
});
