import { defineConfig } from '@playwright/test';

// Overridable so several checkouts can run their e2e suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 7431);

/**
 * e2e tests drive Debian's Chromium against the real backend through the HTTP bridge
 * (the Electron binary cannot be downloaded on the build machines).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    // A fresh database each run; tests load the demo office through the API when they need it.
    command: `rm -rf test-results/e2e-db && node out/main/web.js --db test-results/e2e-db/griddesk.sqlite --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    // The personal-data key of browser mode (registers, issue 12): a throwaway passphrase for the throwaway database.
    env: { ...process.env, GRIDDESK_PASSPHRASE: process.env.GRIDDESK_PASSPHRASE ?? 'e2e personal data passphrase' } as Record<string, string>,
  },
});
