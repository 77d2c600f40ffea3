/**
 * A bad file per kind: each row of the workbook carries a different fault (issue 9 "Bad files"),
 * and the file-level faults (wrong sheet, .xls, empty, 20 MB, merged header, missing column,
 * header only) each get their own file. Every one gives a row-level report in Chinese, and
 * nothing is written.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnboardingOutcome } from '../../core/api/onboardingTypes';
import { ONBOARDING_KINDS, templateHeader, type OnboardingKind } from '../../core/import/onboarding/columns';
import { KIND_SPECS } from '../../core/import/onboarding/kinds';
import { runOnboarding } from '../../db/import/onboarding';
import { tableCounts, type TestBackend } from '../support/backend';
import { issueLines, onboardingCaller, openRealOffice, workbookBytes, type CellInput, type OnboardingCall } from '../support/onboarding';

let t: TestBackend;
let admin: string;
let call: OnboardingCall;

beforeAll(async () => {
  ({ t, admin } = await openRealOffice());
  call = onboardingCaller(t, () => admin);
  const regions = await call('onboarding.confirm', 'regions', await workbookBytes('区域', [
    ['区域编码', '名称'], ['500112', '渝北区'], ['500112001', '青枫街道'], ['500112001001', '望湖社区'], ['500112001001001', '望湖一网格'],
  ]));
  expect(regions.written).toBe(true);
});
afterAll(async () => t.close());

const headerOf = (kind: OnboardingKind) => KIND_SPECS[kind].columns.map(templateHeader);
const LONG = (n: number) => '长'.repeat(n);
const formula = { formula: 'A1&"x"', result: 'x' } as CellInput;
const errorValue = { error: '#REF!' } as CellInput;

/** Confirms a file that must be refused: nothing written, and its report lines returned. */
async function refused(kind: OnboardingKind, bytes: Buffer, fileName?: string, password?: string): Promise<string[]> {
  const before = await tableCounts(t.backend);
  const dry = await call('onboarding.dryRun', kind, bytes, fileName, password);
  const done = await call('onboarding.confirm', kind, bytes, fileName, password);
  expect(done.written).toBe(false);
  expect(await tableCounts(t.backend)).toEqual(before);
  expect(issueLines(done)).toEqual(issueLines(dry));
  expect(done.report).not.toBeNull();
  for (const issue of done.issues) expect(issue.reason).toMatch(/[\u4e00-\u9fa5]/);
  return issueLines(done);
}

