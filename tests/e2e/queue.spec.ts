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

test('the dispatcher filters the queue by tab and street and opens a case', async ({ page }, testInfo) => {
  await login(page, 'dispatcher', DEMO_PASSWORD);
  const rows = queueRows(page);
  await expect(rows.first()).toBeVisible();

  await page.getByTestId('status-tabs').getByRole('tab', { name: /^处置中/ }).click();
  await expect(page).toHaveURL(/status=handling/);
  await expectEveryCell(rows.locator('.status-chip'), (t) => t === '处置中');

  await page.getByTestId('filter-street').click();
  await page.getByRole('option', { name: '龙溪街道', exact: true }).click();
  await expect(page).toHaveURL(/street=/);
  await expectEveryCell(rows.locator('.status-chip'), (t) => t === '处置中');
  await page.screenshot({ path: testInfo.outputPath('queue.png') });

  // A click selects the case into the pane; the street shows in its location.
  const caseNo = (await rows.first().locator('.case-no').textContent())?.trim() ?? '';
  expect(caseNo).toMatch(/^\d{8}-\d{4}$/);
  await rows.first().click();
  const pane = page.getByTestId('case-pane');
  await expect(pane.getByTestId('case-no')).toHaveText(caseNo);
  await expect(pane.locator('.case-info')).toContainText('龙溪街道');
  await expect(pane.getByTestId('timeline-entry').first().locator('.event-label')).toHaveText('上报');

  // The full page: the filters live in the URL, so they survive the round trip.
  await pane.getByTestId('expand-case').click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('case-no')).toHaveText(caseNo);
  await page.screenshot({ path: testInfo.outputPath('detail.png'), fullPage: true });
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/status=handling/);
  await expect(page).toHaveURL(/street=/);
  await expect(pane.getByTestId('case-no')).toHaveText(caseNo);
});
