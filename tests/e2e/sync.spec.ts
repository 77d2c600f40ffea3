import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { E2E_PORT } from '../../playwright.config';
import { openHubDb, startHub, TestNode, type HubDb } from '../support/hubHarness';
import { createEnrolCode } from '../../server/nodes';
import { DEMO_PASSWORD, ensureDemo, signedIn } from './helpers';
import { startFreshBridge, type FreshBridge } from './freshBridge';

test.describe('a workstation working alone', () => {
  test.beforeAll(async ({ request }) => {
    await ensureDemo(request);
  });

  test('the header chip says 单机运行 and lists the writes kept on this PC', async ({ browser }) => {
    const page = await signedIn(browser, 'dispatcher');
    const chip = page.getByTestId('sync-chip');
    await expect(chip).toContainText('单机运行');
    await chip.click();
    const details = page.getByTestId('sync-details');
    await expect(details).toContainText('本机尚未加入区级中心');
    await expect(details.getByTestId('sync-details-pending')).toHaveText(/^\d+$/);
    await expect(details.getByTestId('sync-now')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/e2e/sync-chip-standalone.png' });
  });

  test('系统管理 → 同步设置 refuses an unreachable hub with a Chinese message and stays standalone', async ({ browser }) => {
    const page = await signedIn(browser, 'admin');
    await page.goto('/#/admin?tab=sync');
    const settings = page.getByTestId('sync-settings');
    await settings.getByTestId('sync-hub-url').fill('http://127.0.0.1:9');
    await settings.getByTestId('sync-code').fill('ABCDEFGH');
    await settings.getByTestId('sync-node-name').fill('测试工作站');
    await settings.getByTestId('sync-enrol').click();
    await expect(settings.getByTestId('sync-settings-error')).toContainText('无法连接同步服务器');
    await page.screenshot({ path: 'test-results/e2e/sync-settings-refused.png' });
    await expect(page.getByTestId('sync-chip')).toContainText('单机运行');
  });
});

test.describe('a workstation joined to a hub', () => {
  // Its own bridge and database: enrolling changes case numbers, which the shared database's specs check.
  const PORT = E2E_PORT + 1000;
  let bridge: FreshBridge;
  let hubDb: HubDb;
  let hub: FastifyInstance;
  let hubUrl: string;

  test.beforeAll(async ({ request }) => {
    test.setTimeout(180_000);
    hubDb = await openHubDb('sqlite');
    hub = startHub(hubDb.knex);
    await hub.listen({ port: 0, host: '127.0.0.1' });
    hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
    bridge = await startFreshBridge(PORT);
    await ensureDemo(request, bridge.base);
  });
  test.afterAll(async () => {
    await bridge?.stop();
    await hub?.close();
    await hubDb?.close();
  });

  async function admin(page: Page): Promise<void> {
    await page.goto(`${bridge.base}/#/login`);
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/#\/cases/);
  }

  test('enrols with a code, syncs, and shows an edit overwritten from elsewhere in the conflict inbox', async ({ page }) => {
    // The demo office is about 17,000 outbox rows: the first push to an embedded hub takes a while.
    test.setTimeout(420_000);
    await admin(page);
    const { code } = await createEnrolCode(hubDb.knex, { kind: 'district' }, Date.now());
    await page.goto(`${bridge.base}/#/admin?tab=sync`);
    const settings = page.getByTestId('sync-settings');
    await settings.getByTestId('sync-hub-url').fill(hubUrl);
    await settings.getByTestId('sync-code').fill(code);
    await settings.getByTestId('sync-node-name').fill('金港街道指挥中心');
    await settings.getByTestId('sync-enrol').click();
    await expect(settings.getByTestId('sync-scope')).toHaveText('全区');
    await page.screenshot({ path: 'test-results/e2e/sync-settings-enrolled.png' });

    const chip = page.getByTestId('sync-chip');
    await chip.click();
    await page.getByTestId('sync-now').click();
    await expect(chip).toContainText('同步中'); // the loop started at enrolment is pushing the office
    await page.screenshot({ path: 'test-results/e2e/sync-chip-syncing.png' });
    await expect(chip).toContainText('已同步', { timeout: 300_000 });
    await expect(page.getByTestId('sync-details-pending')).toHaveText('0');

    // This PC edits a department's phone; another district node edits it later, straight on the hub.
    const departments = await page.evaluate(async () => {
      const token = sessionStorage.getItem('griddesk.token');
      const r = await fetch('/api/departments.list', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
      return ((await r.json()) as { result: { id: string; code: string; name: string }[] }).result;
    });
    const dept = departments[0]!;
    await page.evaluate(async (d) => {
      const token = sessionStorage.getItem('griddesk.token');
      await fetch('/api/departments.save', {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: d.id, code: d.code, name: d.name, phone: '023-61110001' }),
      });
    }, dept);
    const other = await TestNode.enrol(hub, hubDb.knex, { kind: 'district' }, '区指挥中心');
    await new Promise((r) => setTimeout(r, 20));
    const answer = await other.push([other.change('departments', 'update', { id: dept.id, phone: '023-61110002' }, { columns: ['phone'] })]);
    expect(answer.rejected).toEqual([]);

    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-conflicts')).toContainText('1', { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/e2e/sync-chip-conflict.png' });
    await page.getByTestId('sync-open-inbox').click();
    const inbox = page.getByTestId('sync-inbox');
    const row = inbox.locator('.el-table__row', { hasText: '023-61110001' });
    await expect(row).toContainText('修改被覆盖');
    await expect(row).toContainText('023-61110002');
    await page.screenshot({ path: 'test-results/e2e/sync-inbox.png' });
    await row.locator('.el-checkbox').click();
    await inbox.getByTestId('sync-inbox-acknowledge').click();
    await expect(inbox.locator('.el-table__row', { hasText: '023-61110001' })).toHaveCount(0);
  });
});
