import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { apiAs, DEMO_PASSWORD, ensureDemo } from './helpers';

/**
 * Every assessment screen, drawer and dialog at the two desk resolutions in both languages:
 * screenshots to look at, and the checks a look would make — no page-wide horizontal scroll,
 * no untranslated key paths or raw enum values, no console errors.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
] as const;
const LOCALES = ['zh-CN', 'en-US'] as const;

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
  // Two saved runs, so the runs list and the comparison have something to show.
  const call = await apiAs(request, 'leader');
  const now = new Date(Date.now() + 8 * 3_600_000);
  const period = now.getUTCMonth() === 0 ? { kind: 'month', year: now.getUTCFullYear() - 1, month: 12 } : { kind: 'month', year: now.getUTCFullYear(), month: now.getUTCMonth() };
  await call('assessment.compute', { period });
  await call('assessment.compute', { period });
});

async function open(browser: Browser, username: string, locale: string, size: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: size });
  const login = await context.request.post('/api/auth.login', { data: { username, password: DEMO_PASSWORD } });
  const { result } = (await login.json()) as { result: { token: string } };
  await context.addInitScript(
    ([token, lang]) => {
      sessionStorage.setItem('griddesk.token', token!);
      localStorage.setItem('griddesk.locale', lang!);
    },
    [result.token, locale],
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** Takes the screenshot and checks what a reviewer would look for on it. */
async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.el-loading-mask:visible')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: the page itself must not scroll sideways`).toBeLessThanOrEqual(0);
  const text = await page.evaluate(() => document.body.innerText);
  expect(text, `${name}: an untranslated key`).not.toMatch(/\bassessment\.[a-z]/);
  expect(text.match(/\b[a-z]+_[a-z_]+\b/g) ?? [], `${name}: raw enum values`).toEqual([]);
}

for (const size of SIZES) {
  for (const locale of LOCALES) {
    const tag = `${size.width}-${locale}`;

    test(`assessment screens for a leader at ${size.width}×${size.height}, ${locale}`, async ({ browser }, testInfo) => {
      test.setTimeout(120_000);
      const { page, errors } = await open(browser, 'leader', locale, size);
      await page.goto('/#/assessment');
      await expect(page.getByTestId('scorecard-table').locator('tbody tr').first()).toBeVisible();
      await look(page, testInfo, `${tag}-scorecard`);
      // Scrolled to its last column: rank and target stay, the table scrolls inside itself.
      await page.getByTestId('scorecard-table').locator('.el-table__body-wrapper .el-scrollbar__wrap').evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await expect(page.getByTestId('scorecard-table').locator('tbody tr').first().getByTestId('target-name')).toBeInViewport();
      await look(page, testInfo, `${tag}-scorecard-scrolled`);

      await page.getByTestId('scorecard-table').locator('tbody tr').nth(13).getByTestId('score').click();
      await expect(page.getByTestId('drill-drawer')).toBeVisible();
      await look(page, testInfo, `${tag}-drill-score`);
      await page.getByTestId('drill-drawer').getByTestId('comp-on_time_handling_rate').click();
      await expect(page.getByTestId('drill-denominator').getByTestId('drill-total')).toBeVisible();
      await look(page, testInfo, `${tag}-drill-indicator`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('drill-drawer')).toBeHidden();

      await page.getByTestId('kind-tabs').getByRole('tab').nth(4).click();
      await expect(page.getByTestId('scorecard-table').locator('tbody tr').first()).toBeVisible();
      await look(page, testInfo, `${tag}-scorecard-grid-workers`);
      await page.getByTestId('kind-tabs').getByRole('tab').nth(0).click();

      await page.getByTestId('open-runs').click();
      const runRows = page.getByTestId('runs-table').locator('tbody tr');
      await expect(runRows).not.toHaveCount(0);
      await runRows.nth(0).getByTestId('pick-run').click();
      await runRows.nth(1).getByTestId('pick-run').click();
      await look(page, testInfo, `${tag}-runs`);
      await page.getByTestId('compare-runs').click();
      await expect(page.getByTestId('compare-table').locator('tbody tr').first()).toBeVisible();
      await look(page, testInfo, `${tag}-compare`);
      await page.keyboard.press('Escape');

      await page.getByTestId('open-runs').click();
      await runRows.first().getByTestId('open-run').click();
      await expect(page.getByTestId('run-banner')).toContainText(locale === 'zh-CN' ? '草稿' : 'Draft');
      await look(page, testInfo, `${tag}-scorecard-run`);
      await page.emulateMedia({ media: 'print' });
      await look(page, testInfo, `${tag}-print`);
      await page.emulateMedia({ media: 'screen' });

      await page.getByTestId('scorecard-table').locator('tbody tr').first().getByTestId('target-name').click();
      await expect(page.getByTestId('profile-table').locator('tbody tr').first()).toBeVisible();
      await look(page, testInfo, `${tag}-profile`);

      await page.goto('/#/assessment/ledger');
      await expect(page.getByTestId('ledger-table').locator('tbody tr').first()).toBeVisible();
      await look(page, testInfo, `${tag}-ledger`);
      await page.getByTestId('ledger-table').locator('tbody tr').first().click();
      await expect(page.getByTestId('ledger-decide-form')).toBeVisible();
      await look(page, testInfo, `${tag}-ledger-drawer`);
      expect(errors).toEqual([]);
    });

    test(`assessment screens for a department and an admin at ${size.width}×${size.height}, ${locale}`, async ({ browser }, testInfo) => {
      test.setTimeout(120_000);
      const dept = await open(browser, 'dept-d02', locale, size);
      await dept.page.goto('/#/cases');
      await dept.page.getByTestId('nav-assessment-mine').click();
      await expect(dept.page.getByTestId('profile-table').locator('tbody tr').first()).toBeVisible();
      await look(dept.page, testInfo, `${tag}-my-profile`);
      await dept.page.getByTestId('profile-table').locator('tbody tr').nth(1).getByTestId('profile-on_time_handling_rate').click();
      await expect(dept.page.getByTestId('drill-denominator').getByTestId('drill-total')).toBeVisible();
      await look(dept.page, testInfo, `${tag}-my-drill`);
      await dept.page.goto('/#/assessment/ledger?status=open');
      await dept.page.getByTestId('ledger-table').locator('tbody tr').first().click();
      await expect(dept.page.getByTestId('ledger-appeal-form')).toBeVisible();
      await look(dept.page, testInfo, `${tag}-ledger-appeal`);
      expect(dept.errors).toEqual([]);

      const admin = await open(browser, 'admin', locale, size);
      await admin.page.goto('/#/assessment/schemes');
      await expect(admin.page.getByTestId('scheme-editor')).toBeVisible();
      await look(admin.page, testInfo, `${tag}-schemes`);
      await admin.page.getByTestId('scheme-copy').click();
      await admin.page.getByTestId('scheme-tab-grid_worker').click();
      await look(admin.page, testInfo, `${tag}-scheme-edit`);
      expect(admin.errors).toEqual([]);
    });
  }
}
