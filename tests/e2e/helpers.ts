import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

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

/** A fresh browser context signed in as a demo user: each role of a workflow gets its own window. */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username, DEMO_PASSWORD);
  await expect(page).toHaveURL(/#\/cases/);
  return page;
}

/** Loaded rows of the virtual queue table (placeholders for rows still on their way carry no case id). */
export const queueRows = (page: Page) => page.locator('[data-testid=queue-row]:not([data-case-id=""])');

/** Calls the API as a demo user, for test setup that is not itself under test. */
export async function apiAs(request: APIRequestContext, username: string) {
  const response = await request.post('/api/auth.login', { headers: JSON_HEADERS, data: { username, password: DEMO_PASSWORD } });
  const { result } = (await response.json()) as { result: { token: string } };
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await request.post(`/api/${method}`, { headers: { ...JSON_HEADERS, authorization: `Bearer ${result.token}` }, data: input });
    const body = (await r.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.result;
  };
}

/** Finds a case by its number through the queue's search box and selects it in the desk. */
export async function openCaseInDesk(page: Page, caseNo: string, tabLabel = '全部'): Promise<void> {
  await page.getByTestId('status-tabs').getByRole('tab', { name: new RegExp(`^${tabLabel}`) }).click();
  await page.getByTestId('queue-search').fill(caseNo);
  await page.getByTestId('queue-search').press('Enter');
  const row = queueRows(page).filter({ hasText: caseNo });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId('case-pane').getByTestId('case-no')).toHaveText(caseNo);
}

/** The case's status as the detail pane shows it. */
export const paneStatus = (page: Page) => page.getByTestId('case-pane').getByTestId('case-status');

/** A small valid PNG, for photo uploads. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4EaBBEmIY1TCqYfhqAAC/xkAQB0UFtwAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * How much each chart drew: the spread of its canvases' luminance (alpha-weighted, so an
 * untouched transparent canvas counts as flat) and the number of distinct colours.
 */
export async function chartInk(page: Page, scope: string) {
  return page.evaluate((scope) => {
    return [...document.querySelectorAll(`${scope} [data-chart]`)].map((chart) => {
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      const colours = new Set<number>();
      for (const canvas of chart.querySelectorAll('canvas')) {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4 * 7) {
          const lum = ((0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) * data[i + 3]!) / 255;
          n += 1;
          sum += lum;
          sumSq += lum * lum;
          colours.add((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!);
        }
      }
      const mean = n ? sum / n : 0;
      return { chart: chart.getAttribute('data-testid') ?? chart.getAttribute('aria-label'), variance: n ? sumSq / n - mean * mean : 0, colours: colours.size };
    });
  }, scope);
}
