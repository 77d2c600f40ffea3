/**
 * bigscreen: how fast the wall first paints and whether it leaks while it refreshes.
 *
 * Opens the wall at 1920×1080 in Debian's Chromium against a running GridDesk server
 * (`node out/main/web.js`, with the demo loaded and a display key issued), refreshing every
 * 0.2 s so that 200 refresh cycles take about a minute instead of a quarter of an hour.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-precise-memory-info',
];
const BASELINE_CYCLES = 10;
const TOTAL_CYCLES = 200;

/** The counters the wall publishes (renderer/src/views/bigscreen/useBigScreenFeed.ts). */
interface WallCounters {
  __bigscreenReady?: number;
  __bigscreenRefreshes?: number;
}

async function waitForCycles(page: Page, cycles: number): Promise<void> {
  await page.waitForFunction((n) => ((globalThis as WallCounters).__bigscreenRefreshes ?? 0) >= n, cycles, { timeout: 10 * 60_000, polling: 50 });
}

/** Live JS heap after two full collections: what the page still holds, not what it has yet to free. */
async function settledHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * first_paint_ms: from navigation start (the page's performance.timeOrigin) to the moment the
 * wall has applied its first snapshot and every chart has drawn it. The wall records
 * performance.now() in window.__bigscreenReady right after Vue's patch in which each chart's
 * setOption ran; ECharts paints synchronously inside setOption, so every canvas holds the data
 * by then. It includes loading the app, the public setup check, the snapshot request and the
 * first render; it does not include the entry animations, which run on afterwards.
 *
 * heap_growth_pct: the live JS heap (after forced GC) once 200 refresh cycles have been applied,
 * against the same reading after the first 10 (by then code, fonts and charts are loaded and
 * the first-time allocations are done), in percent. A wall that leaks per refresh grows here.
 */
export async function measureBigScreen(baseUrl: string, key: string): Promise<{ first_paint_ms: number; heap_growth_pct: number }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${baseUrl}/#/bigscreen?key=${encodeURIComponent(key)}&refresh=0.2`);
    await page.waitForFunction(() => (globalThis as WallCounters).__bigscreenReady !== undefined, undefined, { timeout: 60_000 });
    const firstPaint = await page.evaluate(() => (globalThis as WallCounters).__bigscreenReady!);

    await waitForCycles(page, BASELINE_CYCLES);
    const baseline = await settledHeap(cdp);
    process.stderr.write(`bigscreen: first paint ${firstPaint.toFixed(0)} ms; heap after ${BASELINE_CYCLES} cycles ${(baseline / 1e6).toFixed(2)} MB\n`);
    await waitForCycles(page, TOTAL_CYCLES);
    const final = await settledHeap(cdp);
    process.stderr.write(`bigscreen: heap after ${TOTAL_CYCLES} cycles ${(final / 1e6).toFixed(2)} MB\n`);
    if (errors.length > 0) throw new Error(`the wall threw: ${errors.join('; ')}`);

    return { first_paint_ms: Math.round(firstPaint), heap_growth_pct: Math.round(((final - baseline) / baseline) * 10_000) / 100 };
  } finally {
    await browser.close();
  }
}

// `npx tsx bench/bigscreenPaint.ts http://127.0.0.1:7470 KEY` measures a server started by hand.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [baseUrl, key] = process.argv.slice(2);
  if (!baseUrl || !key) {
    console.error('usage: tsx bench/bigscreenPaint.ts BASE_URL DISPLAY_KEY');
    process.exit(2);
  }
  console.log(JSON.stringify(await measureBigScreen(baseUrl, key)));
}
