import { expect, test } from '@playwright/test';
import { idCheckCharacter } from '../../core/registry/access';
import { apiAs, ensureDemo, openCaseInDesk, signedIn } from './helpers';

const idNumber = (serial: number) => {
  const first17 = `50011219450307${String(serial).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
};
const shot = (name: string) => `test-results/registry-${name}.png`;

interface CaseRow {
  id: string;
  caseNo: string;
  address: string;
  gridId: string;
}

test('a grid worker re-verifies; a dispatcher unmasks a resident at a case’s address; an admin finds who looked', async ({ browser, request }) => {
  test.setTimeout(180_000);
  await ensureDemo(request);
  const admin = await apiAs(request, 'admin');
  const worker = await apiAs(request, 'gw003001001');
  const me = await worker<{ regionId: string }>('auth.me', {});
  // A case in the worker's grid; its address names the building the residents live in.
  const cases = await admin<{ rows: CaseRow[] }>('cases.list', { gridId: me.regionId, pageSize: 50 });
  const target = cases.rows.find((c) => c.address.length >= 6)!;
  const building = target.address.slice(0, 6);
  await worker('registry.saveResident', { gridId: me.regionId, name: '周桂兰', idNumber: idNumber(11), phone: '13755550101', building, unit: '1单元', room: '201', householdCode: 'E2E-H1', relation: '户主', tags: ['elderly_alone'] });
  await worker('registry.saveResident', { gridId: me.regionId, name: '周小雨', idNumber: idNumber(12), phone: '13755550102', building, unit: '1单元', room: '201', householdCode: 'E2E-H1', relation: '孙女', tags: ['left_behind_child'] });
  await worker('registry.saveComponent', { gridId: me.regionId, code: 'E2E-MH-01', kind: 'manhole', address: building });

  // The grid worker's due list: both monthly-cycle residents and the component are listed.
  const gw = await signedIn(browser, 'gw003001001');
  await gw.getByTestId('nav-registry').click();
  const due = gw.getByTestId('due-list');
  await expect(due.getByRole('row', { name: /周\*\*/ }).first()).toBeVisible();
  await gw.screenshot({ path: shot('due-list'), fullPage: true });
  const rowsBefore = await due.getByRole('row', { name: /周\*\*/ }).count();
  await due.getByRole('row', { name: /周\*\*/ }).first().getByTestId('verify-confirmed').click();
  await expect(gw.getByText(/已核实：周\*\*/)).toBeVisible();
  await expect(due.getByRole('row', { name: /周\*\*/ })).toHaveCount(rowsBefore - 1);

  // The dispatcher sees the residents at the case's address, masked, and unmasks one with a reason.
  const dispatcher = await signedIn(browser, 'dispatcher');
  await openCaseInDesk(dispatcher, target.caseNo);
  const panel = dispatcher.getByTestId('case-registry');
  await expect(panel.getByText('周桂兰')).toBeVisible();
  await expect(panel.getByText('137****0101')).toBeVisible();
  await expect(panel.getByText('13755550101')).toHaveCount(0);
  await panel.getByText('此地址的基础数据').scrollIntoViewIfNeeded();
  await dispatcher.screenshot({ path: shot('case-pane-masked'), fullPage: true });
  await panel.getByRole('row', { name: /周桂兰/ }).getByTestId('reveal').click();
  const dialog = dispatcher.getByTestId('reveal-dialog');
  await dialog.getByTestId('reveal-confirm').click();
  await expect(dispatcher.getByText('请写明查看原因（至少 4 个字）')).toBeVisible();
  await dialog.getByTestId('reveal-reason').fill('老人报事，核实身份后联系家属');
  await dialog.getByTestId('reveal-confirm').click();
  await expect(panel.getByText('13755550101')).toBeVisible();
  await expect(panel.getByText(idNumber(11))).toBeVisible();
  await dispatcher.screenshot({ path: shot('case-pane-revealed'), fullPage: true });

  // The admin looks the person up by phone and finds who looked, and why.
  const adminPage = await signedIn(browser, 'admin');
  await adminPage.getByTestId('nav-registry').click();
  await adminPage.getByTestId('registry-lookup').fill('137 5555 0101');
  await adminPage.getByTestId('registry-search').click();
  const row = adminPage.getByTestId('resident-table').getByRole('row', { name: /周桂兰/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('resident-phone')).toHaveText('137****0101');
  await adminPage.screenshot({ path: shot('residents-admin'), fullPage: true });
  await row.getByTestId('view-log').click();
  const log = adminPage.getByTestId('view-log-dialog');
  await expect(log.getByText('老人报事，核实身份后联系家属')).toBeVisible();
  const dispatcherName = (await (await apiAs(request, 'dispatcher'))<{ displayName: string }>('auth.me', {})).displayName;
  await expect(log.getByRole('row').nth(1)).toContainText(dispatcherName);
  await adminPage.screenshot({ path: shot('view-log'), fullPage: true });
});

test('an admin imports residents: row-level issues first, then a clean file all at once', async ({ browser, request }) => {
  const ExcelJS = (await import('exceljs')).default;
  const { RESIDENT_SHEET_COLUMNS } = await import('../../core/registry/residentSheet');
  await ensureDemo(request);
  const write = async (name: string, rows: unknown[][]) => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('居民');
    ws.addRow([...RESIDENT_SHEET_COLUMNS]);
    rows.forEach((r) => ws.addRow(r));
    const path = `test-results/${name}`;
    await book.xlsx.writeFile(path);
    return path;
  };
  const bad = await write('registry-import-bad.xlsx', [
    ['500112003001001', '郑一', idNumber(51), '13766660051', '和平路9号', '', '', '', '', '独居老人', ''],
    ['500112003001001', '郑二', '123', '', '和平路9号', '', '', '', '', '', ''],
  ]);
  const good = await write('registry-import-good.xlsx', [['500112003001001', '郑一', idNumber(51), '13766660051', '和平路9号', '', '', '', '', '独居老人', '']]);
  const page = await signedIn(browser, 'admin');
  await page.getByTestId('nav-registry').click();
  await page.getByTestId('registry-import-file').setInputFiles(bad);
  await expect(page.getByText('2 行中发现 1 处问题，未写入任何数据')).toBeVisible();
  await expect(page.getByRole('cell', { name: '身份证号码不正确（18 位，末位校验码不符）' })).toBeVisible();
  await page.screenshot({ path: shot('import-issues'), fullPage: true });
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByTestId('registry-import-file').setInputFiles(good);
  await expect(page.getByText('检查通过：将新增 1 人，更新 0 人')).toBeVisible();
  await page.getByTestId('registry-import-confirm').click();
  await expect(page.getByText('已导入：新增 1 人，更新 0 人')).toBeVisible();
});
