/**
 * scoring: a one-month draft for all five kinds of target (departments, streets,
 * communities, grids, grid workers) on the 1,000,000-case database, against a bare SQL
 * scan that groups the same month's cases by department, in the same run.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chinaDay, periodOf, type PeriodSpec } from '../core/assessment';
import { activeScheme } from '../db/repositories/assessment/schemes';
import { Backend } from '../electron/main/backend';
import { computeScorecards } from '../electron/main/services/scorecards';
import { ensureBenchDatabase } from './benchDatabase';
import { log, median, round } from './stats';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'bench/.data/cases-1m.sqlite' }, runs: { type: 'string', default: '15' } } });
const dbFile = resolve(values.db);
await ensureBenchDatabase(dbFile);
const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
const caseCount = Number((await backend.knex('cases').count({ n: '*' }))[0]?.n);
const scheme = (await activeScheme(backend.knex))!;

// The last full month before today.
const [y, m] = chinaDay(Date.now()).split('-').map(Number) as [number, number];
const spec: PeriodSpec = m === 1 ? { kind: 'month', year: y - 1, month: 12 } : { kind: 'month', year: y, month: m - 1 };
const period = periodOf(spec);
const from = Date.parse(`${period.fromDay}T00:00:00+08:00`);
const to = Date.parse(`${period.toDay}T00:00:00+08:00`);

const draftTimes: number[] = [];
const bareTimes: number[] = [];
let targets = 0;
for (let i = 0; i < Number(values.runs) + 2; i++) {
  let started = performance.now();
  const set = await computeScorecards(backend.knex, scheme.definition, spec, Date.now());
  const draftMs = performance.now() - started;
  targets = Object.values(set.kinds).reduce((n, rows) => n + rows.length, 0);
  started = performance.now();
  await backend.knex.raw(
    `select department_id, count(*) as cases, sum(case when closed_at is not null then 1 else 0 end) as closed,
            sum(case when stage_deadline_at < ? then 1 else 0 end) as overdue
     from cases where reported_at >= ? and reported_at < ? group by department_id`,
    [Date.now(), from, to],
  );
  const bareMs = performance.now() - started;
  if (i >= 2) {
    draftTimes.push(draftMs);
    bareTimes.push(bareMs);
  }
}
await backend.close();
const draftMs = median(draftTimes);
const bareMs = median(bareTimes);
log(`${period.label}: ${targets} targets scored; draft median ${round(draftMs)} ms, bare median ${round(bareMs)} ms`);
console.log(JSON.stringify({ bench: 'scoring', cases: caseCount, period: period.label, targets, draft_ms: round(draftMs), bare_ms: round(bareMs), ratio: round(draftMs / bareMs, 2) }));
