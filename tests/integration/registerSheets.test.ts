import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterImportOutcome } from '../../core/api/registryTypes';
import { openTestBackend, type TestBackend } from '../support/backend';
import { caller, gridIdOf } from '../support/registry';

process.env.GRIDDESK_PASSPHRASE = 'registry test passphrase';

let t: TestBackend;
let api: ReturnType<typeof caller>;
const tokens: Record<string, string> = {};
const GRID = '500112003001001';
const OTHER_GRID = '500112003001002';

const HOUSE_HEADER = ['网格编码*', '房屋编码*', '楼栋*', '单元', '房号', '用途', '居住状态', '产权人/承租人'];
const COMPONENT_HEADER = ['网格编码*', '部件编码*', '类别*', '位置', '经度', '纬度', '状况'];
const ORG_HEADER = ['组织编码*', '组织名称*', '类型', '服务项目', '联系人', '联系电话', '地址', '值班时间', '状态'];

async function book(sheetName: string, header: string[], rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
const load = async (dataBase64: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
};
const run = (kind: string, dataBase64: string, dryRun: boolean, token = tokens.admin!) =>
  api.call<RegisterImportOutcome>('registry.import', { kind, fileName: `${kind}.xlsx`, dataBase64, dryRun }, token);
const count = async (table: string) => Number(((await t.backend.knex(table).count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
const at = (o: RegisterImportOutcome) => o.issues.map((i) => [i.row, i.column]);

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 5 });
  api = caller(t);
  for (const u of ['admin', 'dispatcher', 'leader', 'gw003001001']) tokens[u] = await t.login(u);
});
afterAll(async () => t.close());

describe('templates', () => {
  it('give each register its data sheet (required columns marked) and a 填写说明 sheet', async () => {
    for (const [kind, sheet, header] of [['houses', '房屋', HOUSE_HEADER], ['components', '部件', COMPONENT_HEADER], ['organisations', '社会组织', ORG_HEADER]] as const) {
      const file = await api.call<{ name: string; dataBase64: string }>('registry.template', { kind }, tokens.gw003001001!);
      const workbook = await load(file.dataBase64);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([sheet, '填写说明']);
      expect((workbook.getWorksheet(sheet)!.getRow(1).values as unknown[]).slice(1)).toEqual(header);
      expect(JSON.stringify(workbook.getWorksheet('填写说明')!.getSheetValues())).toContain('全部无误才会写入');
    }
    const residents = await load((await api.call<{ dataBase64: string }>('registry.template', { kind: 'residents' }, tokens.admin!)).dataBase64);
    expect((residents.getWorksheet('居民')!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['网格编码*', '姓名*', '身份证号*']);
  });
});

describe('import error reports', () => {
  it('houses: each faulty cell by sheet, row and column with a Chinese reason, a downloadable report, nothing written', async () => {
    const before = await count('houses');
    const file = await book('房屋', HOUSE_HEADER, [
      [GRID, 'FW-T-001', '幸福路8号', '1单元', '101', '住宅', '出租', '李建国'],
      ['500112999001001', 'FW-T-002', '幸福路8号', '', '', '', '', ''],
      [GRID, 'FW-T-001', '幸福路8号', '', '', '仓库', '', ''],
      [GRID, '', '幸福路8号'.repeat(14), '', '', '', '借住', ''],
    ]);
    const outcome = await run('houses', file, false);
    expect(outcome).toMatchObject({ kind: 'houses', rows: 4, written: false, issueCount: 6 });
    expect(at(outcome)).toEqual([[3, '网格编码'], [4, '房屋编码'], [4, '用途'], [5, '房屋编码'], [5, '楼栋'], [5, '居住状态']]);
    expect(outcome.issues.find((i) => i.row === 4 && i.column === '房屋编码')!.reason).toBe('与第 2 行的房屋编码重复');
    expect(outcome.issues.find((i) => i.column === '用途')).toMatchObject({ value: '仓库', reason: expect.stringContaining('住宅、商业、商住、其他') });
    expect(outcome.issues.find((i) => i.column === '楼栋')!.reason).toBe('不能超过 64 个字符');
    const report = await load(outcome.report!.dataBase64);
    const lines = report.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 4));
    expect(lines).toContainEqual(['房屋', 4, '用途']);
    expect(await count('houses')).toBe(before);
  });

  it('components: kinds, coordinates and conditions are checked', async () => {
    const file = await book('部件', COMPONENT_HEADER, [
      [GRID, 'BJ-T-001', '井盖', '幸福路8号门前', 106.51, 29.6, '完好'],
      [GRID, 'BJ-T-002', '垃圾桶', '', '', '', ''],
      [GRID, 'BJ-T-003', '路灯', '', 106.51, '', ''],
      [GRID, 'BJ-T-004', '路灯', '', 106.51, 95, '坏了'],
    ]);
    const outcome = await run('components', file, true);
    expect(at(outcome)).toEqual([[3, '类别'], [4, '纬度'], [5, '纬度'], [5, '状况']]);
    expect(outcome.issues[1]!.reason).toBe('经度和纬度要么都填，要么都不填');
    expect(outcome.issues[2]!.reason).toBe('纬度应为 3 到 54 之间的数字');
  });

  it('organisations: the administration\'s validator answers per row; only the admin imports them', async () => {
    const file = await book('社会组织', ORG_HEADER, [
      ['ORG-T1', '青枫志愿服务队', '志愿服务', '助老、环境整治', '赵敏', '13700137000', '青枫路18号', '周末', '启用'],
      ['ORG-T1', '重复的组织', '', '', '', '', '', '', ''],
      ['ORG-T2', '号码不对的组织', '', '', '', '2345', '', '', ''],
    ]);
    const outcome = await run('organisations', file, true);
    expect(outcome.issues.map((i) => i.row)).toEqual(expect.arrayContaining([3, 4]));
    expect(outcome.issues.find((i) => i.row === 4)!.column).toBe('联系电话');
    const refused = await t.dispatch('registry.import', { kind: 'organisations', fileName: 'o.xlsx', dataBase64: file, dryRun: true }, tokens.gw003001001!);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: '组织名录由管理员导入维护' });
  });

  it('a grid worker imports into their own grid only and cannot overwrite another grid\'s code', async () => {
    await run('houses', await book('房屋', HOUSE_HEADER, [[OTHER_GRID, 'FW-T-OTHER', '双湖路1号', '', '', '', '', '']]), false);
    const outcome = await run('houses', await book('房屋', HOUSE_HEADER, [
      [GRID, 'FW-T-OTHER', '双湖路1号', '', '', '', '', ''],
      [OTHER_GRID, 'FW-T-MINE', '双湖路1号', '', '', '', '', ''],
    ]), false, tokens.gw003001001!);
    expect(at(outcome)).toEqual([[3, '网格编码']]);
    const second = await run('houses', await book('房屋', HOUSE_HEADER, [[GRID, 'FW-T-OTHER', '双湖路1号', '', '', '', '', '']]), false, tokens.gw003001001!);
    expect(second.issues[0]).toMatchObject({ row: 2, column: '房屋编码', reason: '编码 FW-T-OTHER 已被其他网格使用，不能由本网格导入覆盖' });
  });
});

