import type { Knex } from 'knex';
import type sqlite3 from 'sqlite3';
import { isSqlite } from './connection';

type Row = Record<string, unknown>;

// SQLite allows 32,766 bound variables per statement; the same budget as insertChunked.
const MAX_VARIABLES = 30_000;
const MAX_ROWS_PER_STATEMENT = 500;

const quote = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier: ${name}`);
  return `"${name}"`;
};

const run = (statement: sqlite3.Statement, bindings: unknown[]): Promise<void> =>
  new Promise((done, fail) => statement.run(bindings, (err) => (err ? fail(err) : done())));
const finalize = (statement: sqlite3.Statement): Promise<void> => new Promise((done) => statement.finalize(() => done()));

/**
 * Tens of thousands of rows (a register import) into one table of a SQLite transaction. Each full
 * chunk runs one multi-row INSERT prepared once: knex's raw path rescans the SQL text for `?` and
 * SQLite parses it again for every chunk, which was about a third of a 100,000-resident import's
 * insert time. The last, shorter chunk and PostgreSQL go the plain way. Every row must have the
 * columns of the first.
 */
export async function insertPrepared(trx: Knex.Transaction, table: string, rows: readonly Row[], plain: (trx: Knex.Transaction, table: string, rows: readonly Row[]) => Promise<void>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const size = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_VARIABLES / columns.length)));
  if (!isSqlite(trx) || rows.length < size * 2) return plain(trx, table, rows);
  const whole = rows.length - (rows.length % size);
  // Inside a transaction knex hands out the transaction's own connection.
  const connection = (await trx.client.acquireConnection()) as sqlite3.Database;
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const statement = connection.prepare(`insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${Array(size).fill(tuple).join(',')}`);
  try {
    const bindings: unknown[] = new Array(size * columns.length);
    for (let start = 0; start < whole; start += size) {
      let k = 0;
      for (let i = start; i < start + size; i++) {
        const row = rows[i]!;
        for (const c of columns) bindings[k++] = row[c] ?? null;
      }
      await run(statement, bindings);
    }
  } finally {
    await finalize(statement);
  }
  await plain(trx, table, rows.slice(whole));
}
