import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { ensureDemo, signedIn } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'gd-onboarding-e2e-'));

async function workbook(name: string, sheet: string, rows: Array<Array<string | number | null>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

async function openImport(page: Page): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByRole('tab', { name: '数据导入' }).click();
  await expect(page.getByTestId('onboarding')).toBeVisible();
}

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

test('the admin downloads a template, sees a faulty file’s problems by row, then imports a clean one; the same file again changes nothing', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, 'admin');
  await openImport(page);
  await page.getByTestId('onboarding-kind-regions').click();

  const download = page.waitForEvent('download');
  await page.getByTestId('onboarding-template').click();
  expect((await download).suggestedFilename()).toBe('区域网格导入模板.xlsx');

  const faulty = await workbook('faulty.xlsx', '区域', [
    ['区域编码*', '名称*', '户数'],
    ['500112090', '新桥街道', null],
    ['500112090', '新桥街道（重复）', null],
    ['500112091001', '无上级社区', 'abc'],
  ]);
  await page.getByTestId('onboarding-file').setInputFiles(faulty);
  await expect(page.getByTestId('onboarding-faults')).toContainText('未写入任何数据');
  const issues = page.getByTestId('onboarding-issues');
  await expect(issues).toContainText('编码与第 2 行重复');
  await expect(issues).toContainText('应为 0 到 100000 之间的整数');
  await expect(page.getByTestId('onboarding-confirm')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('onboarding-faults.png'), animations: 'disabled' });
  const report = page.waitForEvent('download');
  await page.getByTestId('onboarding-report').click();
  expect((await report).suggestedFilename()).toBe('区域网格导入检查报告.xlsx');

  const clean = await workbook('clean.xlsx', '区域', [
    ['区域编码*', '名称*', '户数'],
    ['500112090', '新桥街道', null],
    ['500112090001', '新桥社区', 2100],
    ['500112090001001', '新桥社区第一网格', 360],
  ]);
  await page.getByTestId('onboarding-file').setInputFiles(clean);
  await expect(page.getByTestId('onboarding-summary')).toContainText('将新增 3 条');
  await page.screenshot({ path: testInfo.outputPath('onboarding-clean.png'), animations: 'disabled' });
  await page.getByTestId('onboarding-confirm').click();
  await expect(page.getByText('已导入：新增 3 条')).toBeVisible();

  await page.getByTestId('onboarding-file').setInputFiles(clean);
  await expect(page.getByTestId('onboarding-summary')).toContainText('与现有数据完全相同');
  await expect(page.getByTestId('onboarding-confirm')).toBeDisabled();

  await page.getByRole('tab', { name: '区域网格' }).click();
  await expect(page.getByTestId('regions-tree')).toContainText('新桥街道');
});

test('staff accounts from an .xlsx: the initial password is asked for, faulty rows are listed, a clean list imports (and reads in English too)', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, 'admin');
  await openImport(page);
  await page.getByTestId('onboarding-kind-users').click();
  await expect(page.getByTestId('onboarding-password')).toBeVisible();

  const header = ['用户名*', '姓名*', '角色*', '手机号', '所属部门编码', '负责网格编码', '网格长', '状态'];
  const faulty = await workbook('staff-faulty.xlsx', '用户', [
    header,
    ['e2e_disp', '周敏', '调度员', '13812345678', null, null, null, null],
    ['e2e_bad', '吴刚', '队长', null, null, null, null, null],
    ['e2e_phone', '郑洁', '值班长', '1380013800', null, null, null, null],
  ]);
  await page.getByTestId('onboarding-file').setInputFiles(faulty);
  const issues = page.getByTestId('onboarding-issues');
  await expect(issues).toContainText('“队长”不是可选的值');
  await expect(issues).toContainText('格式不对');
  await expect(issues).toContainText('新账号初始密码');

  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByTestId('onboarding-faults')).toContainText('nothing was written');
  await page.screenshot({ path: testInfo.outputPath('onboarding-users-en.png'), animations: 'disabled' });
  await page.getByRole('button', { name: '中文' }).click();

  await page.getByTestId('onboarding-password').fill('Welcome-2026');
  const clean = await workbook('staff.xlsx', '用户', [header, ['e2e_disp', '周敏', '调度员', '13812345678', null, null, null, '启用']]);
  await page.getByTestId('onboarding-file').setInputFiles(clean);
  await expect(page.getByTestId('onboarding-summary')).toContainText('将新增 1 条');
  await page.screenshot({ path: testInfo.outputPath('onboarding-users.png'), animations: 'disabled' });
  await page.getByTestId('onboarding-confirm').click();
  await expect(page.getByText('已导入：新增 1 条')).toBeVisible({ timeout: 30_000 });

  // The 用户 tab had loaded its list when 系统管理 opened: after an import it loads it again.
  await page.getByRole('tab', { name: '用户' }).click();
  await expect(page.getByTestId('users-table')).toContainText('e2e_disp');
});
