import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { apiAs, chartInk, ensureDemo, queueRows, signedIn } from './helpers';

interface Region {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
}
interface Department {
  id: string;
  shortName: string;
}
let regions: Region[] = [];
let departments: Department[] = [];

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
  const leader = await apiAs(request, 'leader');
  ({ regions, departments } = await leader<{ regions: Region[]; departments: Department[] }>('reference.get', {}));
});

// Every window a test opens is closed after it: a dashboard refreshes itself and a wall polls, and
// left open they would keep loading the server while later spec files run.
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await signedIn(browser, username);
  opened.push(page.context());
  return page;
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByTestId('nav-dashboard').click();
  await expect(page).toHaveURL(/#\/dashboard/);
  await expect(page.getByTestId('chart-calendar').locator('canvas').first()).toBeAttached();
  // Entry animations grow bars and arcs from nothing; measure the settled picture.
  await page.waitForTimeout(1500);
}

/** Rows are replaced when the filtered page arrives; wait until every loaded row says what the link promised. */
async function expectEveryCell(cells: Locator, check: (text: string) => boolean): Promise<void> {
  await expect
    .poll(async () => {
      const texts = await cells.allTextContents();
      return texts.length > 0 && texts.every((t) => check(t.trim()));
    })
    .toBe(true);
}

test('the dashboard draws every chart and its screenshots are kept', async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, 'leader');
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await openDashboard(page);

  const ink = await chartInk(page, '[data-testid=dashboard]');
  expect(ink.map((c) => c.chart).sort()).toEqual([
    'chart-calendar', 'chart-categories', 'chart-funnel', 'chart-limits', 'chart-map', 'chart-radar', 'chart-ranking', 'chart-trends',
  ]);
  for (const c of ink) {
    expect(c.variance, `${c.chart} drew nothing`).toBeGreaterThan(30);
    expect(c.colours, `${c.chart} is a single colour`).toBeGreaterThan(8);
  }
  await expect(page.getByTestId('key-open')).toContainText(/\d+/);
  await page.screenshot({ path: testInfo.outputPath('dashboard-1440.png'), fullPage: true });

  // The street filter reaches every chart: the radar then shows one street.
  await page.getByTestId('dashboard-street').click();
  await page.getByRole('option', { name: '龙溪街道', exact: true }).click();
  await expect(page).toHaveURL(/street=/);
  await expect(page.getByTestId('dashboard-refresh')).not.toHaveClass(/is-loading/);
  await page.waitForTimeout(800);
  for (const c of await chartInk(page, '[data-testid=dashboard]')) expect(c.variance, `${c.chart} drew nothing for one street`).toBeGreaterThan(30);
  expect(errors).toEqual([]);
});

test('a grid on the map opens the desk filtered to that grid', async ({ browser }) => {
  const page = await signedInPage(browser, 'dispatcher');
  await openDashboard(page);
  // Open cases: every grid of the demo has some, so the desk cannot pass by being empty.
  await page.getByTestId('map-metric').getByText('在办').click();
  await page.waitForTimeout(600);
  const map = page.getByTestId('chart-map');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);

  await expect(page).toHaveURL(/#\/cases\?.*grid=/);
  const gridId = new URL(page.url().replace('#/', '')).searchParams.get('grid')!;
  const grid = regions.find((r) => r.id === gridId)!;
  const community = regions.find((r) => r.id === grid.parentId)!;
  // The desk shows a grid as 社区 / 网格 ('双湖社区 / 第一网格').
  const expected = `${community.name} / ${grid.name.startsWith(community.name) ? grid.name.slice(community.name.length) : grid.name}`;
  await expectEveryCell(queueRows(page).locator('.col-location'), (text) => text === expected);
  await expect(page.locator('.f-grid')).toContainText(grid.name);
});

