import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { createKnex, migrateToLatest } from '../../../db/connection';
import { openHubDb, PG_URL, type HubDb } from '../hubHarness';

const HUB_TABLES = ['hub_change_targets', 'hub_changes', 'hub_rejections', 'hub_cases', 'hub_rows', 'hub_enrol_codes', 'hub_nodes'];

/**
 * The hub's database for a chaos run: one private PostgreSQL schema migrated once (the issue's hub), emptied
 * between seeds so each seed starts from the same state; SQLite when PostgreSQL is not reachable.
 * Also a migrated, never-opened node database that each simulated node starts as a copy of.
 */
export class ChaosStores {
  private constructor(readonly hub: HubDb, readonly kind: 'postgresql' | 'sqlite', private readonly dir: string, readonly nodeTemplate: string) {}

  static async open(prefer: 'pg' | 'sqlite' = 'pg'): Promise<ChaosStores> {
    // Node files in memory when the machine has a tmpfs: thousands of fsyncs per seed otherwise dominate.
    const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'griddesk-chaos-'));
    const nodeTemplate = join(dir, 'node-template.sqlite');
    const template = createKnex({ client: 'sqlite', filename: nodeTemplate });
    await migrateToLatest(template);
    await template.destroy();
    let hub: HubDb | null = null;
    if (prefer === 'pg') hub = await openPgHub().catch(() => null);
    return new ChaosStores(hub ?? (await openHubDb('sqlite')), hub ? 'postgresql' : 'sqlite', dir, nodeTemplate);
  }

  get knex(): Knex {
    return this.hub.knex;
  }

  /** The hub as new: no nodes, no rows, the district sequence at zero. */
  async resetHub(): Promise<void> {
    const { knex } = this.hub;
    if (this.kind === 'postgresql') await knex.raw(`truncate ${HUB_TABLES.map((t) => `"${t}"`).join(', ')}`);
    else for (const t of HUB_TABLES) await knex(t).delete();
    await knex('hub_counters').delete();
    await knex('hub_counters').insert([{ name: 'district_seq', value: 0 }, { name: 'log_floor', value: 1 }]);
  }

  /** A fresh node database file (a copy of the migrated template). */
  nodeFile(seed: number, index: number): string {
    const file = join(this.dir, `seed${seed}-node${index}.sqlite`);
    copyFileSync(this.nodeTemplate, file);
    return file;
  }

  removeFile(file: string): void {
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  }

  async close(): Promise<void> {
    await this.hub.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A private schema on the test PostgreSQL, its sessions with synchronous_commit off: a run commits thousands
 * of small pushes, and waiting for each WAL flush (durability across a server crash, not tested here) is
 * most of its time. Transactions, locks and visibility are unchanged.
 */
async function openPgHub(): Promise<HubDb> {
  const schema = `chaos_${process.pid}_${Date.now()}`;
  const admin = createKnex({ client: 'pg', connection: PG_URL });
  try {
    await admin.raw(`create schema "${schema}"`);
  } catch (error) {
    await admin.destroy();
    throw error;
  }
  const knex = knexFactory({
    client: 'pg',
    connection: PG_URL,
    searchPath: [schema],
    pool: {
      min: 0,
      max: 8,
      afterCreate: (conn: { query(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.query('set synchronous_commit to off', (err) => done(err, conn));
      },
    },
  });
  await migrateToLatest(knex);
  return {
    config: { client: 'pg', connection: PG_URL, searchPath: schema },
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`drop schema if exists "${schema}" cascade`);
      await admin.destroy();
    },
  };
}
