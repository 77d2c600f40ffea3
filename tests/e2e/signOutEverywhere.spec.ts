import { expect, test } from '@playwright/test';
import { ensureDemo, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

test('"sign out everywhere" ends the sessions in other browsers too', async ({ browser }) => {
  const elsewhere = await signedIn(browser, 'shiftlead');
  const here = await signedIn(browser, 'shiftlead');
  await here.getByTestId('sign-out-more').click();
  await here.getByTestId('sign-out-everywhere').click();
  await expect(here.getByRole('dialog')).toContainText('所有电脑和浏览器');
  await here.screenshot({ path: 'test-results/e2e/sign-out-everywhere.png' });
  await here.getByRole('button', { name: '全部退出' }).click();
  await expect(here).toHaveURL(/#\/login/);

  // The other browser's token is dead: after a reload it is sent to the login page.
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/#\/login/);
});
