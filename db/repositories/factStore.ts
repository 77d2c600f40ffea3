import type { Knex } from 'knex';
import { DUE_FACTS, chinaDay, type CaseFact, type FactContext } from '../../core/assessment';
import type { MatterKind } from '../../core/api/types';
import { isSqlite } from '../connection';
import { JSON_ROWS_PER_STATEMENT, jsonColumns, jsonTuples, type Row, type WriteTx } from '../writePath';

/**
 * The rollup dimensions a fact counts under. Streets and communities are not stored: they
 * are the sums of their grids, which keeps each write to four totals at most.
 */
export type FactDim = 'department' | 'grid' | 'reporter' | 'grid_self';

export function factToRow(f: CaseFact, exempt: boolean): Row {
  const bucketAt = DUE_FACTS.includes(f.kind) && f.dueAt !== null ? f.dueAt : f.at;
  return {
    id: f.id,
    case_id: f.caseId,
    kind: f.kind,
    outcome: f.outcome,
    handler: f.handler,
    department_id: f.departmentId,
    grid_id: f.gridId,
    community_id: f.communityId,
    street_id: f.streetId,
    user_id: f.userId,
    at: f.at,
    due_at: f.dueAt,
    done_at: f.doneAt,
    bucket_day: chinaDay(bucketAt),
    on_time: f.doneAt === null || f.dueAt === null ? null : f.doneAt <= f.dueAt ? 1 : 0,
    weight: f.weight,
    exempt: exempt ? 1 : 0,
    place: f.place ? 1 : 0,
  };
}

/** What fact derivation needs beyond the events: the matter kind of each category that has one. */
export async function loadFactContext(db: Knex | Knex.Transaction): Promise<FactContext> {
  const rows = await db('categories').whereNotNull('matter_kind').select('id', 'matter_kind');
  const kinds = new Map(rows.map((r) => [r.id as string, r.matter_kind as MatterKind]));
  return { matterKind: (id) => kinds.get(id) ?? null };
}

function dimsOf(r: Row): Array<[FactDim, string]> {
  // A handler's earlier item counts for the handler only: the place counts the case once.
  const dims: Array<[FactDim, string]> = r.place === 0 ? [] : [['grid', r.grid_id as string]];
  if (r.department_id) dims.push(['department', r.department_id as string]);
  if (r.user_id) dims.push(['reporter', r.user_id as string]);
  if (r.handler === 'grid') dims.push(['grid_self', r.grid_id as string]);
  return dims;
}

/** Adds (sign +1) or removes (sign −1) fact rows' contributions to the daily totals. Exempt facts count nowhere. */
export function addContributions(totals: Map<string, Row>, rows: readonly Row[], sign: 1 | -1): void {
  for (const r of rows) {
    if (r.exempt) continue;
    const done = r.done_at === null || r.done_at === undefined ? 0 : 1;
    for (const [dim, target] of dimsOf(r)) {
      const outcome = (r.outcome as string | null) ?? '';
      const key = `${r.bucket_day}|${dim}|${target}|${r.kind}|${outcome}`;
      const t = totals.get(key) ?? { day: r.bucket_day, dim, target_id: target, kind: r.kind, outcome, total: 0, done: 0, on_time: 0, weight: 0 };
      t.total = (t.total as number) + sign;
      t.done = (t.done as number) + sign * done;
      t.on_time = (t.on_time as number) + sign * (r.on_time === 1 ? 1 : 0);
      t.weight = (t.weight as number) + sign * (r.weight as number);
      totals.set(key, t);
    }
  }
}

const UPSERT_ROWS = 400;

/** Facts a leader has exempted (免责): the newest ledger decision on each fact counts. */
export async function exemptFacts(db: Knex | Knex.Transaction, caseIds: readonly string[]): Promise<Set<string>> {
  const latest = new Map<string, string>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db('ledger_actions')
      .whereIn('case_id', caseIds.slice(i, i + 500))
      .whereIn('action', ['exempt', 'uphold'])
      .where('deleted', 0)
      .orderBy(['at', 'id'])
      .select('fact_id', 'action');
    for (const r of rows) latest.set(r.fact_id as string, r.action as string);
  }
  return new Set([...latest].filter(([, action]) => action === 'exempt').map(([factId]) => factId));
}

