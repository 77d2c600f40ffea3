import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startFreshBridge, type FreshBridge } from './freshBridge';

/**
 * A real office from an empty database, through the UI only: initialise, import the street's grids,
 * add a department and its user, import the staff list (.xlsx), add a dispatcher, and work a case
 * from report to signing.
 */
const PORT = Number(process.env.E2E_PORT ?? 7431) + 100;
const REGIONS = resolve(import.meta.dirname, '../fixtures/regions/qingfeng-street.geo.json');
let bridge: FreshBridge;
test.use({ actionTimeout: 20_000 });

test.beforeAll(async () => {
  bridge = await startFreshBridge(PORT);
});
test.afterAll(async () => bridge?.stop());

async function pick(page: Page, testId: string, name: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name, exact: typeof name === 'string' }).click();
}

/** The office's staff list as the 用户 template has it. */
async function staffList(path: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('用户');
  sheet.addRow(['用户名*', '姓名*', '角色*', '手机号', '所属部门编码', '负责网格编码', '网格长', '状态']);
  sheet.addRow(['qf-gw1', '林网格', '网格员', '13900001111', null, '500112020001001、500112020001002', '是', '启用']);
  sheet.addRow(['qf-gw2', '周网格', '网格员', '13900002222', null, '500112020001003', null, '启用']);
  sheet.addRow(['qf-cg2', '赵队员', '部门人员', '13900003333', 'QF01', null, null, '启用']);
  await book.xlsx.writeFile(path);
  return path;
}

