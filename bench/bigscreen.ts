/**
 * bigscreen: the wall's data handler on the 1,000,000-case database (daily totals and
 * indexed counts) against the same numbers counted by bare SQL over the cases and their
 * facts, in the same run; then the wall itself in Chromium: first paint and heap growth
 * over 200 refreshes.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chinaDay } from '../core/assessment';
import { OPEN_STATUSES } from '../core/domain/case';
import { activeScheme } from '../db/repositories/assessment/schemes';
import { loadTargets } from '../db/repositories/assessment/targets';
import { PeriodTotals } from '../db/repositories/assessment/totals';
import { Backend } from '../electron/main/backend';
import { startBridge } from '../electron/main/bridge/httpBridge';
import { createDispatcher } from '../electron/main/dispatcher';
import { handlers } from '../electron/main/handlers';
import { departmentRanking, gridMetrics, monthOf, periodBounds, streetRadar } from '../electron/main/services/dashboard';
import { displayKey } from '../electron/main/services/displayKey';
import { ensureBenchDatabase } from './benchDatabase';
import { measureBigScreen } from './bigscreenPaint';
import { log, median, round } from './stats';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'bench/.data/cases-1m.sqlite' }, runs: { type: 'string', default: '30' } } });
const dbFile = resolve(values.db);
await ensureBenchDatabase(dbFile);
const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
const dispatch = createDispatcher(backend, handlers);
const caseCount = Number((await backend.knex('cases').count({ n: '*' }))[0]?.n);
const key = await displayKey(backend);
const scheme = (await activeScheme(backend.knex))!.definition;

/** The same panels counted bare: facts grouped on the fly, cases scanned for the rest. */
async function bareSnapshot(): Promise<void> {
  const now = Date.now();
  const { knex } = backend;
  const month = periodBounds(monthOf(now));
  const totals = await PeriodTotals.loadFromFacts(knex, month.fromDay, month.toDay, chinaDay(now));
  const startOfDay = Date.parse(`${chinaDay(now)}T00:00:00+08:00`);
  await knex('cases').where('reported_at', '>=', startOfDay).count({ n: '*' });
  await knex('cases').whereIn('status', OPEN_STATUSES).count({ n: '*' });
  await knex('cases').where('deadline_sort', '<', now).count({ n: '*' });
  await knex('cases').where('stage_warn_at', '<=', now).where('deadline_sort', '>=', now).count({ n: '*' });
  await knex('cases').orderBy('reported_at', 'desc').limit(20).select('id');
  await departmentRanking(knex, scheme, totals);
  await streetRadar(knex, scheme, totals);
  await gridMetrics(knex, scheme, totals, now, await loadTargets(knex, 'grid'));
  await knex('cases').where('reported_at', '>=', month.from).where('reported_at', '<', month.to).select('status').count({ n: '*' }).groupBy('status');
  await knex.raw(
    "select strftime('%Y-%m-%d', reported_at / 1000 + 8 * 3600, 'unixepoch') as day, count(*) as n from cases where reported_at >= ? group by day",
    [now - 30 * 86_400_000],
  );
}

const handlerTimes: number[] = [];
const bareTimes: number[] = [];
for (let i = 0; i < Number(values.runs) + 3; i++) {
  let started = performance.now();
  const response = await dispatch('bigscreen.snapshot', { key }, null);
  const handlerMs = performance.now() - started;
  if (!response.ok) throw new Error(response.error.message);
  started = performance.now();
  await bareSnapshot();
  const bareMs = performance.now() - started;
  if (i >= 3) {
    handlerTimes.push(handlerMs);
    bareTimes.push(bareMs);
  }
}
log(`handler median ${round(median(handlerTimes))} ms, bare median ${round(median(bareTimes))} ms`);

let paint = { first_paint_ms: NaN, heap_growth_pct: NaN };
const staticDir = resolve('out/renderer');
if (existsSync(staticDir)) {
  const bridge = await startBridge({ dispatch, staticDir });
  try {
    log('measuring the wall in Chromium (200 refreshes)…');
    paint = await measureBigScreen(bridge.url, key);
  } finally {
    await bridge.close();
  }
} else {
  log('out/renderer is missing: run `npm run build` first to measure the wall in Chromium');
}
await backend.close();
console.log(JSON.stringify({
  bench: 'bigscreen',
  cases: caseCount,
  handler_ms: round(median(handlerTimes)),
  bare_ms: round(median(bareTimes)),
  first_paint_ms: round(paint.first_paint_ms),
  heap_growth_pct: round(paint.heap_growth_pct, 2),
}));
