import { statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, chartInk, ensureDemo, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

const CITY = '区城市管理局';
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The month just finished in China time: what the scorecard opens on. */
function lastMonth(): { kind: 'month'; year: number; month: number } {
  const now = new Date(Date.now() + CHINA_OFFSET_MS);
  const [y, m] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
  return m === 1 ? { kind: 'month', year: y - 1, month: 12 } : { kind: 'month', year: y, month: m - 1 };
}

interface Entry {
  id: string;
  caseNo: string;
  status: string;
  detail: string;
  target: { name: string };
}

/** Open overdue entries of the handling stage against a department, in the order the ledger lists them. */
async function openHandlingOverdue(call: Awaited<ReturnType<typeof apiAs>>): Promise<Entry[]> {
  const page = await call<{ rows: Entry[] }>('ledger.list', { period: lastMonth(), type: 'overdue', status: 'open', page: 1, pageSize: 50 });
  return page.rows.filter((e) => e.id.includes(':handle:'));
}

/** Collects console errors, to assert that a flow ran clean. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const scorecard = (page: Page) => page.getByTestId('scorecard-table');
const rowOf = (page: Page, name: string) => scorecard(page).locator('tbody tr').filter({ hasText: name });

/** The numerator/denominator a scorecard row shows for an indicator, e.g. [47, 72]. */
async function fraction(page: Page, name: string, indicator: string): Promise<[number, number]> {
  const text = (await rowOf(page, name).getByTestId(`cell-${indicator}`).getByTestId('fraction').textContent()) ?? '';
  const [n, d] = text.trim().split('/').map(Number);
  return [n!, d!];
}

async function openScorecard(page: Page): Promise<void> {
  await page.getByTestId('nav-assessment-scorecard').click();
  await expect(page).toHaveURL(/#\/assessment/);
  await expect(rowOf(page, CITY)).toHaveCount(1);
}

async function recompute(page: Page): Promise<void> {
  await page.getByTestId('compute').click();
  await expect(page.getByTestId('run-banner')).toContainText('草稿');
  await expect(page).toHaveURL(/run=/);
  await expect(rowOf(page, CITY)).toHaveCount(1);
}

test('a leader opens the monthly department scorecard and drills into on-time handling', async ({ browser }, testInfo) => {
  const page = await signedIn(browser, 'leader');
  const errors = consoleErrors(page);
  await openScorecard(page);
  const { year, month } = lastMonth();
  await expect(page.getByTestId('period-picker').getByRole('combobox', { name: '选择月份' })).toHaveValue(`${year}年${month}月`);
  await expect(page.getByTestId('kind-tabs').getByRole('tab', { name: '职能部门' })).toHaveAttribute('aria-selected', 'true');

  // Ranked rows with grades, ranks never going down the table.
  const rows = scorecard(page).locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(5);
  const ranks = (await rows.getByTestId('rank').allTextContents()).map((r) => Number.parseInt(r, 10)).filter((n) => !Number.isNaN(n));
  expect(ranks[0]).toBe(1);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  await expect(rowOf(page, CITY).locator('[data-grade]')).toHaveText(/^[A-E]$/);
  await page.screenshot({ path: testInfo.outputPath('scorecard.png'), animations: 'disabled' });

  // The drill-down's denominator list holds exactly the cases the table counts.
  const [numerator, denominator] = await fraction(page, CITY, 'on_time_handling_rate');
  expect(denominator).toBeGreaterThan(0);
  await rowOf(page, CITY).getByTestId('cell-on_time_handling_rate').click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('drill-formula')).toHaveText('按期处置数 / 应处置数');
  await expect(drawer.getByRole('tab', { name: `应处置数 · ${denominator}` })).toHaveAttribute('aria-selected', 'true');
  await expect(drawer.getByTestId('drill-denominator').getByTestId('drill-total')).toHaveAttribute('data-total', String(denominator));
  await expect(drawer.getByTestId('drill-case').first()).toHaveText(/^\d{8}-\d{4}$/);
  await page.screenshot({ path: testInfo.outputPath('drill-drawer.png'), animations: 'disabled' });

  await drawer.getByRole('tab', { name: `按期处置数 · ${numerator}` }).click();
  await expect(drawer.getByTestId('drill-numerator').getByTestId('drill-total')).toHaveAttribute('data-total', String(numerator));

  // A case in the list opens the case; back returns to the open drill-down.
  const caseNo = (await drawer.getByTestId('drill-case').first().textContent())!.trim();
  await drawer.getByTestId('drill-case').first().click();
  await expect(page.getByTestId('case-no')).toHaveText(caseNo);
  await page.goBack();
  await expect(page.getByTestId('drill-drawer')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a department appeals an overdue entry, the leader exempts it and the next draft leaves it out', async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  const [entry] = await openHandlingOverdue(await apiAs(request, 'dept-d02'));
  expect(entry, 'the demo month has an open handling-overdue entry against 区城市管理局').toBeTruthy();
  expect(entry!.target.name).toBe(CITY);

  // The numbers before, from a fresh draft.
  const leader = await signedIn(browser, 'leader');
  await openScorecard(leader);
  await recompute(leader);
  const [numBefore, denBefore] = await fraction(leader, CITY, 'on_time_handling_rate');

  // The department finds the entry in its own ledger and appeals.
  const dept = await signedIn(browser, 'dept-d02');
  await expect(dept.getByTestId('nav-assessment-scorecard')).toHaveCount(0);
  await dept.getByTestId('nav-assessment-ledger').click();
  await expect(dept.getByTestId('ledger-kind')).toHaveCount(0);
  await dept.goto(`/#/assessment/ledger?type=overdue&status=open&entry=${encodeURIComponent(entry!.id)}`);
  const drawer = dept.getByTestId('ledger-drawer');
  await expect(drawer).toContainText(entry!.caseNo);
  // Still running (处置已超期约 N 小时) or finished late (处置超期): either way a handling stage.
  await expect(drawer).toContainText(/处置已?超期/);
  await drawer.getByTestId('ledger-reason').fill('该案已于期限前申请延期，因审批流程滞后未及时批复，请予免责。');
  await dept.screenshot({ path: testInfo.outputPath('ledger-appeal.png'), animations: 'disabled' });
  await drawer.getByTestId('ledger-appeal').click();
  await expect(drawer.getByTestId('ledger-status')).toHaveText('申诉中');
  await expect(drawer.getByTestId('ledger-history')).toContainText('申诉');
  await expect(drawer.getByTestId('ledger-appeal-form')).toHaveCount(0);

  // The leader sees the appeal in the ledger and exempts it.
  await leader.getByTestId('nav-assessment-ledger').click();
  await leader.getByTestId('ledger-status-filter').click();
  await leader.getByRole('option', { name: '申诉中', exact: true }).click();
  await leader.getByTestId('ledger-table').locator('tbody tr').filter({ hasText: entry!.caseNo }).filter({ hasText: '处置' }).click();
  const decision = leader.getByTestId('ledger-drawer');
  await expect(decision.getByTestId('ledger-history')).toContainText('审批流程滞后');
  await decision.getByTestId('ledger-reason').fill('延期申请材料齐全，超期系审批滞后所致，予以免责。');
  await leader.screenshot({ path: testInfo.outputPath('ledger-decide.png'), animations: 'disabled' });
  await decision.getByTestId('ledger-exempt').click();
  await expect(decision.getByTestId('ledger-status')).toHaveText('已免责');
  await leader.screenshot({ path: testInfo.outputPath('ledger.png'), animations: 'disabled' });
  await leader.keyboard.press('Escape');
  await expect(decision).toBeHidden();
  await expect(leader.getByTestId('ledger-table').locator('tbody tr').filter({ hasText: entry!.caseNo }).getByTestId('ledger-status')).toHaveText('已免责');

  // Recomputing leaves the exempted stage out: the late stage was in the denominator only.
  await openScorecard(leader);
  await recompute(leader);
  expect(await fraction(leader, CITY, 'on_time_handling_rate')).toEqual([numBefore, denBefore - 1]);
});

test('publishing freezes a month: later changes reach new drafts but not the published run', async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  const leader = await signedIn(browser, 'leader');
  await openScorecard(leader);
  await leader.getByTestId('publish').click();
  await leader.locator('.el-message-box').getByRole('button', { name: '发布' }).click();
  await expect(leader.getByTestId('run-banner')).toContainText('已发布');
  await expect(leader.getByTestId('publish')).toBeDisabled();
  const publishedUrl = leader.url();
  const frozen = await fraction(leader, CITY, 'on_time_handling_rate');
  const frozenScore = (await rowOf(leader, CITY).getByTestId('score').textContent())!.trim();
  await leader.screenshot({ path: testInfo.outputPath('scorecard-published.png'), animations: 'disabled' });

  // A change that affects the month: the leader exempts another overdue entry of the department.
  const call = await apiAs(request, 'leader');
  const entry = (await openHandlingOverdue(call)).find((e) => e.target.name === CITY);
  expect(entry, 'another open handling-overdue entry against 区城市管理局').toBeTruthy();
  await call('ledger.decide', { entryId: entry!.id, decision: 'exempt', reason: '不可抗力：暴雨红色预警期间停工' });

  // A new draft has the change...
  await leader.getByTestId('back-to-live').click();
  await recompute(leader);
  expect(await fraction(leader, CITY, 'on_time_handling_rate')).toEqual([frozen[0], frozen[1] - 1]);

  // ...the published run keeps its numbers.
  await leader.goto(publishedUrl);
  await expect(leader.getByTestId('run-banner')).toContainText('已发布');
  expect(await fraction(leader, CITY, 'on_time_handling_rate')).toEqual(frozen);
  await expect(rowOf(leader, CITY).getByTestId('score')).toHaveText(frozenScore);

  // The runs list compares the published run with the latest draft.
  await leader.getByTestId('open-runs').click();
  const runs = leader.getByTestId('runs-drawer');
  const runRows = runs.getByTestId('runs-table').locator('tbody tr');
  await expect(runRows.filter({ hasText: '已发布' }).first()).toBeVisible();
  await runRows.filter({ hasText: '草稿' }).first().getByTestId('pick-run').click();
  await runRows.filter({ hasText: '已发布' }).first().getByTestId('pick-run').click();
  await leader.screenshot({ path: testInfo.outputPath('runs.png'), animations: 'disabled' });
  await runs.getByTestId('compare-runs').click();
  const compare = leader.getByTestId('compare-dialog');
  await expect(compare.getByTestId('compare-summary')).toContainText('得分有变化');
  await expect(compare.getByTestId('compare-table').locator('tbody tr').filter({ hasText: CITY })).toBeVisible();
  await leader.screenshot({ path: testInfo.outputPath('compare.png'), animations: 'disabled' });
});

test('export downloads the scorecard as an Excel workbook, and printing shows only the results', async ({ browser }, testInfo) => {
  const page = await signedIn(browser, 'shiftlead');
  await openScorecard(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(statSync((await download.path())!).size).toBeGreaterThan(0);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('scorecard-print')).toBeVisible();
  await expect(page.getByTestId('scorecard-print')).toContainText('职能部门考核结果');
  await expect(page.getByTestId('scorecard-print')).toContainText('草稿');
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByTestId('scorecard-table')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('scorecard-print.png'), animations: 'disabled' });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('scorecard-print')).toBeHidden();
});

