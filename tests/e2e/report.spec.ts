import { expect, test } from '@playwright/test';
import { ensureDemo, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

test('an unsent report survives a reload and can be discarded', async ({ browser }) => {
  const page = await signedIn(browser, 'shiftlead');
  await page.getByTestId('new-report').click();
  const form = page.getByTestId('report-dialog');
  await form.getByTestId('report-address').fill('龙溪街道松牌路12号');
  await form.getByTestId('report-description').fill('松牌路12号楼道里电瓶车飞线充电，电线从三楼窗户拉下来');
  await expect(form.getByTestId('report-guess').first()).toBeVisible();

  // A crash or reload before submitting: nothing typed is lost.
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId('new-report').click();
  await expect(form.getByTestId('draft-restored')).toBeVisible();
  await expect(form.getByTestId('report-description')).toHaveValue('松牌路12号楼道里电瓶车飞线充电，电线从三楼窗户拉下来');
  await expect(form.getByTestId('report-address')).toHaveValue('龙溪街道松牌路12号');

  // Bad input is refused in Chinese and keeps the text.
  await form.getByTestId('report-phone').fill('138-abc');
  await form.getByTestId('report-submit').click();
  await expect(form).toContainText('请选择街道、社区和网格');
  await expect(form).toContainText('电话号码格式不正确');
  await expect(form.getByTestId('report-description')).toHaveValue('松牌路12号楼道里电瓶车飞线充电，电线从三楼窗户拉下来');

  await form.getByTestId('discard-draft').click();
  await expect(form.getByTestId('report-description')).toHaveValue('');
  await page.reload();
  await page.getByTestId('new-report').click();
  await expect(form.getByTestId('draft-restored')).toHaveCount(0);
  await expect(form.getByTestId('report-description')).toHaveValue('');
});

test('emergency words make a new report urgent, with the reason shown', async ({ browser }) => {
  const page = await signedIn(browser, 'dispatcher');
  await page.getByTestId('new-report').click();
  const form = page.getByTestId('report-dialog');
  await form.getByTestId('report-description').fill('金港国际3栋楼道里闻到很浓的燃气泄漏味道，住户很害怕');
  await expect(form.getByTestId('report-urgent')).toContainText('燃气泄漏');
  await expect(form.getByTestId('report-priority').locator('.is-active')).toHaveText('加急');
});
