import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { HybridClock } from '../core/sync/hlc';
import { insertPrepared } from './bulkInsert';
import { isSqlite } from './connection';
import { DEFAULT_BUSY_WAIT_MS, takeWriteLock } from './writeLock';

/** Tables whose rows travel between nodes; every write to them is recorded in the outbox. */
export const SYNCED_TABLES = [
  'regions', 'departments', 'users', 'categories', 'calendar_days', 'organisations', 'settings', 'case_events', 'audit_log', 'attachments', 'schemes', 'assessment_runs', 'ledger_actions',
  'category_versions',
  // registry (issue 12)
  'households', 'residents', 'houses', 'city_components', 'register_verifications',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Tables derived locally from synced rows: rebuilt on each node, never pushed. */
export type ProjectionTable = 'cases' | 'case_states' | 'case_departments' | 'cases_fts' | 'case_facts' | 'assessment_run_facts';

export type Row = Record<string, unknown>;

// SQLite allows 32,766 bound variables per statement; stay well below it.
const MAX_VARIABLES = 30_000;
const MAX_ROWS_PER_STATEMENT = 500;

function chunkSize(sample: Row | undefined): number {
  const columns = sample ? Object.keys(sample).length : 1;
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_VARIABLES / columns)));
}

/**
 * Multi-row INSERT ... VALUES: knex writes SQLite batches as INSERT ... SELECT ... UNION ALL,
 * which is several times slower for the thousands of rows an import or a seed writes.
 * Every row must have the same columns as the first.
 */
export async function insertChunked(trx: Knex | Knex.Transaction, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const size = chunkSize(rows[0]);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const head = `insert into ${quote(table)} (${columns.map(quote).join(',')}) values `;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const bindings: unknown[] = [];
    for (const row of chunk) {
      for (const c of columns) bindings.push(row[c] === undefined ? null : row[c]);
    }
    await trx.raw(head + Array(chunk.length).fill(tuple).join(','), bindings as Knex.RawBinding[]);
  }
}

const quote = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier: ${name}`);
  return `"${name}"`;
};

/** One transaction's writes. Every synced write appends its outbox entry in the same transaction. */
export class WriteTx {
  private readonly outbox: Row[] = [];

  constructor(
    readonly trx: Knex.Transaction,
    private readonly clock: HybridClock,
  ) {}

  /** Inserts synced rows. A row may carry its own `hlc` (events are stamped when decided). */
  async insert(table: SyncedTable, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const stamped: Row[] = rows.map((row) => ({ deleted: 0, ...row, hlc: (row.hlc as string | undefined) ?? this.clock.tick() }));
    await insertChunked(this.trx, table, stamped);
    for (const row of stamped) {
      this.outbox.push({ table_name: table, row_id: row.id, op: 'insert', hlc: row.hlc, columns: null });
    }
  }

  /** As insert, for the tens of thousands of rows of a register import: one prepared statement for the whole batch. */
  async insertBulk(table: SyncedTable, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const stamped: Row[] = rows.map((row) => ({ deleted: 0, ...row, hlc: (row.hlc as string | undefined) ?? this.clock.tick() }));
    await insertPrepared(this.trx, table, stamped, insertChunked);
    for (const row of stamped) {
      this.outbox.push({ table_name: table, row_id: row.id, op: 'insert', hlc: row.hlc, columns: null });
    }
  }

  /** Changes some columns of a synced row; the outbox names them for per-column last-writer-wins. */
  async update(table: SyncedTable, id: string, patch: Row): Promise<void> {
    const columns = Object.keys(patch).filter((c) => c !== 'id' && c !== 'hlc');
    if (columns.length === 0) return;
    const hlc = this.clock.tick();
    const changed = await this.trx(table).where({ id }).update({ ...patch, hlc });
    if (changed === 0) throw new Error(`${table} 中没有编号为 ${id} 的记录`);
    this.outbox.push({ table_name: table, row_id: id, op: 'update', hlc, columns: JSON.stringify(columns) });
  }

  /** Deletes are tombstones, so the deletion itself can sync. */
  async tombstone(table: SyncedTable, id: string): Promise<void> {
    const hlc = this.clock.tick();
    const changed = await this.trx(table).where({ id }).update({ deleted: 1, hlc });
    if (changed === 0) throw new Error(`${table} 中没有编号为 ${id} 的记录`);
    this.outbox.push({ table_name: table, row_id: id, op: 'delete', hlc, columns: null });
  }

  /** Writes derived rows. Not outboxed: each node rebuilds them from the synced rows. Upserts key on `id`. */
  async writeProjection(table: ProjectionTable, rows: readonly Row[], mode: 'insert' | 'upsert'): Promise<void> {
    if (rows.length === 0) return;
    if (mode === 'insert') return insertChunked(this.trx, table, rows);
    const size = chunkSize(rows[0]);
    for (let i = 0; i < rows.length; i += size) {
      await this.trx(table).insert(rows.slice(i, i + size)).onConflict('id').merge();
    }
  }

  /** Removes derived rows before they are rebuilt. */
  async clearProjection(table: ProjectionTable, column: string, values: readonly string[]): Promise<void> {
    for (let i = 0; i < values.length; i += MAX_ROWS_PER_STATEMENT) {
      await this.trx(table).whereIn(column, values.slice(i, i + MAX_ROWS_PER_STATEMENT)).delete();
    }
  }

  nextHlc(): string {
    return this.clock.tick();
  }

  /** Called by WritePath before commit. */
  async flushOutbox(): Promise<void> {
    await insertPrepared(this.trx, 'outbox', this.outbox, insertChunked);
    this.outbox.length = 0;
  }
}

export class WritePath {
  /** How long a write waits for another process's lock on the SQLite file (tests shorten it). */
  busyWaitMs: number | undefined;

  private constructor(
    readonly knex: Knex,
    readonly clock: HybridClock,
  ) {}

  get nodeId(): string {
    return this.clock.node;
  }

  /** Loads this node's identity and clock, creating them on first use. */
  static async open(knex: Knex, now: () => number = Date.now): Promise<WritePath> {
    let state = await knex('sync_state').where({ singleton: 1 }).first();
    if (!state) {
      state = { singleton: 1, node_id: randomBytes(8).toString('hex'), hlc_wall: 0, hlc_counter: 0, created_at: now() };
      await knex('sync_state').insert(state);
    }
    const clock = new HybridClock(state.node_id, now, { wall: Number(state.hlc_wall), counter: Number(state.hlc_counter) });
    return new WritePath(knex, clock);
  }

  /** Runs `work` in one transaction: its rows, their outbox entries and the clock commit together or not at all. */
  async transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.knex.transaction(async (trx) => {
      if (isSqlite(this.knex)) await takeWriteLock(trx, this.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS);
      const tx = new WriteTx(trx, this.clock);
      const result = await work(tx);
      await tx.flushOutbox();
      const { wall, counter } = this.clock.state;
      await trx('sync_state').where({ singleton: 1 }).update({ hlc_wall: wall, hlc_counter: counter });
      return result;
    });
  }
}
