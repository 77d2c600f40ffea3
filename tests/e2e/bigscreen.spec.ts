import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, apiAs, chartInk, ensureDemo } from './helpers';

let displayKey = '';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
  const admin = await apiAs(request, 'admin');
  displayKey = (await admin<{ key: string }>('settings.displayKey', {})).key;
});

/** Console errors and uncaught exceptions: a wall runs for weeks, so none is acceptable. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function openWall(page: Page, query = ''): Promise<void> {
  await page.goto(`/#/bigscreen?key=${encodeURIComponent(displayKey)}${query}`);
  // The wall sets this once the first snapshot has been drawn (renderer/src/views/bigscreen/useBigScreenFeed.ts).
  await page.waitForFunction(() => (window as { __bigscreenReady?: number }).__bigscreenReady !== undefined, undefined, { timeout: 20_000 });
  // Entry animations grow bars and lines from nothing; measure the settled picture.
  await page.waitForTimeout(1500);
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`the wall fills ${size.width}×${size.height} without scroll bars and every chart draws`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    const errors = collectErrors(page);
    await openWall(page);

    const ink = await chartInk(page, '[data-testid=bigscreen]');
    // Ranking, radar, grid map, funnel and 30-day trend: the rotating centre keeps both pages drawn.
    expect(ink.map((c) => c.chart).sort()).toEqual(['chart-map', 'wall-chart-funnel', 'wall-chart-radar', 'wall-chart-ranking', 'wall-chart-trend']);
    for (const c of ink) {
      expect(c.variance, `${c.chart} drew nothing`).toBeGreaterThan(30);
      expect(c.colours, `${c.chart} is a single colour`).toBeGreaterThan(8);
    }

    const overflow = await page.evaluate(() => {
      const s = document.scrollingElement!;
      return { w: s.scrollWidth, h: s.scrollHeight, vw: innerWidth, vh: innerHeight };
    });
    expect(overflow.w).toBeLessThanOrEqual(overflow.vw);
    expect(overflow.h).toBeLessThanOrEqual(overflow.vh);
    // The 1920×1080 canvas is scaled to the whole screen, not drawn small in a corner.
    const wall = await page.locator('.wall').boundingBox();
    expect(wall!.width).toBeCloseTo(size.width, -1);
    expect(wall!.height).toBeCloseTo(size.height, -1);

    await expect(page.getByTestId('wall-key-open')).toHaveAttribute('data-value', /^\d+$/);
    await expect(page.getByTestId('live-case').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`bigscreen-${size.width}.png`) });
    expect(errors).toEqual([]);
  });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
]) {
  test(`a ${size.width}×${size.height} screen shows the whole wall, letterboxed, without scroll bars`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await openWall(page);
    // One scale for both axes, centred: the spare band goes above and below, never a cut-off edge.
    const scale = Math.min(size.width / 1920, size.height / 1080);
    const wall = (await page.locator('.wall').boundingBox())!;
    expect(wall.width).toBeCloseTo(1920 * scale, 0);
    expect(wall.height).toBeCloseTo(1080 * scale, 0);
    expect(wall.x).toBeCloseTo((size.width - wall.width) / 2, 0);
    expect(wall.y).toBeCloseTo((size.height - wall.height) / 2, 0);
    const scroll = await page.evaluate(() => [document.scrollingElement!.scrollWidth, document.scrollingElement!.scrollHeight]);
    expect(scroll[0]).toBeLessThanOrEqual(size.width);
    expect(scroll[1]).toBeLessThanOrEqual(size.height);
    await page.screenshot({ path: testInfo.outputPath(`bigscreen-${size.width}x${size.height}.png`) });
  });
}

test('a case filed anywhere reaches the open wall within seconds, masked', async ({ page, request }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = collectErrors(page);
  await openWall(page, '&refresh=1');
  const figure = async (key: string) => Number(await page.getByTestId(`wall-key-${key}`).getAttribute('data-value'));
  const today = await figure('todayReports');
  const open = await figure('open');

  const dispatcher = await apiAs(request, 'dispatcher');
  const reference = await dispatcher<{ regions: Array<{ id: string; level: string }> }>('reference.get', {});
  const grid = reference.regions.find((r) => r.level === 'grid')!;
  const filed = await dispatcher<{ caseNo: string }>('cases.report', {
    source: 'hotline',
    gridId: grid.id,
    address: '大屏测试路1号',
    description: '大屏测试：路灯不亮，居民张晓明来电反映，联系电话13812345678',
    reporterName: '张晓明',
    reporterPhone: '13812345678',
  });

  const row = page.locator(`[data-testid=live-case][data-case-no="${filed.caseNo}"]`).first();
  await expect(row).toBeAttached({ timeout: 8_000 });
  await expect.poll(() => figure('todayReports'), { timeout: 8_000 }).toBe(today + 1);
  await expect.poll(() => figure('open'), { timeout: 8_000 }).toBe(open + 1);
  // No personal data on the wall: the phone number and the reporter's full name are masked.
  await expect(row).toContainText('大屏测试');
  await expect(row).not.toContainText('13812345678');
  await expect(row).not.toContainText('张晓明');
  expect(errors).toEqual([]);
});

test('a wall without a valid key says so in Chinese; without any key it asks to sign in', async ({ page }) => {
  await page.goto('/#/bigscreen?key=not-the-key');
  await expect(page.getByTestId('wall-key-invalid')).toContainText('大屏密钥无效，请联系管理员');
  // No key and nobody signed in: a fresh load, as a wall PC starting up.
  await page.goto('about:blank');
  await page.goto('/#/bigscreen');
  await expect(page.getByTestId('wall-signed-out')).toContainText('请先登录');
  // Signing in from the notice comes back to the wall.
  await page.getByRole('link', { name: '去登录' }).click();
  await page.getByLabel('用户名', { exact: true }).fill('leader');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/#\/bigscreen$/);
  await expect(page.getByTestId('wall-key-open')).toHaveAttribute('data-value', /^\d+$/);
});