describe('re-import', () => {
  it('counts exactly on a dry run, writes all rows on confirm, and the same file again changes nothing', async () => {
    const rows = [
      [GRID, 'BJ-R-001', '井盖', '幸福路9号门前', 106.5, 29.6, '完好'],
      [GRID, 'BJ-R-002', '路灯', '幸福路9号', '', '', '破损'],
    ];
    const file = await book('部件', COMPONENT_HEADER, rows);
    const before = await count('city_components');
    expect(await run('components', file, true)).toMatchObject({ created: 2, updated: 0, unchanged: 0, written: false });
    expect(await count('city_components')).toBe(before);
    expect(await run('components', file, false)).toMatchObject({ created: 2, written: true });
    const outbox = await count('outbox');
    expect(await run('components', file, false)).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true });
    // Only the import's audit row is written: no record changed.
    expect(await count('outbox')).toBe(outbox + 1);
    const changed = await run('components', await book('部件', COMPONENT_HEADER, [rows[0]!, [GRID, 'BJ-R-002', '路灯', '幸福路9号', '', '', '缺失']]), false);
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await t.backend.knex('city_components').where({ code: 'BJ-R-002' }).first('condition')).toEqual({ condition: 'missing' });
    expect(await count('city_components')).toBe(before + 2);
  });

  it('houses and organisations are matched by code too', async () => {
    const houses = await book('房屋', HOUSE_HEADER, [[GRID, 'FW-R-001', '幸福路10号', '1单元', '201', '商业', '空置', '王强']]);
    expect(await run('houses', houses, false)).toMatchObject({ created: 1 });
    expect(await run('houses', houses, false)).toMatchObject({ created: 0, unchanged: 1 });
    const orgs = await book('社会组织', ORG_HEADER, [['ORG-R1', '幸福社区养老服务站', '养老服务', '助餐', '孙丽', '13700137001', '', '', '']]);
    expect(await run('organisations', orgs, false)).toMatchObject({ created: 1 });
    expect(await run('organisations', orgs, false)).toMatchObject({ created: 0, unchanged: 1 });
  });
});

describe('exports', () => {
  it('mask by role, carry the watermark, and every export is audited with its kind', async () => {
    const grid = await gridIdOf(t, GRID);
    await run('houses', await book('房屋', HOUSE_HEADER, [[GRID, 'FW-E-001', '幸福路11号', '', '', '', '出租', '欧阳建国']]), false);
    const auditsBefore = await t.backend.knex('audit_log').where({ action: 'registry.export' }).count({ n: '*' });
    const text = async (kind: string, token: string) => {
      const file = await api.call<{ name: string; dataBase64: string }>('registry.export', { kind, gridId: grid }, token);
      const sheet = (await load(file.dataBase64)).worksheets[0]!;
      expect(String(sheet.getCell(1, 1).value)).toMatch(/^导出人：.+导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(sheet.headerFooter.oddFooter).toContain('导出人：');
      return JSON.stringify(sheet.getSheetValues());
    };
    expect(await text('houses', tokens.dispatcher!)).toContain('欧阳建国');
    const leaderView = await text('houses', tokens.leader!);
    expect(leaderView).not.toContain('欧阳建国');
    expect(leaderView).toContain('欧***');
    expect(await text('components', tokens.gw003001001!)).toContain('BJ-R-001');
    const orgs = await text('organisations', tokens.dispatcher!);
    expect(orgs).toContain('137****7001');
    expect(orgs).not.toContain('13700137001');
    const audits = (await t.backend.knex('audit_log').where({ action: 'registry.export' }).orderBy('at').select('user_id', 'target_type', 'detail')) as Array<{ target_type: string }>;
    expect(audits.length - Number(auditsBefore[0]!.n)).toBe(4);
    expect(audits.slice(-4).map((a) => a.target_type)).toEqual(['houses', 'houses', 'components', 'organisations']);
  });

  it('keep a grid worker to their own grid', async () => {
    const other = await gridIdOf(t, OTHER_GRID);
    const refused = await t.dispatch('registry.export', { kind: 'houses', gridId: other }, tokens.gw003001001!);
    expect(refused.ok).toBe(false);
  });
});
