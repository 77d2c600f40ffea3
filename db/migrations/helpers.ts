import type { Knex } from 'knex';

/**
 * Columns every synced row carries: a client-made UUIDv7, the HLC version of its last
 * write, and a tombstone instead of deletes.
 */
export function syncedColumns(t: Knex.CreateTableBuilder): void {
  t.string('id', 36).primary();
  t.string('hlc', 40).notNullable();
  t.integer('deleted').notNullable().defaultTo(0);
}

/** Creates a table only when missing, so a half-applied migration can be re-run. */
export async function createTableOnce(
  knex: Knex,
  name: string,
  build: (t: Knex.CreateTableBuilder) => void,
): Promise<void> {
  if (await knex.schema.hasTable(name)) return;
  await knex.schema.createTable(name, build);
}
