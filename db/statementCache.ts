import type sqlite3 from 'sqlite3';

type RowsCallback = (this: unknown, err: Error | null, rows: unknown[]) => void;

/** The few methods of a node-sqlite3 connection that knex calls and this cache stands in front of. */
export interface CachableConnection {
  all(sql: string, bindings: unknown[], callback: RowsCallback): unknown;
  prepare(sql: string, callback?: (err: Error | null) => void): sqlite3.Statement;
  close(callback?: (err: Error | null) => void): void;
}

/** Only plain reads are kept: DDL, pragmas and writes with RETURNING are prepared afresh each time, as before. */
const CACHABLE = /^\s*(select|with)\b/i;

/**
 * Keeps the prepared statements of the reads this connection runs, by their SQL text, and
 * re-runs them with new bindings. node-sqlite3's `all(sql)` prepares, steps and finalizes on
 * every call, and each step is a round trip to the libuv threadpool; a queue page's two reads
 * spent about a third of their time being prepared again. knex builds the same text for the
 * same filter shape (values are bindings), so a few hundred statements cover the desk.
 *
 * A statement that ran to completion holds no lock (SQLite ends the read when it steps to
 * DONE), and node-sqlite3 resets and rebinds it on the next run, so reuse is safe. Statements
 * are finalized when they fall out of the cache and before the connection closes, which
 * SQLite requires.
 */
export function cachePreparedReads(conn: CachableConnection, capacity = 256): void {
  const ready = new Map<string, sqlite3.Statement>();
  // A prepare on its way settles to its statement, or to null when the text does not prepare.
  const preparing = new Map<string, Promise<sqlite3.Statement | null>>();
  const plainAll = conn.all.bind(conn);
  const plainClose = conn.close.bind(conn);
  let closing = false;

  const evict = (sql: string) => {
    const statement = ready.get(sql);
    if (!statement) return;
    ready.delete(sql);
    statement.finalize();
  };

  const keep = (sql: string) => {
    const settled = new Promise<sqlite3.Statement | null>((resolve) => {
      const statement = conn.prepare(sql, (err) => resolve(err ? null : statement));
    });
    preparing.set(sql, settled);
    void settled.then((statement) => {
      preparing.delete(sql);
      // A text that does not prepare is not kept; its first run, the plain way, has reported why.
      // While closing, close() finalizes what was still being prepared.
      if (!statement || closing) return;
      ready.set(sql, statement);
      if (ready.size > capacity) evict(ready.keys().next().value!);
    });
  };

  conn.all = (sql, bindings, callback) => {
    const cachable = CACHABLE.test(sql);
    const statement = cachable ? ready.get(sql) : undefined;
    if (!statement) {
      // node-sqlite3 never calls back a run queued on a statement that failed to prepare, so the
      // first run of a text goes the plain way and only a statement known to be good is kept.
      if (cachable && !closing && !preparing.has(sql)) keep(sql);
      return plainAll(sql, bindings, callback);
    }
    // Most recently used goes last, so the first entry is the one to drop.
    ready.delete(sql);
    ready.set(sql, statement);
    statement.all(bindings, function (this: unknown, err: Error | null, rows: unknown[]) {
      // A kept statement can fail later (its table dropped): prepare it afresh next time.
      if (err && ready.get(sql) === statement) evict(sql);
      callback.call(this, err, rows);
    });
    return conn;
  };

  conn.close = (callback) => {
    closing = true;
    const kept = [...ready.values()];
    const pending = [...preparing.values()];
    ready.clear();
    preparing.clear();
    // Finalizing a statement whose prepare then fails never calls back, so wait for each prepare first.
    void Promise.all(pending)
      .then((prepared) => [...kept, ...prepared.filter((s): s is sqlite3.Statement => s !== null)])
      .then((statements) => Promise.all(statements.map((s) => new Promise<void>((done) => s.finalize(() => done())))))
      .then(() => plainClose(callback));
  };
}