describe('a bad file per kind: every faulty row reported by row and column, nothing written', () => {
  it('users', async () => {
    const lines = await refused('users', await workbookBytes('用户', [
      headerOf('users'),
      ['dup', '甲', '调度员', null, null, null, null, null],
      ['dup', '乙', '调度员', null, null, null, null, null], // 3 duplicate username
      ['张 三', '丙', '调度员', null, null, null, null, null], // 4 bad username
      ['noname', null, '调度员', null, null, null, null, null], // 5 blank name
      ['captain', '丁', '队长', null, null, null, null, null], // 6 unknown role
      ['badphone', '戊', '调度员', '1380013800', null, null, null, null], // 7 bad phone
      ['nodept', '己', '部门人员', null, null, null, null, null], // 8 staff without department
      ['ghostdept', '庚', '部门人员', null, 'D99', null, null, null], // 9 unknown department
      ['nogrid', '辛', '网格员', null, null, null, null, null], // 10 grid worker without grid
      ['ghostgrid', '壬', '网格员', null, null, '500112999999999', null, null], // 11 unknown grid
      ['deptdisp', '癸', '调度员', null, 'D01', null, null, null], // 12 dispatcher with a department
      ['leaddisp', '子', '调度员', null, null, null, '是', null], // 13 leader flag off a grid worker
      ['maybe', '丑', '网格员', null, null, '500112001001001', '也许', null], // 14 bad yes/no
      ['quit', '寅', '调度员', null, null, null, null, '离职'], // 15 bad status
      ['formula', formula, '调度员', null, null, null, null, null], // 16 formula
      ['errval', '卯', errorValue, null, null, null, null, null], // 17 error value
      ['longname', LONG(33), '调度员', null, null, null, null, null], // 18 name too long
      ['dated', '辰', '调度员', new Date(Date.UTC(2025, 0, 2)), null, null, null, null], // 19 a date where text belongs
      ['start2026', '巳', '调度员', null, null, null, null, null], // 20 the initial password contains the username
    ]), undefined, 'Start2026-x');
    expect(lines).toEqual([
      '3 用户名: 用户名"dup"与第 2 行重复',
      '4 用户名: 用户名为 2–64 位字母、数字或 _ . @ -',
      '5 姓名: “姓名”是必填项，不能为空',
      expect.stringMatching(/^6 角色: “队长”不是可选的值：可填 系统管理员、调度员/),
      expect.stringMatching(/^7 手机号: 电话号码"1380013800"格式不对/),
      '8 所属部门编码: 部门人员须指定所属部门',
      expect.stringMatching(/^9 所属部门编码: 部门编码“D99”不存在或已停用/),
      '10 负责网格编码: 网格员须指定至少一个网格',
      expect.stringMatching(/^11 负责网格编码: 网格编码 “500112999999999” 不存在或已停用/),
      '12 所属部门编码: 只有部门人员可以指定所属部门',
      '13 网格长: 只有网格员可以担任网格长',
      '14 网格长: 应填“是”或“否”',
      '15 状态: 应填“启用”或“停用”',
      expect.stringMatching(/^16 姓名: 这是公式，不是数值/),
      expect.stringMatching(/^17 角色: 单元格是错误值/),
      '18 姓名: 姓名超过 32 个字',
      expect.stringMatching(/^19 手机号: 这里应填文字，不是日期/),
      '20 新账号初始密码: 初始密码不能包含用户名：请换一个初始密码',
    ]);
  });

  it('users: a missing or weak initial password is one line, not one per new account', async () => {
    const bytes = await workbookBytes('用户', [headerOf('users'), ['a1', '甲', '调度员'], ['a2', '乙', '调度员']]);
    expect(await refused('users', bytes)).toEqual(['0 新账号初始密码: 有新账号：请在导入页填写“新账号初始密码”（文件中有 2 个新账号）']);
    expect(await refused('users', bytes, undefined, 'short')).toEqual([expect.stringMatching(/^0 新账号初始密码: 新账号初始密码不符合要求：密码至少 8 位/)]);
  });

  it('departments', async () => {
    const lines = await refused('departments', await workbookBytes('部门', [
      headerOf('departments'),
      ['X1', '甲部门'],
      ['x1', '甲部门重复'], // 3 duplicate code (case-insensitive)
      ['含 空格', '乙部门'], // 4 bad code
      ['D1234567890123456', '丙部门'], // 5 code too long
      ['X2', null], // 6 blank name
      ['X3', LONG(65)], // 7 name too long
      ['X4', '丁部门', LONG(17)], // 8 short name too long
      ['X5', '戊部门', null, '可能'], // 9 bad yes/no
      ['X6', '己部门', null, null, LONG(33)], // 10 contact too long
      ['X7', '庚部门', null, null, null, '12-34'], // 11 bad phone
      ['X8', '辛部门', null, null, null, null, LONG(65)], // 12 duty hours too long
      ['X9', '壬部门', null, null, null, null, null, '撤销'], // 13 bad status
      ['X10', formula], // 14 formula
      ['X11', errorValue], // 15 error value
      [null, '无编码部门'], // 16 blank code
    ]));
    expect(lines.map((l) => l.split(':')[0])).toEqual(['3 部门编码', '4 部门编码', '5 部门编码', '6 部门名称', '7 部门名称', '8 简称', '9 垂直管理', '10 联系人', '11 联系电话', '12 值班时间', '13 状态', '14 部门名称', '15 部门名称', '16 部门编码']);
  });

  it('social organisations', async () => {
    const lines = await refused('organisations', await workbookBytes('社会组织', [
      headerOf('organisations'),
      ['S1', '甲组织'],
      ['S1', '甲组织重复'], // 3 duplicate
      ['S/2', '乙组织'], // 4 bad code
      ['S3', null], // 5 blank name
      ['S4', '丙组织', LONG(25)], // 6 kind too long
      ['S5', '丁组织', null, `助老、${LONG(33)}`], // 7 a service too long
      ['S6', '戊组织', null, null, LONG(33)], // 8 contact too long
      ['S7', '己组织', null, null, null, '0000'], // 9 bad phone
      ['S8', '庚组织', null, null, null, null, LONG(129)], // 10 address too long
      ['S9', '辛组织', null, null, null, null, null, LONG(65)], // 11 duty hours too long
      ['S10', '壬组织', null, null, null, null, null, null, '暂停'], // 12 bad status
      ['S11', formula], // 13 formula
      ['S12', '癸组织', null, null, null, new Date(Date.UTC(2025, 0, 2))], // 14 date in a text column
    ]));
    expect(lines.map((l) => l.split(':')[0])).toEqual(['3 组织编码', '4 组织编码', '5 组织名称', '6 类型', '7 服务项目', '8 联系人', '9 联系电话', '10 地址', '11 值班时间', '12 状态', '13 组织名称', '14 联系电话']);
  });

  it('categories', async () => {
    const limits = ['1工作小时', '1工作小时', '1工作日', '4工作小时', '2工作日'];
    const row = (code: CellInput, overrides: Record<number, CellInput> = {}): CellInput[] => {
      const base: CellInput[] = [code, '市容环境', '测试小类', '立案标准', '结案标准', null, null, null, null, null, ...limits];
      for (const [i, v] of Object.entries(overrides)) base[Number(i)] = v;
      return base;
    };
    const lines = await refused('categories', await workbookBytes('事项类别', [
      headerOf('categories'),
      row('0198'),
      row('0198'), // 3 duplicate code
      row('198'), // 4 not four digits
      row('0100'), // 5 minor 00
      row('0197', { 1: '市容' }), // 6 major name differs from the stored major class
      row('0196', { 3: null }), // 7 blank filing criteria
      row('0195', { 5: 'D99' }), // 8 unknown department
      row('0194', { 6: Array.from({ length: 61 }, (_, i) => `词${i}`).join('、') }), // 9 too many keywords
      row('0193', { 7: '偶尔' }), // 10 bad grid-admissible flag
      row('0192', { 8: '罚款' }), // 11 unknown matter kind
      row('0191', { 9: '特急' }), // 12 unknown priority
      row('0190', { 10: '两天' }), // 13 unreadable limit
      row('0189', { 11: 2 }), // 14 a bare number
      row('0188', { 12: '0工作日' }), // 15 zero
      row('0187', { 13: '400工作日' }), // 16 over a year
      row('0186', { 14: null }), // 17 missing limit
      row('0185', { 2: formula }), // 18 formula
      row('0184', { 4: LONG(1001) }), // 19 closing criteria too long
      row('0183', { 6: LONG(17) }), // 20 keyword too long
    ]));
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      '3 类别编码', '4 类别编码', '5 类别编码', '6 大类名称', '7 立案标准', '8 默认处置部门编码', '9 关键词', '10 网格可受理', '11 事项性质', '12 优先级',
      '13 受理时限', '14 签收时限', '15 处置时限', '16 核查时限', '17 回访时限', '18 小类名称', '19 结案标准', '20 关键词',
    ]);
  });

  it('regions', async () => {
    const lines = await refused('regions', await workbookBytes('区域', [
      headerOf('regions'),
      ['500112002', '枫林街道'],
      ['500112002', '枫林街道重复'], // 3 duplicate
      ['500112009001', '无上级社区'], // 4 unknown parent
      ['50011200', '八位编码'], // 5 bad length
      ['500112000', '零段街道'], // 6 000 segment
      ['500113', '另一个区'], // 7 a second district
      ['500112003', null], // 8 blank name
      ['500112004', LONG(65)], // 9 name too long
      ['500112005', '户数街道', 100_001], // 10 households too large
      ['500112006', '负户数街道', '-1'], // 11 negative
      ['500112007', '说明街道', null, LONG(501)], // 12 description too long
      ['500112008', formula], // 13 formula
      ['5001120a0', '字母编码'], // 14 letters in a code
    ]));
    expect(lines.map((l) => l.split(':')[0])).toEqual(['3 区域编码', '4 区域编码', '5 区域编码', '6 区域编码', '7 区域编码', '8 名称', '9 名称', '10 户数', '11 户数', '12 说明', '13 名称', '14 区域编码']);
  });
});

