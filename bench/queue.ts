/**
 * queue: ten typical queue queries on a 1,000,000-case database, through the app's
 * handler (dispatcher → validation → role → handler → SQL → view) and, in the same run,
 * the very same SQL statements sent bare to SQLite on its own connection (bareSql.ts): once the plain way
 * (`db.all`, which prepares each time; `ratio` is against this) and once through statements
 * prepared before timing starts (`bare_prepared_*`), the least SQLite can do for that SQL.
 * The app keeps its prepared reads (db/statementCache.ts), so the second shows what the
 * handler's own layers cost. Then, with the app built (`npm run build`), the desk itself in
 * Chromium on the same database: first rows, scrolling and scrollbar jumps (deskScroll.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../electron/main/backend';
import { startBridge } from '../electron/main/bridge/httpBridge';
import { createDispatcher } from '../electron/main/dispatcher';
import { handlers } from '../electron/main/handlers';
import { BareSql } from './bareSql';
import { ensureBenchDatabase } from './benchDatabase';
import { classifierAccuracy } from './classifierAccuracy';
import { measureDeskScroll, type QueueScroll } from './deskScroll';
import { log, percentile, round } from './stats';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/.data/cases-1m.sqlite' },
    cases: { type: 'string', default: '1000000' },
    // A p95 of 1,000 samples is the 50th slowest; of 60 it would be the 3rd, and one stall would move it.
    runs: { type: 'string', default: '1000' },
  },
});
const dbFile = resolve(values.db);
const runs = Number(values.runs);

await ensureBenchDatabase(dbFile, Number(values.cases));

const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
const dispatch = createDispatcher(backend, handlers);
const caseCount = Number((await backend.knex('cases').count({ n: '*' }))[0]?.n);
const login = await dispatch('auth.login', { username: 'dispatcher', password: 'Demo@2026' }, null);
if (!login.ok) throw new Error(login.error.message);
const token = (login.result as { token: string }).token;
const reference = await backend.reference();
const street = reference.regions.find((r) => r.level === 'street')!;
const department = reference.departments.find((d) => d.code === 'D02')!;
const category = reference.categories.find((c) => c.name === '暴露垃圾')!;
const weekAgo = Date.now() - 7 * 86_400_000;

const QUERIES: Array<{ name: string; fts: boolean; input: Record<string, unknown> }> = [
  { name: 'tab 待受理', fts: false, input: { tab: 'to_accept' } },
  { name: 'tab 待派遣', fts: false, input: { tab: 'to_dispatch' } },
  { name: 'tab 处置中', fts: false, input: { tab: 'handling' } },
  { name: 'tab 已超期', fts: false, input: { tab: 'overdue' } },
  { name: 'tab 督办中', fts: false, input: { tab: 'supervised' } },
  { name: '处置中 + 街道', fts: false, input: { tab: 'handling', streetId: street.id } },
  { name: '处置中 + 部门', fts: false, input: { tab: 'handling', departmentId: department.id } },
  { name: '全部 + 类别, 按上报时间', fts: false, input: { categoryId: category.id, sort: 'reported_desc' } },
  { name: '红色时限 + 近7天上报', fts: false, input: { colour: 'red', reportedFrom: weekAgo } },
  { name: '黄色时限（临期）', fts: false, input: { colour: 'yellow' } },
  { name: '全文: 装修垃圾', fts: true, input: { q: '装修垃圾' } },
  { name: '全文(常见词): 人行道', fts: true, input: { q: '人行道' } },
  { name: '全文(两字): 噪音, 在办', fts: true, input: { q: '噪音', tab: 'handling' } },
];

/** The SQL the handler sends for one query, captured from knex, to replay bare. */
async function capture(input: Record<string, unknown>): Promise<Array<{ sql: string; bindings: unknown[] }>> {
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    if (/from [`"]?cases[`"]?/i.test(q.sql)) statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  backend.knex.on('query', listener);
  const response = await dispatch('cases.list', input, token);
  backend.knex.removeListener('query', listener);
  if (!response.ok) throw new Error(response.error.message);
  return statements;
}

// Every query, 100 times through the handler first: the backend's page cache and prepared
// statements are then as full as the timed runs leave them, and rss_mb is read now, before
// the bare connection (with a page cache of its own) shares the process.
const captured = new Map<string, Array<{ sql: string; bindings: unknown[] }>>();
for (const q of QUERIES) {
  captured.set(q.name, await capture(q.input));
  for (let i = 0; i < 100; i++) await dispatch('cases.list', q.input, token);
}
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
const bare = await BareSql.open(dbFile);

const results = [];
for (const q of QUERIES) {
  const statements = captured.get(q.name)!;
  const handlerTimes: number[] = [];
  const bareTimes: number[] = [];
  const preparedTimes: number[] = [];
  const timeHandler = async () => {
    const started = performance.now();
    const response = await dispatch('cases.list', q.input, token);
    if (!response.ok) throw new Error(response.error.message);
    return performance.now() - started;
  };
  const timers = [
    { time: timeHandler, into: handlerTimes },
    { time: () => bare.time({ statements, mode: 'plain' }), into: bareTimes },
    { time: () => bare.time({ statements, mode: 'prepared' }), into: preparedTimes },
  ];
  for (let i = 0; i < runs + 5; i++) {
    // Rotate which goes first, so the page cache and machine noise treat them alike; drop the warm-up runs.
    for (let k = 0; k < timers.length; k++) {
      const { time, into } = timers[(i + k) % timers.length]!;
      const ms = await time();
      if (i >= 5) into.push(ms);
    }
  }
  const p95 = percentile(handlerTimes, 95);
  const bareP95 = percentile(bareTimes, 95);
  results.push({
    name: q.name,
    fts: q.fts,
    p50_ms: round(percentile(handlerTimes, 50), 2),
    p95_ms: round(p95, 2),
    bare_p50_ms: round(percentile(bareTimes, 50), 2),
    bare_p95_ms: round(bareP95, 2),
    ratio: round(p95 / bareP95, 2),
    bare_prepared_p50_ms: round(percentile(preparedTimes, 50), 2),
    bare_prepared_p95_ms: round(percentile(preparedTimes, 95), 2),
  });
  log(`${q.name}: p50 ${round(percentile(handlerTimes, 50), 1)} ms, p95 ${round(p95, 1)} ms, bare p95 ${round(bareP95, 1)} ms, prepared p95 ${round(percentile(preparedTimes, 95), 1)} ms`);
}
await bare.close();

let desk: QueueScroll[] = [];
const staticDir = resolve('out/renderer');
if (existsSync(staticDir)) {
  log('scrolling the desk in Chromium…');
  const bridge = await startBridge({ dispatch, staticDir });
  try {
    desk = await measureDeskScroll(bridge.url, { username: 'dispatcher', password: 'Demo@2026' });
    for (const d of desk) log(`${d.view}: ${d.listed_rows} rows, first rows ${d.first_rows_ms} ms, frames p50 ${d.frame_p50_ms} / p95 ${d.frame_p95_ms} ms, jump p95 ${d.jump_p95_ms} ms`);
  } finally {
    await bridge.close();
  }
} else {
  log('out/renderer is missing: run `npm run build` first to scroll the desk in Chromium');
}
await backend.close();

log('classifier accuracy on the demo office…');
const classifier = await classifierAccuracy();
console.log(JSON.stringify({ bench: 'queue', cases: Number(caseCount), queries: results, rss_mb: rssMb, classifier, desk }));
