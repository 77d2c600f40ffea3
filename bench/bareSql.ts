import sqlite3 from 'sqlite3';

export interface BareRequest {
  statements: Array<{ sql: string; bindings: unknown[] }>;
  /** plain: `db.all`, which prepares on every call; prepared: statements prepared once, on first use. */
  mode: 'plain' | 'prepared';
}

/** The queue bench's baseline: the handler's SQL sent straight to SQLite on a connection of its own. */
export class BareSql {
  private readonly prepared = new Map<string, sqlite3.Statement>();

  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string): Promise<BareSql> {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    await new Promise<void>((done, fail) => db.exec('PRAGMA cache_size = -65536', (err) => (err ? fail(err) : done())));
    return new BareSql(db);
  }

  /** Milliseconds to run the statements one after the other. */
  async time(request: BareRequest): Promise<number> {
    const run = request.mode === 'plain' ? this.plainAll : this.preparedAll;
    const started = performance.now();
    for (const s of request.statements) await run(s.sql, s.bindings);
    return performance.now() - started;
  }

  private plainAll = (sql: string, bindings: unknown[]) =>
    new Promise<void>((done, fail) => this.db.all(sql, bindings, (err) => (err ? fail(err) : done())));

  private preparedAll = (sql: string, bindings: unknown[]) => {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    const ready = statement;
    return new Promise<void>((done, fail) => ready.all(bindings, (err) => (err ? fail(err) : done())));
  };

  async close(): Promise<void> {
    await Promise.all([...this.prepared.values()].map((s) => new Promise<void>((done) => s.finalize(() => done()))));
    await new Promise<void>((done, fail) => this.db.close((err) => (err ? fail(err) : done())));
  }
}
