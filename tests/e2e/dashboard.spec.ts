import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiAs, ensureDemo, queueRows, signedIn } from './helpers';

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

/** Alpha-weighted luminance spread and distinct colours of each chart's canvases: a blank or one-colour chart scores near zero. */
async function chartInk(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=dashboard] [data-chart]')].map((chart) => {
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      const colours = new Set<number>();
      for (const canvas of chart.querySelectorAll('canvas')) {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4 * 5) {
          const lum = ((0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) * data[i + 3]!) / 255;
          n += 1;
          sum += lum;
          sumSq += lum * lum;
          colours.add((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!);
        }
      }
      const mean = n ? sum / n : 0;
      return { chart: chart.getAttribute('data-testid'), variance: n ? sumSq / n - mean * mean : 0, colours: colours.size };
    }),
  );
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
  const page = await signedIn(browser, 'leader');
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await openDashboard(page);

  const ink = await chartInk(page);
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
  for (const c of await chartInk(page)) expect(c.variance, `${c.chart} drew nothing for one street`).toBeGreaterThan(30);
  expect(errors).toEqual([]);
});

test('a grid on the map opens the desk filtered to that grid', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
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
  const page = await signedIn(browser, 'leader');
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
