import { expect, test } from '@playwright/test';
import { ensureDemo, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

test('the admin keeps the matter admission list; enforcement matters cannot be admitted', async ({ browser }, testInfo) => {
  const page = await signedIn(browser, 'admin');
  await page.getByTestId('nav-admin').click();
  await page.getByRole('tab', { name: '事项准入清单' }).click();
  await expect(page).toHaveURL(/#\/admin/);
  await page.getByRole('tab', { name: '事项准入清单' }).click();
  const table = page.getByTestId('admission-table');
  await expect(table).toContainText('无证经营');
  await page.screenshot({ path: testInfo.outputPath('admin-admission.png'), animations: 'disabled' });

  // 0503 无证经营 is 行政执法: switching it on is refused by the server, and the switch stays off.
  const unlicensed = page.getByTestId('admissible-0503');
  await expect(unlicensed).not.toHaveClass(/is-checked/);
  await unlicensed.click();
  await expect(page.getByTestId('admission-error')).toContainText('许可、审批、执法、办证类事项不能列入网格准入清单');
  await expect(unlicensed).not.toHaveClass(/is-checked/);

  // An ordinary matter can be taken off the list and put back.
  const flyers = page.getByTestId('admissible-0201');
  await expect(flyers).toHaveClass(/is-checked/);
  await flyers.click();
  await expect(flyers).not.toHaveClass(/is-checked/);
  await flyers.click();
  await expect(flyers).toHaveClass(/is-checked/);

  await page.getByRole('tab', { name: '工作时段' }).click();
  await expect(page.getByTestId('office-hours')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('admin-office-hours.png'), animations: 'disabled' });
});

test('other roles have no admin page', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  await page.goto('/#/admin');
  await expect(page).toHaveURL(/#\/cases/);
});
