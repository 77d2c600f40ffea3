import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { createKnex, migrateToLatest } from '../../../db/connection';
import { openHubDb, type HubDb } from '../hubHarness';

const HUB_TABLES = ['hub_change_targets', 'hub_changes', 'hub_rejections', 'hub_cases', 'hub_rows', 'hub_enrol_codes', 'hub_nodes'];

/**
 * The hub's database for a chaos run: one private PostgreSQL schema migrated once (the issue's hub), emptied
 * between seeds so each seed starts from the same state; SQLite when PostgreSQL is not reachable.
 * Also a migrated, never-opened node database that each simulated node starts as a copy of.
 */
export class ChaosStores {
  private constructor(readonly hub: HubDb, readonly kind: 'postgresql' | 'sqlite', private readonly dir: string, readonly nodeTemplate: string) {}

  static async open(prefer: 'pg' | 'sqlite' = 'pg'): Promise<ChaosStores> {
    const dir = mkdtempSync(join(tmpdir(), 'griddesk-chaos-'));
    const nodeTemplate = join(dir, 'node-template.sqlite');
    const template = createKnex({ client: 'sqlite', filename: nodeTemplate });
    await migrateToLatest(template);
    await template.destroy();
    let hub: HubDb | null = null;
    if (prefer === 'pg') hub = await openHubDb('pg').catch(() => null);
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
