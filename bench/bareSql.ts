/**
 * The queue bench's bare-SQL side, in a process of its own so that the bench's rss_mb is the
 * backend's memory alone (a second SQLite connection with its own 64 MB page cache, and the
 * malloc arenas of its threads, would otherwise count as the backend's). It times itself;
 * the parent only says which statements to run and how.
 */
import sqlite3 from 'sqlite3';

export interface BareRequest {
  statements: Array<{ sql: string; bindings: unknown[] }>;
  /** plain: `db.all`, prepared each call; prepared: statements prepared once, before timing. */
  mode: 'plain' | 'prepared';
}

const file = process.argv[2];
if (!file || !process.send) throw new Error('bareSql runs as a child of the queue bench: fork(bareSql.ts, [dbFile])');
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
const prepared = new Map<string, sqlite3.Statement>();

const plainAll = (sql: string, bindings: unknown[]) =>
  new Promise<void>((done, fail) => db.all(sql, bindings, (err) => (err ? fail(err) : done())));
function preparedAll(sql: string, bindings: unknown[]): Promise<void> {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
  const ready = statement;
  return new Promise<void>((done, fail) => ready.all(bindings, (err) => (err ? fail(err) : done())));
}

db.exec('PRAGMA cache_size = -65536', (err) => {
  if (err) throw err;
  process.send!({ ready: true });
});
process.on('message', async (request: BareRequest | 'close') => {
  if (request === 'close') {
    for (const statement of prepared.values()) statement.finalize();
    db.close(() => process.exit(0));
    return;
  }
  const run = request.mode === 'plain' ? plainAll : preparedAll;
  const started = performance.now();
  for (const s of request.statements) await run(s.sql, s.bindings);
  process.send!({ ms: performance.now() - started });
});
