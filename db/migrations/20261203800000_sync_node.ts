import type { Knex } from 'knex';
import { createTableOnce } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * The workstation side of sync (issue 10). All local, never synced:
 * - `sync_settings`: this node's enrolment (hub URL, token, scope, name, the node code in its case
 *   numbers) and the pull cursor, one row. The cursor lives here so a page and the cursor commit together.
 * - `sync_versions`: the HLC of each column's value as last merged or acknowledged, for per-column
 *   last-writer-wins (a row's own `hlc` is only its newest write). `column_name` '*' stands for every column.
 * - `sync_conflicts`: the conflict inbox: writes the hub refused and local edits a remote one overwrote.
 *   `dedupe` makes re-applying a page or re-reading a push answer add nothing twice.
 * - `sync_parked`: pulled rows that reference a row not here yet (the hub forwards rows in the order they
 *   reached it, so a user may come before its department); retried after every page.
 */
export async function up(knex: Knex): Promise<void> {
  await createTableOnce(knex, 'sync_settings', (t) => {
    t.integer('singleton').primary();
    t.string('hub_url', 256).notNullable().defaultTo('');
    t.string('token', 128).notNullable().defaultTo('');
    t.text('scope').nullable();
    t.string('node_name', 64).notNullable().defaultTo('');
    t.string('node_code', 8).notNullable().defaultTo('');
    t.bigInteger('enrolled_at').nullable();
    t.bigInteger('pull_cursor').notNullable().defaultTo(0);
    t.bigInteger('last_sync_at').nullable();
    t.text('last_error').nullable();
  });
  await createTableOnce(knex, 'sync_versions', (t) => {
    t.string('table_name', 32).notNullable();
    t.string('row_id', 36).notNullable();
    t.string('column_name', 64).notNullable();
    t.string('hlc', 40).notNullable();
    t.primary(['table_name', 'row_id', 'column_name']);
  });
  await createTableOnce(knex, 'sync_conflicts', (t) => {
    t.increments('id').primary();
    t.string('dedupe', 200).notNullable().unique();
    t.bigInteger('at').notNullable();
    t.string('kind', 16).notNullable();
    t.string('table_name', 32).notNullable();
    t.string('row_id', 36).notNullable();
    t.string('column_name', 64).nullable();
    t.text('local_value').nullable();
    t.text('remote_value').nullable();
    t.string('local_hlc', 40).nullable();
    t.string('remote_hlc', 40).nullable();
    t.string('reason', 24).nullable();
    t.text('message').notNullable();
    t.bigInteger('acknowledged_at').nullable();
    t.string('acknowledged_by', 36).nullable();
    t.index(['acknowledged_at', 'id']);
  });
  await createTableOnce(knex, 'sync_parked', (t) => {
    t.bigInteger('seq').primary();
    t.string('table_name', 32).notNullable();
    t.string('row_id', 36).notNullable();
    t.text('change').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['sync_parked', 'sync_conflicts', 'sync_versions', 'sync_settings']) await knex.schema.dropTableIfExists(table);
}
