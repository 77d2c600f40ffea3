import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chartInk, ensureDemo, signedIn } from './helpers';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/regions');

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

/** The dashboard computes a month of numbers before it draws: on a busy machine that takes a while. */
async function openDashboard(page: Page): Promise<void> {
  await page.getByTestId('nav-dashboard').click();
  await expect(page).toHaveURL(/#\/dashboard/);
  await expect(page.getByTestId('grid-map')).toBeVisible({ timeout: 45_000 });
}

async function openRegions(page: Page): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByRole('tab', { name: '区域网格' }).click();
  await expect(page.getByTestId('regions-tree')).toContainText('双龙湖街道');
}

test('the admin imports a street’s grid map from GeoJSON, sees faults first, and the dashboard map draws the new grids', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, 'admin');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openRegions(page);

  // The tree: a community open, one of its grids selected.
  await page.getByTestId('region-row').filter({ hasText: '双湖社区' }).first().click();
  await page.getByTestId('regions-tree').locator('.el-tree-node__expand-icon').nth(2).click();
  const grid = page.getByTestId('region-row').filter({ hasText: '500112003001002' });
  await grid.click();
  await expect(page.getByTestId('region-code')).toHaveText('500112003001002');
  await expect(page.getByTestId('region-detail')).toContainText('已标绘');
  await page.screenshot({ path: testInfo.outputPath('regions-tree.png'), animations: 'disabled' });

  // A file with faults: each one listed with its feature, drawn in red, and nothing can be confirmed.
  await page.getByTestId('regions-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'faulty-street.geo.json'));
  const faults = dialog.getByTestId('import-faults');
  await expect(faults).toContainText('自相交：第 1 条边与第 3 条边相交');
  await expect(faults).toContainText('上级社区「500112021009」在数据库和本次导入中都不存在');
  await expect(faults).toContainText('与已有网格');
  await expect(dialog.getByTestId('import-summary')).toContainText('有错误 12');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await expect(dialog).toContainText('导入是全部或全不');
  await page.waitForTimeout(600);
  const [faultMap] = await chartInk(page, '[data-testid=import-map]');
  expect(faultMap!.variance, 'the preview map drew the features').toBeGreaterThan(30);
  await page.screenshot({ path: testInfo.outputPath('regions-import-faults.png'), animations: 'disabled' });

  // The street's own file: ten grids and the communities and street named on them, no faults.
  await dialog.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'qingfeng-street.geo.json'));
  await expect(dialog.getByTestId('import-summary')).toContainText('10 个要素：新建 10，更新 0，不变 0，有错误 0');
  await expect(dialog.getByTestId('import-summary')).toContainText('另按要素上的社区、街道名称新建 4 个上级');
  await expect(dialog).toContainText('没有发现错误，可以导入');
  await expect(dialog.getByTestId('import-code-property')).toContainText('网格编码');
  await page.waitForTimeout(600);
  await page.screenshot({ path: testInfo.outputPath('regions-import-ready.png'), animations: 'disabled' });
  await dialog.getByTestId('import-confirm').click();
  await expect(page.getByText('导入完成：新建 14 个，更新 0 个，0 个未变')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('regions-tree')).toContainText('青枫街道');

  // The same file again: nothing to write.
  await page.getByTestId('regions-import').click();
  await dialog.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'qingfeng-street.geo.json'));
  await expect(dialog.getByTestId('import-summary')).toContainText('新建 0，更新 0，不变 10，有错误 0');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await dialog.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();

  // The dashboard's map now draws the office's 70 grids, the new street's among them.
  await openDashboard(page);
  const map = page.getByTestId('grid-map');
  await expect(map).toHaveAttribute('data-grids-drawn', '70');
  // Other tests may leave grids without boundaries in the shared database; none of them is the new street's.
  await expect(page.getByTestId('map-unmapped').getByText(/(枫林|溪岸|望湖)社区/)).toHaveCount(0);
  await page.waitForTimeout(800);
  // The new street lies east of the demo district: sweep the map's right side until a tooltip names one of its grids.
  const box = (await page.getByTestId('chart-map').boundingBox())!;
  const newGrid = page.getByText(/^(枫林|溪岸|望湖)社区第.网格$/);
  let named = '';
  for (let x = box.x + box.width - 12; x > box.x + box.width * 0.5 && !named; x -= 16) {
    await page.mouse.move(x, box.y + box.height * 0.5);
    await page.waitForTimeout(250);
    if (await newGrid.first().isVisible()) named = (await newGrid.first().textContent()) ?? '';
  }
  expect(named).toMatch(/(枫林|溪岸|望湖)社区第.网格/);
  await page.screenshot({ path: testInfo.outputPath('regions-dashboard-map.png'), animations: 'disabled' });
});

test('a grid without a boundary is listed under the map, and one nothing refers to can be deleted', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, 'admin');
  // Other tests may leave grids without boundaries in the shared database: count from what is there now.
  await openDashboard(page);
  await expect(page.getByTestId('grid-map')).not.toHaveAttribute('data-grids-drawn', '0');
  const unmappedBefore = Number(await page.getByTestId('grid-map').getAttribute('data-grids-unmapped'));
  await openRegions(page);
  await page.getByTestId('regions-search').fill('双湖社区');
  await page.getByTestId('region-row').filter({ hasText: '双湖社区' }).first().click();
  await page.getByTestId('region-add-child').click();
  await expect(page.getByTestId('create-code')).toHaveValue('500112003001006');
  await page.getByTestId('create-name').fill('双湖社区第六网格');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('region-row').filter({ hasText: '500112003001006' })).toContainText('无边界');

  await openDashboard(page);
  await expect(page.getByTestId('map-unmapped')).toContainText('双湖社区第六网格', { timeout: 30_000 });
  await expect(page.getByTestId('grid-map')).toHaveAttribute('data-grids-unmapped', String(unmappedBefore + 1));
  await page.waitForTimeout(600);
  await page.getByTestId('grid-map').screenshot({ path: testInfo.outputPath('regions-map-unmapped.png'), animations: 'disabled' });

  await openRegions(page);
  await page.getByTestId('regions-search').fill('500112003001006');
  await page.getByTestId('region-row').filter({ hasText: '500112003001006' }).click();
  await page.getByTestId('region-remove').click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('region-row').filter({ hasText: '500112003001006' })).toHaveCount(0);
});
