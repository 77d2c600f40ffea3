import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentImportOutcome } from '../../core/api/registryTypes';
import { RESIDENT_SHEET_COLUMNS } from '../../core/registry/residentSheet';
import { openTestBackend, type TestBackend } from '../support/backend';
import { caller, testIdNumber } from '../support/registry';

process.env.GRIDDESK_PASSPHRASE = 'registry test passphrase';

let t: TestBackend;
let api: ReturnType<typeof caller>;
let admin: string;
let worker: string;
const GRID = '500112003001001';
const OTHER_GRID = '500112003001002';

async function sheet(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('居民');
  ws.addRow([...RESIDENT_SHEET_COLUMNS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
const run = (dataBase64: string, dryRun: boolean, token = admin) =>
  api.call<ResidentImportOutcome>('registry.importResidents', { fileName: '居民.xlsx', dataBase64, dryRun }, token);
const residentCount = async () => Number(((await t.backend.knex('residents').count({ n: '*' })) as Array<{ n: number }>)[0]!.n);

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 5 });
  api = caller(t);
  admin = await t.login('admin');
  worker = await t.login('gw003001001');
});
afterAll(async () => t.close());

describe('residents from Excel', () => {
  it('reports every faulty row by sheet, row and column, and writes nothing', async () => {
    const bad = testIdNumber(21).slice(0, 17) + (testIdNumber(21).endsWith('1') ? '2' : '1');
    const file = await sheet([
      [GRID, '刘一', testIdNumber(20), '13800000020', '幸福路1号', '1单元', '101', 'F-1', '户主', '独居老人', ''],
      [GRID, '刘二', bad, '', '幸福路1号', '', '', '', '', '', ''],
      ['500112999001001', '刘三', testIdNumber(22), '', '幸福路1号', '', '', '', '', '', ''],
      [GRID, '刘四', testIdNumber(23), '12', '幸福路1号', '', '', '', '', '贫困户', ''],
      [GRID, '刘五', testIdNumber(20), '', '', '', '', '', '', '', ''],
    ]);
    const before = await residentCount();
    const outcome = await run(file, false);
    expect(outcome.written).toBe(false);
    expect(outcome.rows).toBe(5);
    expect(outcome.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '身份证号'], [4, '网格编码'], [5, '电话'], [5, '标签'], [6, '楼栋'], [6, '身份证号'],
    ]);
    expect(outcome.issues.find((i) => i.row === 6 && i.column === '身份证号')!.reason).toBe('与第 2 行的身份证号重复');
    expect(outcome.issues.find((i) => i.column === '标签')!.reason).toContain('未知的人群标签');
    expect(await residentCount()).toBe(before);
  });

  it('dry-runs with exact counts, confirms all rows, and a second import updates rather than duplicates', async () => {
    const file = await sheet([
      [GRID, '陈一', testIdNumber(30), '13800000030', '幸福路2号', '1单元', '101', 'F-2', '户主', '独居老人', ''],
      [GRID, '陈二', testIdNumber(31), '', '幸福路2号', '1单元', '101', 'F-2', '配偶', '', ''],
    ]);
    const before = await residentCount();
    expect(await run(file, true)).toMatchObject({ created: 2, updated: 0, written: false, issueCount: 0 });
    expect(await residentCount()).toBe(before);
    expect(await run(file, false)).toMatchObject({ created: 2, written: true });
    expect(await residentCount()).toBe(before + 2);
    expect(await run(file, false)).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true });
    expect(await residentCount()).toBe(before + 2);
    const found = await api.call<{ total: number }>('registry.residents', { lookup: '13800000030' }, admin);
    expect(found.total).toBe(1);
  });

  it('keeps a grid worker to their own grid', async () => {
    const file = await sheet([[OTHER_GRID, '吴一', testIdNumber(40), '', '幸福路3号', '', '', '', '', '', '']]);
    const outcome = await run(file, false, worker);
    expect(outcome).toMatchObject({ written: false, issueCount: 1 });
    expect(outcome.issues[0]).toMatchObject({ row: 2, column: '网格编码' });
  });

  it('refuses an old .xls with the reason', async () => {
    const outcome = await api.call<ResidentImportOutcome>('registry.importResidents', { fileName: '居民.xls', dataBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]).toString('base64') }, admin);
    expect(outcome.issues[0]!.reason).toContain('.xls');
  });
});