describe('files refused whole, for every kind', () => {
  it.each(ONBOARDING_KINDS)('%s: wrong sheet, .xls, empty, merged header, missing column, header only, 20 MB', async (kind) => {
    const spec = KIND_SPECS[kind];
    const header = headerOf(kind);
    expect(await refused(kind, await workbookBytes('Sheet1', [header, header]))).toEqual([expect.stringMatching(new RegExp(`^0 : 找不到工作表“${spec.sheet}”：文件中的工作表是 “Sheet1”`))]);
    expect(await refused(kind, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), `${kind}.xls`)).toEqual([expect.stringContaining('Excel 97-2003')]);
    expect(await refused(kind, Buffer.alloc(0).subarray(0), `${kind}.xlsx`).catch((e: Error) => [e.message])).toEqual([expect.stringContaining('文件是空的')]);
    const merged = await workbookBytes(spec.sheet, [[`${spec.label}名单`], header, header.map(() => 'x')], (_book, ws) => ws.mergeCells(1, 1, 1, header.length));
    expect(await refused(kind, merged)).toEqual([expect.stringMatching(/^1 A: 表头有合并单元格/)]);
    expect(await refused(kind, await workbookBytes(spec.sheet, [header.slice(1), header.slice(1)]))).toEqual([expect.stringContaining(`缺少必填列“${spec.columns[0]!.header}”`)]);
    expect(await refused(kind, await workbookBytes(spec.sheet, [header]))).toEqual([expect.stringContaining('只有表头，没有数据行')]);

    // 20 MB: the API refuses the upload itself; read from disk, the reader refuses it before reading a byte.
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const response = await t.dispatch('onboarding.dryRun', { kind, fileName: 'big.xlsx', dataBase64: big.toString('base64') }, admin);
    expect(response.ok ? '' : response.error.message).toContain('文件超过 10 MB');
    const path = join(t.dir, 'big.xlsx');
    writeFileSync(path, '');
    truncateSync(path, 20 * 1024 * 1024);
    const before = await tableCounts(t.backend);
    const outcome: Pick<OnboardingOutcome, 'issues' | 'written'> = await runOnboarding(t.backend.writePath, { kind, file: { path }, userId: null, at: 0, write: true });
    expect(outcome.written).toBe(false);
    expect(outcome.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/20\.0 MB，超过导入上限 10\.0 MB/)]);
    expect(await tableCounts(t.backend)).toEqual(before);
  });
});
