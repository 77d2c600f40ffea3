/**
 * The schema snapshot: each landed migration's content hash and the SQLite schema they
 * produce. `npm run schema:snapshot` rewrites it after adding a migration; the test
 * fails when a landed migration is edited or the schema moves without a new migration.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createKnex, migrateToLatest } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { sqliteSchema } from '../support/schema';

const root = resolve(import.meta.dirname, '../..');
export const SNAPSHOT_FILE = join(root, 'tests/integration/schema.snapshot.json');

export interface SchemaSnapshot {
  migrations: { name: string; sha256: string }[];
  sqlite: string[];
}

export function migrationHashes(): SchemaSnapshot['migrations'] {
  return MIGRATIONS.map((m) => {
    const text = readFileSync(join(root, 'db/migrations', `${m.name}.ts`), 'utf8').replace(/\r\n/g, '\n');
    return { name: m.name, sha256: createHash('sha256').update(text).digest('hex') };
  });
}

export async function currentSchema(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'griddesk-schema-'));
  const knex = createKnex({ client: 'sqlite', filename: join(dir, 's.sqlite') });
  try {
    await migrateToLatest(knex);
    return await sqliteSchema(knex);
  } finally {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const readSnapshot = (): SchemaSnapshot => JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));

if (process.argv.includes('--write')) {
  const snapshot: SchemaSnapshot = { migrations: migrationHashes(), sqlite: await currentSchema() };
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`wrote ${SNAPSHOT_FILE}: ${snapshot.migrations.length} migrations, ${snapshot.sqlite.length} schema objects`);
}
