import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, queueRows } from './helpers';

/** A second bridge on its own empty database, so this spec sees the first-run setup page. */
const PORT = 7432;
const BASE = `http://127.0.0.1:${PORT}`;
let child: ChildProcess | undefined;
let dir = '';

async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`bridge exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'griddesk-setup-'));
  const root = resolve(import.meta.dirname, '../..');
  child = spawn(process.execPath, ['out/main/web.js', '--db', join(dir, 'g.sqlite'), '--port', String(PORT)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  await waitUntilAnswering(`${BASE}/`, 60_000);
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a fresh database offers setup, loads the demo office and shows its logins', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${BASE}/`);

  await expect(page).toHaveURL(/#\/setup/);
  await expect(page.getByText('首次使用设置')).toBeVisible();
  await expect(page.getByRole('button', { name: '创建并启用' })).toBeVisible();

  await page.getByTestId('load-demo').click();
  const logins = page.getByTestId('demo-logins');
  await expect(logins).toBeVisible({ timeout: 90_000 });
  const dispatcherRow = logins.locator('tr', { hasText: 'dispatcher' });
  await expect(dispatcherRow).toContainText(DEMO_PASSWORD);
  await expect(dispatcherRow).toContainText('调度员');

  await page.getByRole('button', { name: '前往登录' }).click();
  await expect(page).toHaveURL(/#\/login/);
  await expect(page.getByLabel('用户名', { exact: true })).toHaveValue('dispatcher');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page).toHaveURL(/#\/cases/);
  await expect(queueRows(page).first()).toBeVisible();

  // Setup is one-off: once users exist, the setup route leads to sign-in instead.
  await page.goto(`${BASE}/#/setup`);
  await expect(page).not.toHaveURL(/#\/setup/);
});
