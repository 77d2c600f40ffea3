import { expect, test } from '@playwright/test';
import { ensureDemo, signedIn } from './helpers';

const shot = (name: string) => `test-results/register-sheets-${name}.png`;
const HEADER = ['网格编码*', '房屋编码*', '楼栋*', '单元', '房号', '用途', '居住状态', '产权人/承租人'];

test('an admin imports houses from Excel: the dry run lists faulty cells, the fixed file is confirmed, the list and export follow', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const ExcelJS = (await import('exceljs')).default;
  await ensureDemo(request);
  const write = async (name: string, rows: unknown[][]) => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('房屋');
    ws.addRow(HEADER);
    rows.forEach((r) => ws.addRow(r));
    const path = `test-results/${name}`;
    await book.xlsx.writeFile(path);
    return path;
  };
  const bad = await write('register-houses-bad.xlsx', [
    ['500112003001001', 'E2E-FW-01', '青枫路3号', '1单元', '101', '住宅', '出租', '林一'],
    ['500112003001001', 'E2E-FW-01', '青枫路3号', '1单元', '102', '仓库', '', ''],
  ]);
  const good = await write('register-houses-good.xlsx', [
    ['500112003001001', 'E2E-FW-01', '青枫路3号', '1单元', '101', '住宅', '出租', '林一'],
    ['500112003001001', 'E2E-FW-02', '青枫路3号', '1单元', '102', '商业', '空置', ''],
  ]);
  const page = await signedIn(browser, 'admin');
  await page.getByTestId('nav-registry').click();
  await page.getByRole('tab', { name: '房屋' }).click();
  const bar = page.getByTestId('register-sheet-houses');
  await bar.getByTestId('registry-import-file').setInputFiles(bad);
  await expect(page.getByText('2 行中发现 2 处问题，未写入任何数据')).toBeVisible();
  await expect(page.getByRole('cell', { name: '与第 2 行的房屋编码重复' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /“仓库”不是可选的值/ })).toBeVisible();
  const report = page.waitForEvent('download');
  await page.getByTestId('registry-import-report').click();
  expect((await report).suggestedFilename()).toBe('房屋导入检查报告.xlsx');
  await page.screenshot({ path: shot('issues'), fullPage: true });
  await page.getByRole('button', { name: '返回' }).click();
  await bar.getByTestId('registry-import-file').setInputFiles(good);
  await expect(page.getByText('检查通过：将新增 2 条，更新 0 条，0 条无变化')).toBeVisible();
  await page.getByTestId('registry-import-confirm').click();
  await expect(page.getByText('已导入：新增 2 条，更新 0 条，0 条无变化')).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('row', { name: /E2E-FW-02/ })).toBeVisible();
  const exported = page.waitForEvent('download');
  await bar.getByTestId('registry-export').click();
  expect((await exported).suggestedFilename()).toMatch(/^房屋名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.screenshot({ path: shot('houses'), fullPage: true });
  await page.getByRole('tab', { name: '组织' }).click();
  await expect(page.getByTestId('register-sheet-organisations').getByTestId('registry-template')).toBeVisible();
  await page.screenshot({ path: shot('organisations'), fullPage: true });
});