/** Applies summed changes to fact_days, and the same changes summed per month to fact_months, in a few statements (SQLite and PostgreSQL alike). */
export async function applyTotals(trx: Knex.Transaction, totals: Map<string, Row>): Promise<void> {
  const days = [...totals.values()].filter(changes);
  const months = new Map<string, Row>();
  for (const d of days) {
    const month = String(d.day).slice(0, 7);
    const key = `${month}|${d.dim}|${d.target_id}|${d.kind}|${d.outcome}`;
    const m = months.get(key);
    if (!m) months.set(key, { ...d, day: month });
    else for (const f of ['total', 'done', 'on_time', 'weight'] as const) m[f] = Number(m[f]) + Number(d[f]);
  }
  await upsertTotals(trx, 'fact_days', 'day', days);
  await upsertTotals(trx, 'fact_months', 'month', [...months.values()].filter(changes));
}

const changes = (t: Row): boolean => t.total !== 0 || t.done !== 0 || t.on_time !== 0 || t.weight !== 0;

const TOTAL_COLUMNS = ['day', 'dim', 'target_id', 'kind', 'outcome', 'total', 'done', 'on_time', 'weight'];

async function upsertTotals(trx: Knex.Transaction, table: 'fact_days' | 'fact_months', bucket: 'day' | 'month', rows: readonly Row[]): Promise<void> {
  const head = `insert into ${table} (${bucket}, dim, target_id, kind, outcome, total, done, on_time, weight)`;
  const merge = `on conflict (${bucket}, dim, target_id, kind, outcome) do update set
         total = ${table}.total + excluded.total, done = ${table}.done + excluded.done,
         on_time = ${table}.on_time + excluded.on_time, weight = ${table}.weight + excluded.weight`;
  // On SQLite, thousands of totals go in as one JSON text (see insertChunked); "where true"
  // tells SQLite's parser that the on conflict clause belongs to the insert, not to a join.
  if (isSqlite(trx)) {
    for (let i = 0; i < rows.length; i += JSON_ROWS_PER_STATEMENT) {
      const tuples = jsonTuples(rows.slice(i, i + JSON_ROWS_PER_STATEMENT), TOTAL_COLUMNS);
      if (tuples === null) return upsertBound(trx, head, merge, rows.slice(i));
      await trx.raw(`${head} select ${jsonColumns(TOTAL_COLUMNS.length)} from json_each(?) where true ${merge}`, [tuples]);
    }
    return;
  }
  await upsertBound(trx, head, merge, rows);
}

async function upsertBound(trx: Knex.Transaction, head: string, merge: string, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_ROWS) {
    const chunk = rows.slice(i, i + UPSERT_ROWS);
    const values = chunk.map(() => '(?,?,?,?,?,?,?,?,?)').join(',');
    const bindings = chunk.flatMap((r) => [r.day, r.dim, r.target_id, r.kind, r.outcome, r.total, r.done, r.on_time, r.weight]) as Knex.RawBinding[];
    await trx.raw(`${head} values ${values} ${merge}`, bindings);
  }
}

/**
 * Replaces the facts of these cases and moves the daily totals by the difference.
 * Exemptions decided on the ledger survive the rebuild.
 */
export async function writeFacts(tx: WriteTx, facts: readonly CaseFact[], caseIds: readonly string[], knownCaseIds: readonly string[]): Promise<void> {
  const totals = new Map<string, Row>();
  const exempt = await exemptFacts(tx.trx, caseIds);
  for (let i = 0; i < knownCaseIds.length; i += 500) {
    const old = await tx.trx('case_facts').whereIn('case_id', knownCaseIds.slice(i, i + 500)).select();
    addContributions(totals, old, -1);
  }
  if (knownCaseIds.length > 0) await tx.clearProjection('case_facts', 'case_id', knownCaseIds);
  const rows = facts.map((f) => factToRow(f, exempt.has(f.id)));
  addContributions(totals, rows, 1);
  await tx.writeProjection('case_facts', rows, 'insert');
  await applyTotals(tx.trx, totals);
}
