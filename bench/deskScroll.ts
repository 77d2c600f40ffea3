/**
 * The desk's virtual table on a big queue, in Debian's Chromium against a running GridDesk
 * bridge: how long a queue takes to show its first rows, how steadily it scrolls, and how soon
 * the rows are there after a jump of the scrollbar. A short queue (one tab, about 1,600
 * cases) is measured the same way in the same run, so the big queues are read against it.
 */
import { chromium, type Page } from 'playwright-core';
import { percentile, round } from './stats';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// In-page code is passed as text: the bench runs through tsx, whose helpers do not exist in the page.
const SCROLLER = `[...document.querySelectorAll('[data-testid=case-table] div')].find((e) => e.scrollHeight > e.clientHeight + 100)`;
const ON_SCREEN_ROWS = `(() => {
  const box = (${SCROLLER}).getBoundingClientRect();
  return [...document.querySelectorAll('[data-testid=queue-row]')].filter((r) => {
    const b = r.getBoundingClientRect();
    return b.bottom > box.top + 32 && b.top < box.bottom;
  });
})()`;

/** Frame intervals while the table scrolls 100 px a frame for three seconds, as a wheel does. */
const STEADY_SCROLL = `(async () => {
  const scroller = ${SCROLLER};
  const frames = [];
  let last = performance.now();
  const endAt = last + 3000;
  await new Promise((done) => {
    const step = (t) => {
      frames.push(t - last);
      last = t;
      scroller.scrollTop += 100;
      if (t < endAt) requestAnimationFrame(step); else done();
    };
    requestAnimationFrame(step);
  });
  return frames.slice(1);
})()`;

/** Milliseconds from setting the scrollbar to fraction f until every row on screen holds its case. */
const JUMP = (fraction: number) => `(async () => {
  const scroller = ${SCROLLER};
  const started = performance.now();
  scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * ${fraction};
  await new Promise((done) => {
    const check = () => {
      const rows = ${ON_SCREEN_ROWS};
      if (rows.length > 0 && rows.every((r) => r.dataset.caseId)) done(); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return performance.now() - started;
})()`;

export interface QueueScroll {
  view: string;
  listed_rows: number;
  first_rows_ms: number;
  frame_p50_ms: number;
  frame_p95_ms: number;
  jump_p50_ms: number;
  jump_p95_ms: number;
}

async function measureView(page: Page, baseUrl: string, view: string, hash: string): Promise<QueueScroll> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${baseUrl}/#/cases?${hash}`);
  await page.locator('[data-testid=queue-row]:not([data-case-id=""])').first().waitFor({ timeout: 60_000 });
  const firstRowsMs = Date.now() - started;
  const listed = await page.evaluate(`Math.round((${SCROLLER}).scrollHeight / document.querySelector('[data-testid=queue-row]').offsetHeight)`);
  const frames = (await page.evaluate(STEADY_SCROLL)) as number[];
  const jumps: number[] = [];
  for (let k = 1; k <= 10; k++) jumps.push((await page.evaluate(JUMP(((k * 7) % 11) / 11))) as number);
  return {
    view,
    listed_rows: listed as number,
    first_rows_ms: firstRowsMs,
    frame_p50_ms: round(percentile(frames, 50), 1),
    frame_p95_ms: round(percentile(frames, 95), 1),
    jump_p50_ms: round(percentile(jumps, 50)),
    jump_p95_ms: round(percentile(jumps, 95)),
  };
}

export async function measureDeskScroll(baseUrl: string, login: { username: string; password: string }): Promise<QueueScroll[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/#/login`);
    await page.getByLabel('用户名', { exact: true }).fill(login.username);
    await page.getByLabel('密码', { exact: true }).fill(login.password);
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.waitForURL(/#\/cases/);
    const results = [
      await measureView(page, baseUrl, '待受理 (short queue, baseline)', 'status=to_accept'),
      await measureView(page, baseUrl, '全文: 人行道 (about 100,000 cases)', `status=all&q=${encodeURIComponent('人行道')}`),
      await measureView(page, baseUrl, '全部 (every case)', 'status=all'),
    ];
    if (errors.length > 0) throw new Error(`the desk threw: ${errors.join('; ')}`);
    return results;
  } finally {
    await browser.close();
  }
}