test('an admin copies the scheme; the server refuses weights that do not add up, then saves the fix as a new version', async ({ browser }, testInfo) => {
  const page = await signedIn(browser, 'admin');
  await page.getByTestId('nav-assessment-schemes').click();
  await expect(page.getByTestId('scheme-list')).toContainText('启用中');
  const versions = await page.getByTestId('scheme-list').locator('tbody tr').count();
  await page.getByTestId('scheme-copy').click();
  const weight = page.getByTestId('weight-sign_on_time_rate').locator('input');
  await weight.fill('10');
  await weight.press('Tab');
  await expect(page.getByTestId('weight-sum-department')).toContainText('95');
  await page.getByTestId('scheme-save').click();
  await expect(page.getByTestId('scheme-issues')).toContainText('职能部门：指标权重合计应为 100，现为 95');
  await page.screenshot({ path: testInfo.outputPath('scheme-editor.png'), animations: 'disabled' });

  await weight.fill('15');
  await weight.press('Tab');
  await page.getByTestId('scheme-save').click();
  await expect(page.getByTestId('scheme-issues')).toHaveCount(0);
  // The copy is a new draft version, opened read-only; the active scheme is untouched.
  await expect(page.getByTestId('scheme-list').locator('tbody tr')).toHaveCount(versions + 1);
  await expect(page.getByTestId(`scheme-status-${versions + 1}`)).toHaveText('草稿');
  await expect(page.getByTestId('scheme-detail-status')).toHaveText('草稿');
  await expect(page.getByTestId('scheme-editor')).toContainText('只读');
  await expect(page.getByTestId('scheme-list')).toContainText('启用中');
});

