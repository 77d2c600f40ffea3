import { expect, test, type Page } from '@playwright/test';
import { apiAs, ensureDemo, openCaseInDesk, paneStatus, queueRows, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

const tab = (page: Page, label: string) => page.getByTestId('status-tabs').getByRole('tab', { name: new RegExp(`^${label}`) });
const totalShown = async (page: Page) => Number(((await page.getByTestId('queue-total').textContent()) ?? '').replace(/\D/g, ''));

test('a law-enforcement matter cannot be handed to the grid: the refusal names the admission list', async ({ browser, request }) => {
  const api = await apiAs(request, 'dispatcher');
  const { regions } = await api<{ regions: Array<{ id: string; name: string }> }>('reference.get', {});
  const grid = regions.find((r) => r.name === '金港社区第一网格')!;
  const { caseNo } = await api<{ caseNo: string }>('cases.report', {
    source: 'hotline',
    gridId: grid.id,
    address: '金港社区幸福路18号',
    description: '幸福路18号有一家黑作坊无证经营，没有营业执照，在家里加工豆腐干对外卖',
  });

  const page = await signedIn(browser, 'dispatcher');
  await openCaseInDesk(page, caseNo);
  await page.keyboard.press('a');
  await expect(paneStatus(page)).toHaveText('待立案');

  // File it as 无证经营 (行政执法), picked by searching the category cascader.
  await page.getByTestId('move-file').click();
  const dialog = page.getByTestId('move-dialog');
  await dialog.getByTestId('file-category').locator('input').fill('无证经营');
  await page.locator('.el-cascader__suggestion-item', { hasText: '无证经营' }).click();
  await dialog.getByTestId('move-confirm').click();
  await expect(paneStatus(page)).toHaveText('待派遣');

  await page.getByTestId('move-assign_grid').click();
  const refusal = page.locator('.el-message-box');
  await expect(refusal).toContainText('网格事项准入清单');
  await expect(refusal).toContainText('无证经营');
  await expect(refusal).toContainText('行政执法');
  await refusal.getByRole('button', { name: '知道了' }).click();
  await expect(paneStatus(page)).toHaveText('待派遣');
  await expect(page.getByTestId('case-pane').getByTestId('timeline-entry').locator('.event-label')).toHaveText(['上报', '受理', '立案']);
});

test('overdue cases show red in the 已超期 tab and in the time-limit filter', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  await tab(page, '已超期').click();
  await expect(page).toHaveURL(/status=overdue/);
  await expect(queueRows(page).first()).toBeVisible();
  const limits = queueRows(page).getByTestId('row-limit');
  await expect.poll(async () => {
    const classes = await limits.evaluateAll((els) => els.map((e) => e.className));
    return classes.length > 0 && classes.every((c) => c.includes('red'));
  }).toBe(true);
  await expect(limits.first()).toContainText('超期');

  await queueRows(page).first().click();
  const running = page.getByTestId('case-pane').locator('[data-testid=stage-bar].running');
  await expect(running.getByTestId('stage-limit')).toHaveClass(/red/);
  await expect(running.getByTestId('stage-limit')).toContainText('超期');

  // The same cases by the time-limit filter, across every tab: as many, and all red.
  const overdue = Number(await tab(page, '已超期').getByTestId('tab-count').textContent());
  await tab(page, '全部').click();
  await page.getByTestId('filter-colour').click();
  await page.getByRole('option', { name: '已超期', exact: true }).click();
  await expect(page).toHaveURL(/colour=red/);
  await expect.poll(() => totalShown(page)).toBe(overdue);
  await expect.poll(async () => {
    const classes = await limits.evaluateAll((els) => els.map((e) => e.className));
    return classes.length > 0 && classes.every((c) => c.includes('red'));
  }).toBe(true);
});

