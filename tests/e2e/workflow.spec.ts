import { expect, test, type Page } from '@playwright/test';
import { ensureDemo, openCaseInDesk, paneStatus, signedIn, TINY_PNG } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

const DESCRIPTION = '金港社区菜市场门口有商贩占道经营，摆摊卖菜堵住人行道，行人只能走机动车道';
const pane = (page: Page) => page.getByTestId('case-pane');
const moveButton = (page: Page, move: string) => pane(page).getByTestId(`move-${move}`);
const timelineLabels = (page: Page) => pane(page).getByTestId('timeline-entry').locator('.event-label');

async function chooseOption(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name, exact: true }).click();
}

/** Opens a move's dialog from its button, fills the text box and confirms. */
async function moveWithText(page: Page, move: string, text: string): Promise<void> {
  await moveButton(page, move).click();
  const dialog = page.getByTestId('move-dialog');
  await dialog.getByTestId('move-text').fill(text);
  await dialog.getByTestId('move-confirm').click();
  await expect(dialog).toBeHidden();
}

async function submitResult(page: Page, note: string): Promise<void> {
  await page.keyboard.press('h');
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(dialog.getByTestId('photo-thumb')).toHaveCount(1);
  await dialog.getByTestId('move-text').fill(note);
  await dialog.getByTestId('move-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(paneStatus(page)).toHaveText('待核查');
}

test('a report goes from the hotline through dispatch, rework and callback to the archive', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);

  // ── The dispatcher takes a call and files the report through the form.
  const dispatcher = await signedIn(browser, 'dispatcher');
  await dispatcher.getByTestId('new-report').click();
  const form = dispatcher.getByTestId('report-dialog');
  await form.getByTestId('report-name').fill('张先生');
  await form.getByTestId('report-phone').fill('13800001234');
  await chooseOption(dispatcher, 'report-street', '龙溪街道');
  await chooseOption(dispatcher, 'report-community', '金港社区');
  await chooseOption(dispatcher, 'report-grid', '金港社区第一网格');
  await form.getByTestId('report-address').fill('金港社区菜市场东门');
  await form.getByTestId('report-description').fill(DESCRIPTION);
  await expect(form.getByTestId('report-guess').first()).toContainText('占道经营');
  await expect(form.getByTestId('report-department')).toHaveText('区城市管理局');
  await dispatcher.screenshot({ path: testInfo.outputPath('new-report-form.png'), animations: 'disabled' });
  await form.getByTestId('report-submit').click();
  await expect(form).toBeHidden();

  // The new case opens in the desk's pane, waiting to be accepted.
  const caseNo = (await pane(dispatcher).getByTestId('case-no').textContent())?.trim() ?? '';
  expect(caseNo).toMatch(/^\d{8}-\d{4}$/);
  await expect(paneStatus(dispatcher)).toHaveText('待受理');
  await expect(timelineLabels(dispatcher)).toHaveText(['上报']);
  await expect(moveButton(dispatcher, 'accept')).toBeVisible();
  await expect(moveButton(dispatcher, 'dispatch')).toHaveCount(0);
  await expect(dispatcher.locator(`[data-testid=queue-row].is-selected`)).toContainText(caseNo);
  await dispatcher.screenshot({ path: testInfo.outputPath('desk-selected-case.png'), animations: 'disabled' });

  await dispatcher.keyboard.press('a');
  await expect(paneStatus(dispatcher)).toHaveText('待立案');

  // Take the triage suggestion into the filing dialog.
  const suggestion = pane(dispatcher).getByTestId('triage-suggestion');
  await expect(suggestion.getByTestId('triage-guess').first()).toContainText('占道经营');
  await expect(suggestion.getByTestId('triage-guess').first().locator('.word').first()).toBeVisible();
  await suggestion.getByTestId('apply-suggestion').first().click();
  const fileDialog = dispatcher.getByTestId('move-dialog');
  await expect(fileDialog.getByTestId('file-category').locator('input')).toHaveValue(/占道经营/);
  await fileDialog.getByTestId('move-confirm').click();
  await expect(paneStatus(dispatcher)).toHaveText('待派遣');

  // The dispatch dialog preselects the category's department as lead.
  await dispatcher.keyboard.press('d');
  const dispatchDialog = dispatcher.getByTestId('move-dialog');
  await expect(dispatchDialog.getByTestId('dispatch-roles')).toContainText('主办');
  await expect(dispatchDialog.getByTestId('dispatch-roles')).toContainText('区城市管理局');
  await dispatcher.screenshot({ path: testInfo.outputPath('dispatch-dialog.png'), animations: 'disabled' });
  await dispatchDialog.getByTestId('move-confirm').click();
  await expect(paneStatus(dispatcher)).toHaveText('待签收');
  await expect(timelineLabels(dispatcher)).toHaveText(['上报', '受理', '立案', '派遣']);

  // ── 城管 signs for it and reports a result with a photo.
  const department = await signedIn(browser, 'dept-d02');
  // A department sees only its own buckets.
  await expect(department.getByTestId('status-tabs').getByRole('tab')).toHaveText([/^待签收/, /^处置中/, /^已超期/, /^督办中/, /^全部/]);
  await department.locator('[data-testid=queue-row]').first().click();
  await department.screenshot({ path: testInfo.outputPath('department-view.png'), animations: 'disabled' });
  await openCaseInDesk(department, caseNo, '待签收');
  await expect(moveButton(department, 'sign')).toBeVisible();
  await expect(moveButton(department, 'return')).toBeVisible();
  await expect(moveButton(department, 'dispatch')).toHaveCount(0);
  await moveButton(department, 'sign').click();
  await expect(paneStatus(department)).toHaveText('处置中');
  await expect(moveButton(department, 'sign')).toHaveCount(0);
  await expect(moveButton(department, 'request_extension')).toBeVisible();
  await submitResult(department, '已联合市场管理人员劝离摊贩，清理占道物品');
  await expect(pane(department).getByTestId('timeline-entry').last().getByTestId('photo-thumb')).toHaveCount(1);

  // ── The grid worker checks on site and fails it: back to the department as rework.
  const gridWorker = await signedIn(browser, 'gw004001001');
  await openCaseInDesk(gridWorker, caseNo, '待核查');
  await expect(moveButton(gridWorker, 'verify_pass')).toBeVisible();
  await moveWithText(gridWorker, 'verify_fail', '摊贩下午又回来了，人行道仍被占用');
  await expect(paneStatus(gridWorker)).toHaveText('处置中');
  await expect(timelineLabels(gridWorker).last()).toHaveText('核查不通过（返工）');
  await expect(pane(gridWorker).getByText('返工 1 次')).toBeVisible();
  await expect(moveButton(gridWorker, 'verify_pass')).toHaveCount(0);

  // ── The department handles it again.
  await department.reload();
  await expect(paneStatus(department)).toHaveText('处置中');
  await expect(timelineLabels(department).last()).toHaveText('核查不通过（返工）');
  await submitResult(department, '安排城管队员定时巡查，摊贩已入市经营');

  // ── The grid worker passes it this time.
  await gridWorker.reload();
  await expect(paneStatus(gridWorker)).toHaveText('待核查');
  await gridWorker.keyboard.press('v');
  const verifyDialog = gridWorker.getByTestId('move-dialog');
  await verifyDialog.getByTestId('move-confirm').click();
  await expect(paneStatus(gridWorker)).toHaveText('待结案');

  // ── The dispatcher closes it and records the callback: archived.
  await dispatcher.reload();
  await expect(paneStatus(dispatcher)).toHaveText('待结案');
  await dispatcher.keyboard.press('c');
  await expect(paneStatus(dispatcher)).toHaveText('待回访');
  await moveButton(dispatcher, 'record_callback').click();
  const callback = dispatcher.getByTestId('move-dialog');
  await callback.getByTestId('callback-satisfaction').getByText('满意', { exact: true }).click();
  await callback.getByTestId('move-confirm').click();
  await expect(paneStatus(dispatcher)).toHaveText('已归档');
  await expect(timelineLabels(dispatcher)).toHaveText([
    '上报', '受理', '立案', '派遣', '签收', '处置反馈', '核查不通过（返工）', '处置反馈', '核查通过', '结案', '回访',
  ]);
  await expect(pane(dispatcher).getByTestId('move-bar').getByRole('button')).toHaveCount(0);
});
