import { expect, test, type Locator } from '@playwright/test';
import { DEMO_PASSWORD, ensureDemo, login, queueRows } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

/** Rows are replaced only when the new page arrives, so wait until every visible cell says what the filter promised. */
async function expectEveryCell(cells: Locator, check: (text: string) => boolean): Promise<void> {
  await expect.poll(async () => {
    const texts = await cells.allTextContents();
    return texts.length > 0 && texts.every((t) => check(t.trim()));
  }).toBe(true);
}

test('the dispatcher filters the queue by status and street and opens a case', async ({ page }, testInfo) => {
  await login(page, 'dispatcher', DEMO_PASSWORD);
  const rows = queueRows(page);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);

  await page.getByTestId('status-tabs').getByText('处置中', { exact: true }).click();
  await expect(page).toHaveURL(/status=handling/);
  await expectEveryCell(rows.locator('.status-tag'), (t) => t === '处置中');

  await page.getByTestId('filter-street').click();
  await page.getByRole('option', { name: '龙溪街道', exact: true }).click();
  await expect(page).toHaveURL(/street=/);
  await expectEveryCell(rows.locator('td.location-cell'), (t) => t.startsWith('龙溪街道'));
  await expectEveryCell(rows.locator('.status-tag'), (t) => t === '处置中');
  await page.screenshot({ path: testInfo.outputPath('queue.png'), fullPage: true });

  const caseNo = (await rows.first().locator('.case-no').textContent())?.trim() ?? '';
  expect(caseNo).toMatch(/^\d{8}-\d{4}$/);
  await rows.first().click();

  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('case-no')).toHaveText(caseNo);
  const entries = page.getByTestId('timeline-entry');
  await expect(entries.first().locator('.event-label')).toHaveText('上报');
  expect(await entries.count()).toBeGreaterThan(1);
  await page.screenshot({ path: testInfo.outputPath('detail.png'), fullPage: true });

  // Back to the queue: the filters live in the URL, so they survive the round trip.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/status=handling/);
  await expect(page).toHaveURL(/street=/);
  await expectEveryCell(rows.locator('td.location-cell'), (t) => t.startsWith('龙溪街道'));
});
