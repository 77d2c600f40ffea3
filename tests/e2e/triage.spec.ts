import { expect, test, type Page } from '@playwright/test';
import { ensureDemo, paneStatus, signedIn } from './helpers';

/** A danger described in plain words, without any alarm word: a missing cover over a deep hole where children pass. */
const DESCRIPTION = '幼儿园门口人行道上的下水道盖子不见了，露着一个深洞，接送孩子的家长很多';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

async function chooseOption(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name, exact: true }).click();
}

test('a danger described in plain words is suggested urgent, with who is at risk and from what', async ({ browser }, testInfo) => {
  const page = await signedIn(browser, 'dispatcher');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.getByTestId('new-report').click();
  const form = page.getByTestId('report-dialog');
  await chooseOption(page, 'report-street', '龙溪街道');
  await chooseOption(page, 'report-community', '金港社区');
  await chooseOption(page, 'report-grid', '金港社区第一网格');
  await form.getByTestId('report-address').fill('金港社区幼儿园门口');
  await form.getByTestId('report-description').fill(DESCRIPTION);

  // The report dialog: the category, the department, and urgency with its reasons.
  const urgency = form.getByTestId('report-urgent');
  await expect(form.getByTestId('report-guess').first()).toContainText('井盖破损缺失');
  await expect(urgency.getByTestId('urgency-verdict')).toHaveText('建议加急');
  await expect(urgency.getByTestId('urgency-reason').first()).toContainText('描述涉及儿童');
  await expect(urgency).toContainText('坑洞跌落');
  // The threshold is shown as it is (0.55), not rounded to a figure the score could seem to clear.
  await expect(urgency).toContainText('加急线 0.55');
  // The learned urgency model is a reason of its own, quoting the words that weighed.
  await expect(urgency.getByTestId('urgency-reason').filter({ hasText: '紧急度模型' }).locator('.word').first()).toBeVisible();
  await expect(form.getByTestId('report-priority').locator('.is-active')).toHaveText('加急');
  await page.screenshot({ path: testInfo.outputPath('new-report-urgency.png'), animations: 'disabled' });

  // The case pane shows the same judgement next to the category guesses and their deciding words.
  await form.getByTestId('report-submit').click();
  await expect(form).toBeHidden();
  await expect(paneStatus(page)).toHaveText('待受理');
  const suggestion = page.getByTestId('case-pane').getByTestId('triage-suggestion');
  await expect(suggestion.getByTestId('triage-guess').first()).toContainText('井盖破损缺失');
  await expect(suggestion.getByTestId('triage-guess').first().locator('.word').first()).toBeVisible();
  await expect(suggestion.getByTestId('triage-department')).toContainText('区市政设施运行保障中心');
  await expect(suggestion.getByTestId('urgency-verdict')).toHaveText('建议加急');
  await expect(suggestion.getByTestId('urgency-reason').first()).toContainText('描述涉及儿童');
  await page.screenshot({ path: testInfo.outputPath('case-pane-urgency.png'), animations: 'disabled' });
});

test('an ordinary report stays normal and says so', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  await page.getByTestId('new-report').click();
  const form = page.getByTestId('report-dialog');
  await form.getByTestId('report-description').fill('小区门口的垃圾桶满了，麻烦安排人来收一下');
  await expect(form.getByTestId('report-guess').first()).toContainText('垃圾满溢');
  await expect(form.getByTestId('report-urgent')).toHaveCount(0);
  await expect(form.getByTestId('report-priority').locator('.is-active')).toHaveText('一般');
});
