import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DbConfig } from '../db/connection';
import { DEFAULT_MAX_DRIFT_MS } from '../core/sync/hlc';

export interface HubConfig {
  db: DbConfig;
  host: string;
  port: number;
  /** A pushed HLC further ahead of the hub's clock than this is refused. */
  maxDriftMs: number;
}

/**
 * Reads the environment. No variable is needed: the hub then keeps an embedded SQLite file in
 * ./hub-data. DATABASE_URL=postgres://… switches to PostgreSQL (HUB_PG_SCHEMA picks a schema).
 */
export function hubConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const url = env.DATABASE_URL?.trim();
  let db: DbConfig;
  if (url) {
    db = { client: 'pg', connection: url, searchPath: env.HUB_PG_SCHEMA || undefined };
  } else {
    const filename = resolve(env.HUB_SQLITE_FILE || './hub-data/hub.sqlite');
    mkdirSync(dirname(filename), { recursive: true });
    db = { client: 'sqlite', filename };
  }
  return {
    db,
    host: env.HUB_HOST || '127.0.0.1',
    port: Number(env.HUB_PORT || 7400),
    maxDriftMs: Number(env.HUB_MAX_DRIFT_MS || DEFAULT_MAX_DRIFT_MS),
  };
}
