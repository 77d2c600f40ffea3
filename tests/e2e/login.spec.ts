import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, ensureDemo, login, queueRows } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

test('a wrong password shows the server message and stays on the login page', async ({ page }) => {
  await login(page, 'dispatcher', 'not-the-password');

  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/#\/login/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByTestId('case-table')).toHaveCount(0);
});

test('the demo dispatcher signs in and reaches the case queue', async ({ page }) => {
  await login(page, 'dispatcher', DEMO_PASSWORD);

  await expect(page).toHaveURL(/#\/cases/);
  await expect(page.getByTestId('current-user')).toContainText('调度员');
  await expect(queueRows(page).first()).toBeVisible();
  await expect(page.getByTestId('login-error')).toHaveCount(0);
});

test('a reload keeps the session', async ({ page }) => {
  await login(page, 'dispatcher', DEMO_PASSWORD);
  await expect(queueRows(page).first()).toBeVisible();

  await page.reload();

  await expect(page).toHaveURL(/#\/cases/);
  await expect(page.getByTestId('current-user')).toContainText('调度员');
});