async function signIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: bridge.base })).newPage();
  await page.goto(`${bridge.base}/#/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/#\/(cases|admin)/);
  return page;
}

/** A new account's first login: the change-password dialog cannot be closed until it is done. */
async function changeFirstPassword(page: Page, current: string, next: string): Promise<void> {
  const dialog = page.getByTestId('change-password');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('请先修改密码');
  await dialog.getByTestId('password-current').fill(current);
  await dialog.getByTestId('password-next').fill('short');
  await expect(dialog).toContainText('密码至少 8 位');
  await page.screenshot({ path: test.info().outputPath('forced-password.png'), animations: 'disabled' });
  await dialog.getByTestId('password-next').fill(next);
  await dialog.getByTestId('password-again').fill(next);
  await dialog.getByTestId('password-save').click();
  // Three scrypt runs (current password, "not the same", the new hash): well over 10 s on the loaded shared machine.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

async function addUser(page: Page, user: { username: string; name: string; role: string; department?: string; password: string }): Promise<void> {
  await page.getByTestId('user-add').click();
  const form = page.getByTestId('user-form');
  await form.getByTestId('user-username').fill(user.username);
  await form.getByTestId('user-display-name').fill(user.name);
  await pick(page, 'user-role', user.role);
  if (user.department) await pick(page, 'user-department', new RegExp(user.department));
  await form.getByTestId('user-password').fill(user.password);
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('users-table')).toContainText(user.username);
}

test('a street office starts from an empty database through the UI and works its first case', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });

  // ── Initialise: the first administrator.
  const setup = await (await browser.newContext()).newPage();
  await setup.goto(`${bridge.base}/`);
  await expect(setup).toHaveURL(/#\/setup/);
  await setup.getByLabel('用户名').fill('qf-admin');
  await setup.getByLabel('姓名').fill('青枫管理员');
  await setup.getByLabel('密码', { exact: true }).fill('Qingfeng2026');
  await setup.getByLabel('确认密码').fill('Qingfeng2026');
  // The district is the root of the office's regions: the street's grids are imported under it.
  await setup.getByLabel('区县编码').fill('500112');
  await setup.getByLabel('区县名称').fill('渝北区');
  await setup.getByRole('button', { name: '创建并启用' }).click();
  await expect(setup).toHaveURL(/#\/login/);
  await setup.getByLabel('密码', { exact: true }).fill('Qingfeng2026');
  await setup.getByLabel('密码', { exact: true }).press('Enter');

  // ── The setup checklist opens: regions and users to do, shipped defaults may be skipped.
  const admin = setup;
  const checklist = admin.getByTestId('setup-checklist');
  await expect(checklist).toBeVisible();
  await expect(checklist.getByTestId('step-admin')).toContainText('已完成');
  await expect(checklist.getByTestId('step-regions')).toContainText('待完成');
  await shot(admin, 'checklist-start');

  // ── Regions: the street's grids from its GeoJSON survey file.
  await checklist.getByTestId('step-regions').getByRole('button', { name: '前往' }).click();
  await admin.getByTestId('regions-import').click();
  const importDialog = admin.getByTestId('import-dialog');
  await importDialog.getByTestId('import-file').setInputFiles(REGIONS);
  await expect(importDialog.getByTestId('import-summary')).toContainText('新建 10');
  await importDialog.getByTestId('import-confirm').click();
  await expect(importDialog).toBeHidden();
  await expect(admin.getByTestId('regions-tree')).toContainText('青枫街道');

  // ── A department of the street, with its contact.
  await admin.getByRole('tab', { name: '部门' }).click();
  await admin.getByTestId('departments-add').click();
  const deptForm = admin.getByTestId('departments-form');
  await deptForm.getByTestId('unit-code').fill('QF01');
  await deptForm.getByTestId('unit-name').fill('青枫街道城管中队');
  await deptForm.getByTestId('unit-short-name').fill('青枫城管');
  await deptForm.getByTestId('unit-contact').fill('刘队长');
  await deptForm.getByTestId('unit-phone').fill('023-6789 1234');
  await deptForm.getByTestId('unit-duty').fill('08:30-17:30');
  await admin.getByTestId('unit-save').click();
  await expect(admin.getByTestId('departments-table')).toContainText('023-67891234');
  // A code already taken is refused in Chinese, and nothing is lost from the form.
  await admin.getByTestId('departments-add').click();
  await deptForm.getByTestId('unit-code').fill('qf01');
  await deptForm.getByTestId('unit-name').fill('重复的部门');
  await admin.getByTestId('unit-save').click();
  await expect(admin.getByTestId('unit-error')).toContainText('部门编码"qf01"已被使用');
  await expect(deptForm.getByTestId('unit-name')).toHaveValue('重复的部门');
  await admin.keyboard.press('Escape');
  await shot(admin, 'departments');

  // ── The staff list from the office's .xlsx (系统管理 → 数据导入): grid workers with their grids, department staff by code.
  await admin.getByRole('tab', { name: '数据导入' }).click();
  await admin.getByTestId('onboarding-kind-users').click();
  await admin.getByTestId('onboarding-password').fill('Qingfeng-start1');
  await admin.getByTestId('onboarding-file').setInputFiles(await staffList(testInfo.outputPath('staff.xlsx')));
  await expect(admin.getByTestId('onboarding-summary')).toContainText('将新增 3 条');
  await shot(admin, 'staff-import');
  await admin.getByTestId('onboarding-confirm').click();
  await expect(admin.getByText('已导入：新增 3 条')).toBeVisible({ timeout: 30_000 });

  // ── Accounts by hand: the department's user and a dispatcher.
  await admin.getByRole('tab', { name: '用户' }).click();
  await addUser(admin, { username: 'qf-cg', name: '刘队长', role: '部门人员', department: '青枫街道城管中队', password: 'Start2026a' });
  await addUser(admin, { username: 'qf-disp', name: '青枫调度', role: '调度员', password: 'Start2026b' });
  await expect(admin.getByTestId('users-table').locator('tr', { hasText: 'qf-disp' })).toContainText('待改密');
  await expect(admin.getByTestId('users-table').locator('tr', { hasText: 'qf-gw1' })).toContainText('网格员');
  await shot(admin, 'users');

  // ── Catalogue and calendar: the shipped ones are kept; the checklist lets the admin skip them.
  await admin.getByRole('tab', { name: '事项目录' }).click();
  await expect(admin.getByTestId('catalogue-table')).toContainText('暴露垃圾');
  await shot(admin, 'catalogue');
  await admin.getByTestId('catalogue-table').locator('tr', { hasText: '暴露垃圾' }).getByRole('button', { name: '编辑' }).click();
  await expect(admin.getByTestId('category-form')).toBeVisible();
  await expect(admin.getByTestId('category-code')).toHaveValue('0101');
  await expect(admin.getByTestId('category-name')).toHaveValue('暴露垃圾');
  await shot(admin, 'category-dialog');
  await admin.keyboard.press('Escape');
  await expect(admin.getByTestId('category-form')).toBeHidden();
  await admin.getByRole('tab', { name: '工作日历' }).click();
  // This year's shipped arrangement is listed, ready to edit (its dates and names are inputs).
  await expect(admin.getByTestId('calendar-table').locator('input').first()).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await shot(admin, 'calendar');
  await admin.getByRole('tab', { name: '启用清单' }).click();
  for (const step of ['departments', 'catalogue', 'calendar']) {
    const row = checklist.getByTestId(`step-${step}`);
    if (!(await row.getByRole('button', { name: '跳过' }).isVisible())) continue;
    await row.getByRole('button', { name: '跳过' }).click();
    await expect(row).toContainText('已跳过');
  }
  await expect(checklist).toContainText('全部完成，可以正式使用了');
  await shot(admin, 'checklist-complete');

  // ── The new dispatcher signs in, must change the password, then reports and dispatches to the new department.
  const dispatcher = await signIn(browser, 'qf-disp', 'Start2026b');
  await changeFirstPassword(dispatcher, 'Start2026b', 'Dispatch2026x');
  await dispatcher.getByTestId('new-report').click();
  const report = dispatcher.getByTestId('report-dialog');
  await report.getByTestId('report-name').fill('王女士');
  await report.getByTestId('report-phone').fill('13800005678');
  await pick(dispatcher, 'report-street', '青枫街道');
  await pick(dispatcher, 'report-community', '枫林社区');
  await pick(dispatcher, 'report-grid', '枫林社区第一网格');
  await report.getByTestId('report-address').fill('枫林路12号门口');
  await report.getByTestId('report-description').fill('枫林路12号门口人行道上堆了一大堆垃圾，好几天没人清运，臭气熏天');
  await report.getByTestId('report-submit').click();
  await expect(report).toBeHidden();
  const pane = dispatcher.getByTestId('case-pane');
  const caseNo = (await pane.getByTestId('case-no').textContent())?.trim() ?? '';
  expect(caseNo).toMatch(/^\d{8}-\d{4}$/);
  await dispatcher.keyboard.press('a');
  await expect(pane.getByTestId('move-file')).toBeVisible();
  await pane.getByTestId('move-file').click();
  const moveDialog = dispatcher.getByTestId('move-dialog');
  await moveDialog.getByTestId('file-category').locator('input').fill('暴露垃圾');
  await dispatcher.locator('.el-cascader__suggestion-item', { hasText: '暴露垃圾' }).first().click();
  await moveDialog.getByTestId('move-confirm').click();
  await expect(pane.getByTestId('move-dispatch')).toBeVisible();
  await pane.getByTestId('move-dispatch').click();
  // The category's default is a shipped district department; this street sends it to its own 城管中队.
  const departments = moveDialog.getByTestId('dispatch-departments');
  await departments.locator('.el-tag__close').first().click();
  await departments.click();
  await dispatcher.getByRole('option', { name: '青枫街道城管中队' }).click();
  await expect(moveDialog.getByTestId('dispatch-roles')).toContainText('青枫街道城管中队');
  await departments.locator('input').press('Tab'); // closes the multi-select's dropdown
  await expect(moveDialog.getByTestId('dispatch-roles')).not.toContainText('区城市管理局');
  await moveDialog.getByTestId('move-confirm').click();
  await expect(pane.getByTestId('timeline-entry').last()).toContainText('派遣');

  // ── The department's new user signs in (changing the password first) and signs for it.
  const department = await signIn(browser, 'qf-cg', 'Start2026a');
  await changeFirstPassword(department, 'Start2026a', 'Chengguan2026y');
  const row = department.locator('[data-testid=queue-row]', { hasText: caseNo });
  await expect(row).toBeVisible();
  await row.click();
  await department.getByTestId('case-pane').getByTestId('move-sign').click();
  await expect(department.getByTestId('case-pane').getByTestId('move-sign')).toHaveCount(0);
  await expect(department.getByTestId('case-pane').getByTestId('timeline-entry').last()).toContainText('签收');
  await shot(department, 'department-signed');

  // ── The grid map draws the imported grids.
  await admin.getByTestId('nav-dashboard').click();
  const map = admin.getByTestId('grid-map');
  await expect(map).toBeVisible({ timeout: 45_000 });
  await expect(map).toHaveAttribute('data-grids-drawn', '10');
  await shot(admin, 'grid-map');
});