test('a target profile: from the scorecard for leaders, as 我的考核 for departments and grid workers', async ({ browser }, testInfo) => {
  const leader = await signedIn(browser, 'leader');
  await openScorecard(leader);
  await rowOf(leader, CITY).getByTestId('target-name').click();
  await expect(leader.getByTestId('profile-title')).toContainText(CITY);
  await expect(leader.getByTestId('profile-table').locator('tbody tr')).toHaveCount(6);
  // The score over the six months is drawn, not an empty frame.
  await leader.waitForTimeout(1200);
  const [trend] = await chartInk(leader, '[data-testid=profile-trend]');
  expect(trend!.variance).toBeGreaterThan(30);
  await leader.screenshot({ path: testInfo.outputPath('profile.png'), animations: 'disabled' });

  const dept = await signedIn(browser, 'dept-d03');
  await dept.getByTestId('nav-assessment-mine').click();
  await expect(dept.getByTestId('profile-title')).toContainText('区市场监督管理局');
  await dept.getByTestId('profile-ledger-link').click();
  await expect(dept).toHaveURL(/#\/assessment\/ledger/);
  const targets = await dept.getByTestId('ledger-table').locator('tbody tr').allTextContents();
  expect(targets.every((t) => t.includes('区市场监督管理局'))).toBe(true);
  await dept.goto('/#/assessment');
  await expect(dept).toHaveURL(/#\/cases/);

  const worker = await signedIn(browser, 'gw004001001');
  await worker.getByTestId('nav-assessment-mine').click();
  await expect(worker.getByTestId('profile-table').locator('tbody tr')).toHaveCount(6);
  await expect(worker.getByTestId('nav-assessment-schemes')).toHaveCount(0);
});
