import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from './migrations';
import { cachePreparedReads, type CachableConnection } from './statementCache';

export type DbConfig =
  | { client: 'sqlite'; filename: string }
  | { client: 'pg'; connection: string; searchPath?: string };

// Epoch-millisecond columns are BIGINT; they fit in a double, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** SQLite settings every workstation connection runs with: durability over speed. */
const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA synchronous = FULL',
  // Short: a write that meets another process's lock retries in db/writeLock.ts, off this connection.
  'PRAGMA busy_timeout = 1000',
  'PRAGMA temp_store = MEMORY',
  'PRAGMA cache_size = -65536',
];

interface RawSqliteConnection extends CachableConnection {
  exec(sql: string, cb: (err: Error | null) => void): void;
}

export function createKnex(config: DbConfig): Knex {
  if (config.client === 'sqlite') {
    return knexFactory({
      client: 'sqlite3',
      connection: { filename: config.filename },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: RawSqliteConnection, done: (err: Error | null, conn: unknown) => void) => {
          cachePreparedReads(conn);
          conn.exec(SQLITE_PRAGMAS.join(';'), (err) => done(err, conn));
        },
      },
    });
  }
  return knexFactory({
    client: 'pg',
    connection: config.connection,
    searchPath: config.searchPath ? [config.searchPath] : undefined,
    pool: { min: 0, max: 8 },
  });
}

export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Opens a database and brings its schema up to date. */
export async function openDatabase(config: DbConfig): Promise<Knex> {
  const knex = createKnex(config);
  await migrateToLatest(knex);
  return knex;
}

export const isSqlite = (knex: Knex): boolean => knex.client.config.client === 'sqlite3';
