/**
 * ingest: 100,000 cases with their events through the write path (fold, projection,
 * outbox, clock) against the same rows in bare knex batch inserts, in the same run.
 * Batches alternate between the two so machine noise hits both alike.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CaseEvent } from '../core/workflow/events';
import { foldCase } from '../core/workflow/fold';
import { caseFacts } from '../core/assessment/facts';
import { addContributions, factToRow } from '../db/repositories/factStore';
import { openDatabase } from '../db/connection';
import { departmentRows, eventToRow, searchBody, stateRow, stateToRow } from '../db/repositories/caseRows';
import { ingestNewCases } from '../db/repositories/caseStore';
import { Random } from '../db/seed/random';
import { writeDemoOffice } from '../db/seed/reference';
import { caseNumberer, simulateCases } from '../db/seed/world';
import { WritePath } from '../db/writePath';
import { log, median, round } from './stats';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, batch: { type: 'string', default: '1000' } } });
const totalCases = Number(values.cases);
const batchCases = Number(values.batch);
const dir = resolve('bench/.data/ingest');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

async function office(file: string, rng: Random) {
  const knex = await openDatabase({ client: 'sqlite', filename: join(dir, file) });
  const writePath = await WritePath.open(knex);
  const { world } = await writePath.transaction((tx) => writeDemoOffice(tx, rng));
  return { knex, writePath, world };
}

// Both databases get the same reference data (same seed), so ids and foreign keys match.
const viaWritePath = await office('write-path.sqlite', new Random(1));
const bare = await office('bare.sqlite', new Random(1));

log(`simulating ${totalCases} cases…`);
const rng = new Random(2);
const nextNo = caseNumberer();
const batches: CaseEvent[][] = [];
for (let done = 0; done < totalCases; done += batchCases) {
  batches.push(simulateCases(viaWritePath.world, rng, Date.now(), Math.min(batchCases, totalCases - done), 365, { nextNo, duplicateShare: 0 }));
}
const eventCount = batches.reduce((n, b) => n + b.length, 0);

// The bare side gets its rows ready-made: it measures only the database's own work.
const bareRows = batches.map((events) => {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const states = [...byCase.values()].map((list) => foldCase(list));
  const facts = [...byCase.values()].flatMap((list) => caseFacts(list)).map((f) => factToRow(f, false));
  const totals = new Map();
  addContributions(totals, facts, 1);
  return {
    facts,
    totals: [...totals.values()],
    events: events.map(eventToRow),
    cases: states.map(stateToRow),
    caseStates: states.map(stateRow),
    caseDepartments: states.flatMap(departmentRows),
    search: states.map((s) => ({ case_id: s.id, body: searchBody(s) })),
  };
});

const writePathTimes: number[] = [];
const bareTimes: number[] = [];
for (let i = 0; i < batches.length; i++) {
  let started = performance.now();
  await viaWritePath.writePath.transaction((tx) => ingestNewCases(tx, batches[i]!));
  writePathTimes.push(performance.now() - started);

  started = performance.now();
  await bare.knex.transaction(async (trx) => {
    const rows = bareRows[i]!;
    await trx.batchInsert('case_events', rows.events, 500);
    await trx.batchInsert('cases', rows.cases, 500);
    await trx.batchInsert('case_states', rows.caseStates, 500);
    await trx.batchInsert('case_departments', rows.caseDepartments, 500);
    const rowids = new Map<string, number>();
    for (let k = 0; k < rows.cases.length; k += 500) {
      const ids = rows.cases.slice(k, k + 500).map((c) => c.id as string);
      for (const r of await trx('cases').whereIn('id', ids).select('rowid', 'id')) rowids.set(r.id, r.rowid);
    }
    await trx.batchInsert('cases_fts', rows.search.map((r) => ({ rowid: rowids.get(r.case_id), body: r.body })), 500);
    await trx.batchInsert('case_facts', rows.facts, 500);
    for (let k = 0; k < rows.totals.length; k += 500) {
      await trx('fact_days').insert(rows.totals.slice(k, k + 500)).onConflict(['day', 'dim', 'target_id', 'kind', 'outcome']).merge({
        total: trx.raw('fact_days.total + excluded.total'), done: trx.raw('fact_days.done + excluded.done'),
        on_time: trx.raw('fact_days.on_time + excluded.on_time'), weight: trx.raw('fact_days.weight + excluded.weight'),
      });
    }
  });
  bareTimes.push(performance.now() - started);
  if ((i + 1) % 10 === 0) log(`${(i + 1) * batchCases} cases`);
}

const [wpCases] = await viaWritePath.knex('cases').count({ n: '*' });
const [bareCases] = await bare.knex('cases').count({ n: '*' });
const [outbox] = await viaWritePath.knex('outbox').count({ n: '*' });
if (Number(wpCases!.n) !== Number(bareCases!.n) || Number(outbox!.n) < eventCount) throw new Error('the two sides did not write the same rows');
await viaWritePath.knex.destroy();
await bare.knex.destroy();

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const writePathMs = sum(writePathTimes);
const bareMs = sum(bareTimes);
log(`events: ${eventCount}; per-batch median write path ${round(median(writePathTimes))} ms, bare ${round(median(bareTimes))} ms`);
console.log(
  JSON.stringify({
    bench: 'ingest',
    rows: totalCases,
    events: eventCount,
    write_path_ms: Math.round(writePathMs),
    bare_ms: Math.round(bareMs),
    ratio: round(writePathMs / bareMs, 2),
    batch_cases: batchCases,
    median_batch_write_path_ms: round(median(writePathTimes)),
    median_batch_bare_ms: round(median(bareTimes)),
    median_batch_ratio: round(median(writePathTimes) / median(bareTimes), 2),
  }),
);
