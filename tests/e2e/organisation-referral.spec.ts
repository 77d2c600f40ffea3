import { expect, test, type Page } from '@playwright/test';
import type { ParticipationBoard } from '../../core/api/organisationTypes';
import type { ReferenceData } from '../../core/api/types';
import { apiAs, ensureDemo, openCaseInDesk, paneStatus, signedIn } from './helpers';

// Issue 12 §3: a social organisation accepts a referred case through its own account and handles it;
// the participation board counts it. Unique text and the S01 organisation (no other spec refers cases).

const ORG_NAME = '双龙湖街道社区卫生服务中心';
const pane = (page: Page) => page.getByTestId('case-pane');

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

test('an organisation accepts a referral in the browser, handles it, and the board counts it', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  const dispatcher = await apiAs(request, 'dispatcher');
  const leader = await apiAs(request, 'leader');
  const ref = await dispatcher<ReferenceData>('reference.get', {});
  const org = ref.organisations.find((o) => o.name === ORG_NAME)!;
  const grid = ref.regions.find((r) => r.code === '500112003001001') ?? ref.regions.find((r) => r.level === 'grid')!;
  const before = (await leader<ParticipationBoard>('organisations.participation', {})).rows.find((r) => r.organisationId === org.id)!;

  const { id, caseNo } = await dispatcher<{ id: string; caseNo: string }>('cases.report', {
    source: 'hotline', gridId: grid.id, address: '双湖路56号旁居民楼', description: `独居老人行动不便需要上门巡诊（e2e ${Date.now() % 100_000}）`,
    reporterName: '邻居刘女士', reporterPhone: '13900002222',
  });
  const category = ref.categories.find((c) => c.majorCode === '11') ?? ref.categories[0]!;
  for (const move of [{ move: 'accept' }, { move: 'file', categoryId: category.id }, { move: 'refer', organisationId: org.id, note: '请安排家庭医生上门' }]) {
    await dispatcher('cases.move', { id, move });
  }

  // The organisation's contact person signs in: the referral waits in 待签收, with 接收 and 拒收.
  const staff = await signedIn(browser, 'org-s01');
  await openCaseInDesk(staff, caseNo, '待签收');
  await expect(paneStatus(staff)).toHaveText('待签收');
  await expect(pane(staff).getByTestId('move-decline_referral')).toBeVisible();
  await staff.screenshot({ path: testInfo.outputPath('org-referral-waiting.png'), animations: 'disabled' });
  await pane(staff).getByTestId('move-accept_referral').click();
  await expect(paneStatus(staff)).toHaveText('处置中');
  await expect(pane(staff).getByTestId('timeline-entry').locator('.event-label').filter({ hasText: '社会组织接收' })).toHaveCount(1);

  // It reports its result like any handler.
  await pane(staff).getByTestId('move-handle').click();
  const dialog = staff.getByTestId('move-dialog');
  await dialog.getByTestId('move-text').fill('已上门巡诊并签约家庭医生');
  await dialog.getByTestId('move-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(paneStatus(staff)).toHaveText('待核查');
  await staff.screenshot({ path: testInfo.outputPath('org-referral-handled.png'), animations: 'disabled' });
  // The organisation's desk holds nothing but its own referrals: no 新建上报, no 指挥看板.
  await expect(staff.getByTestId('new-report')).toHaveCount(0);
  await expect(staff.getByTestId('nav-dashboard')).toHaveCount(0);
  await expect(staff.getByTestId('nav-registry')).toHaveCount(0);

  // The leader's dashboard panel leads to the board, where the organisation's numbers moved by one.
  const boss = await signedIn(browser, 'leader');
  await boss.getByTestId('nav-dashboard').click();
  // The dashboard is the heaviest screen: on a loaded machine it may take a while.
  await expect(boss.getByTestId('participation-summary')).toBeVisible({ timeout: 90_000 });
  await boss.getByTestId('participation-summary').scrollIntoViewIfNeeded();
  await boss.screenshot({ path: testInfo.outputPath('dashboard-participation.png'), animations: 'disabled', fullPage: true });
  await boss.getByTestId('open-participation').click();
  const row = boss.getByTestId('participation-table').locator('.el-table__row').filter({ hasText: ORG_NAME });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  const cells = row.locator('td');
  await expect(cells.nth(1)).toHaveText(String(before.referred + 1));
  await expect(cells.nth(2)).toHaveText(String(before.accepted + 1));
  await expect(cells.nth(6)).toHaveText(String(before.handled + 1));
  await boss.screenshot({ path: testInfo.outputPath('participation-board.png'), animations: 'disabled', fullPage: true });
});

test('the admin keeps the area and capacity of an organisation, and links an account to it', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, 'admin');
  await admin.getByTestId('nav-admin').click();
  await admin.getByRole('tab', { name: '社会组织' }).click();
  const table = admin.getByTestId('organisations-table');
  await expect(table).toContainText(ORG_NAME);
  await expect(table).toContainText('服务区域');
  await table.locator('.el-table__row').filter({ hasText: ORG_NAME }).first().getByRole('button', { name: '编辑' }).click();
  const form = admin.getByTestId('organisations-form');
  await expect(form.getByTestId('unit-area')).toContainText('双龙湖街道');
  await expect(form.getByTestId('unit-capacity')).toBeVisible();
  await admin.screenshot({ path: testInfo.outputPath('organisation-form.png'), animations: 'disabled' });
  await admin.keyboard.press('Escape');

  await admin.getByRole('tab', { name: '用户' }).click();
  await admin.getByRole('button', { name: /新增用户/ }).click();
  await admin.getByTestId('user-role').click();
  await admin.getByRole('option', { name: '社会组织人员', exact: true }).click();
  await expect(admin.getByTestId('user-organisation')).toBeVisible();
  await admin.screenshot({ path: testInfo.outputPath('user-form-organisation.png'), animations: 'disabled' });
});