test('the tab counts match the rows each tab shows', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  for (const label of ['待受理', '待立案', '待派遣', '待签收', '待结案', '督办中', '全部']) {
    await tab(page, label).click();
    const count = tab(page, label).getByTestId('tab-count');
    await expect(count).toHaveText(/^\d+$/);
    await expect.poll(async () => (await totalShown(page)) === Number(await count.textContent())).toBe(true);
    const n = await totalShown(page);
    // Small tabs show every row at once; a long one fills the table and loads the rest on scrolling.
    if (n <= 15) await expect(queueRows(page)).toHaveCount(n);
    else expect(await queueRows(page).count()).toBeGreaterThan(10);
  }
});

test('the full queue scrolls to its last row and loads it', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  await tab(page, '全部').click();
  await expect(page).toHaveURL(/status=all/);
  await expect.poll(() => totalShown(page)).toBeGreaterThan(1000);
  const total = await totalShown(page);
  // The virtual list sizes itself once the count arrives, so scroll again until the bottom is reached;
  // then every row on screen gets its data, and the last one is there.
  await expect
    .poll(async () => {
      await page.evaluate(() => {
        const scroller = [...document.querySelectorAll<HTMLElement>('[data-testid=case-table] div')].find((e) => e.scrollHeight > e.clientHeight + 100)!;
        scroller.scrollTop = scroller.scrollHeight;
      });
      return page.evaluate(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid=queue-row]')];
        return Math.max(...rows.map((r) => Math.round(parseFloat(r.style.top) / r.offsetHeight)));
      });
    })
    .toBe(total - 1);
  await expect.poll(async () => page.locator('[data-testid=queue-row][data-case-id=""]').count()).toBe(0);
});

test('a page the server fails to give is reported, not asked for again and again', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  let refusedPages = 0;
  await page.route('**/api/cases.list', async (route) => {
    const input = route.request().postDataJSON() as { page?: number };
    if ((input.page ?? 1) === 1) return route.continue();
    refusedPages++;
    return route.fulfill({ json: { ok: false, error: { code: 'INTERNAL', message: '服务器暂时无法读取案件' } } });
  });
  await tab(page, '全部').click();
  await expect.poll(() => totalShown(page)).toBeGreaterThan(1000);
  await page.evaluate(() => {
    const scroller = [...document.querySelectorAll<HTMLElement>('[data-testid=case-table] div')].find((e) => e.scrollHeight > e.clientHeight + 100)!;
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  await expect(page.getByText('服务器暂时无法读取案件').first()).toBeVisible();
  await page.waitForTimeout(2000);
  // The pages on screen and just below it: a few requests, not a loop.
  expect(refusedPages).toBeGreaterThan(0);
  expect(refusedPages).toBeLessThanOrEqual(6);
  await expect(page.locator('[data-testid=queue-row][data-case-id=""]').first()).toBeVisible();
});

test('J and K step through the queue and Enter opens the case page', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  await tab(page, '处置中').click();
  await expect(page).toHaveURL(/status=handling/);
  await expect(queueRows(page).nth(2)).toBeVisible();
  // The virtual table recycles row elements, so follow the selected row, not a DOM position.
  const selected = page.locator('[data-testid=queue-row].is-selected');
  const selectedId = () => selected.getAttribute('data-case-id');
  const selectedIndex = () => selected.evaluate((r: HTMLElement) => Math.round(parseFloat(r.style.top) / r.offsetHeight));
  await page.keyboard.press('j');
  await expect(selected).toHaveCount(1);
  const first = (await selectedId())!;
  expect(await selectedIndex()).toBe(0);
  await expect(page).toHaveURL(new RegExp(`case=${first}`));
  await page.keyboard.press('j');
  await expect(page).not.toHaveURL(new RegExp(`case=${first}`));
  const second = (await selectedId())!;
  expect(second).not.toBe(first);
  expect(await selectedIndex()).toBe(1);
  await expect(page).toHaveURL(new RegExp(`case=${second}`));
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`case=${first}`));
  await expect(selected).toHaveAttribute('data-case-id', first);
  expect(await selectedIndex()).toBe(0);
  await page.keyboard.press('/');
  await expect(page.getByTestId('queue-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${first}`));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/status=handling/);
});
