import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Loads the demo street office through the API unless the database already has users. */
export async function ensureDemo(request: APIRequestContext, baseURL = ''): Promise<void> {
  const status = await request.post(`${baseURL}/api/setup.status`, { headers: JSON_HEADERS, data: {} });
  expect(status.ok()).toBe(true);
  const body = (await status.json()) as { ok: boolean; result: { needsSetup: boolean } };
  expect(body.ok).toBe(true);
  if (!body.result.needsSetup) return;
  const loaded = await request.post(`${baseURL}/api/setup.loadDemo`, { headers: JSON_HEADERS, data: {}, timeout: 120_000 });
  expect(((await loaded.json()) as { ok: boolean }).ok).toBe(true);
}

/** Signs in through the login page the way a user does: type, press Enter. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/login');
  const usernameInput = page.getByLabel('用户名', { exact: true });
  await usernameInput.fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

export const queueRows = (page: Page) => page.locator('[data-testid=case-table] .el-table__body tr.el-table__row');