test('a department bar opens that department’s cases', async ({ browser, request }) => {
  const leader = await apiAs(request, 'leader');
  const { departments: ranking } = await leader<{ departments: Array<{ id: string; rank: number | null }> }>('dashboard.data', {});
  const best = ranking.find((d) => d.rank === 1)!;
  const page = await signedInPage(browser, 'leader');
  // Wide enough for the desk's department column.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDashboard(page);
  const chart = page.getByTestId('chart-ranking');
  const box = (await chart.boundingBox())!;
  // The best-ranked department's bar: the top row, past the name labels.
  await page.mouse.click(box.x + box.width * 0.5, box.y + 16);

  await expect(page).toHaveURL(/#\/cases\?.*dept=/);
  const departmentId = new URL(page.url().replace('#/', '')).searchParams.get('dept')!;
  expect(departmentId).toBe(best.id);
  const department = departments.find((d) => d.id === departmentId)!;
  await expect(page.getByTestId('status-tabs').locator('[data-tab=all]')).toHaveAttribute('aria-selected', 'true');
  await expectEveryCell(queueRows(page).locator('.col-departments'), (text) => text.includes(department.shortName));
});

test('the due-soon gauge and a funnel stage open the cases behind them', async ({ browser }) => {
  const page = await signedInPage(browser, 'shiftlead');
  await openDashboard(page);
  // Anywhere on the middle gauge: its arc, its percentage or its caption.
  const gauges = (await page.getByTestId('chart-limits').boundingBox())!;
  await page.mouse.click(gauges.x + gauges.width / 2, gauges.y + gauges.height / 2);
  await expect(page).toHaveURL(/#\/cases\?.*colour=yellow/);
  await expectEveryCell(queueRows(page).getByTestId('row-limit'), () => true);
  const limits = await queueRows(page).getByTestId('row-limit').evaluateAll((cells) => cells.map((c) => c.className));
  expect(limits.every((c) => c.includes('yellow'))).toBe(true);

  await page.goBack();
  await expect(page.getByTestId('chart-funnel').locator('canvas').first()).toBeAttached();
  await page.waitForTimeout(1200);
  // The top band of the funnel: 上报, the reports of the period still waiting to be accepted.
  const funnel = (await page.getByTestId('chart-funnel').boundingBox())!;
  await page.mouse.click(funnel.x + funnel.width / 2, funnel.y + 14);
  await expect(page).toHaveURL(/#\/cases\?.*from=\d{4}-\d{2}-01/);
  await expect(page.getByTestId('status-tabs').locator('[data-tab=to_accept]')).toHaveAttribute('aria-selected', 'true');
});

test('an admin issues the display key and a wall PC opens the kiosk address without signing in', async ({ browser }) => {
  const page = await signedInPage(browser, 'admin');
  await openDashboard(page);
  await page.getByTestId('display-key').click();
  // Element Plus puts the test id on the native input.
  const url = page.getByTestId('kiosk-url');
  await expect(url).toHaveValue(/#\/bigscreen\?key=[\w-]{16,}$/);
  const oldUrl = await url.inputValue();

  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  opened.push(wallContext);
  const wall = await wallContext.newPage();
  await wall.goto(oldUrl);
  await expect(wall.getByTestId('wall-key-open')).toHaveAttribute('data-value', /^\d+$/);

  // A new key retires the old address: the wall says so instead of showing stale numbers.
  await page.getByTestId('rotate-display-key').click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(url).not.toHaveValue(oldUrl);
  await wall.reload();
  await expect(wall.getByTestId('wall-key-invalid')).toContainText('大屏密钥无效，请联系管理员');
  await wall.goto(await url.inputValue());
  await expect(wall.getByTestId('wall-key-open')).toHaveAttribute('data-value', /^\d+$/);
});

test('the 大屏 button opens the wall for the signed-in user, no key needed', async ({ browser }) => {
  const page = await signedInPage(browser, 'shiftlead');
  const [wall] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('open-bigscreen').click()]);
  await expect(wall).toHaveURL(/#\/bigscreen$/);
  await expect(wall.getByTestId('wall-key-open')).toHaveAttribute('data-value', /^\d+$/);
  await expect(wall.getByTestId('live-case').first()).toBeVisible();
});
