import type { Knex } from 'knex';
import { createTableOnce, syncedColumns } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

/** What every re-verified record carries: whether it is still there, when it was checked, and when next. */
function verification(t: Knex.CreateTableBuilder): void {
  t.string('status', 16).notNullable().defaultTo('active');
  t.bigInteger('verified_at').notNullable();
  t.bigInteger('verify_due_at').notNullable();
  t.string('verified_by', 36).nullable();
  // A grid worker's due list walks this index in due order.
  t.index(['grid_id', 'verify_due_at']);
}

/**
 * Base-data registers (issue 12). Personal data never lands in plain text: ID numbers, phones
 * and tags are AES-256-GCM ciphertexts (`*_cipher`); lookups go through keyed hashes (`*_hash`,
 * HMAC-SHA-256); lists show stored masked forms (`*_masked`) and never need the key.
 */
export async function up(knex: Knex): Promise<void> {
  await createTableOnce(knex, 'households', (t) => {
    syncedColumns(t);
    t.string('grid_id', 36).notNullable().references('id').inTable('regions');
    t.string('code', 32).notNullable().unique();
    t.string('building', 64).notNullable().defaultTo('');
    t.string('unit', 16).notNullable().defaultTo('');
    t.string('room', 16).notNullable().defaultTo('');
  });

  await createTableOnce(knex, 'residents', (t) => {
    syncedColumns(t);
    t.string('grid_id', 36).notNullable().references('id').inTable('regions');
    t.string('household_id', 36).nullable().references('id').inTable('households');
    t.string('relation', 16).notNullable().defaultTo('');
    t.string('name', 32).notNullable();
    t.text('id_cipher').notNullable();
    t.string('id_hash', 64).notNullable();
    t.string('id_masked', 24).notNullable();
    t.text('phone_cipher').notNullable();
    t.string('phone_hash', 64).nullable();
    t.string('phone_masked', 24).notNullable().defaultTo('');
    t.text('tags_cipher').notNullable();
    t.string('building', 64).notNullable().defaultTo('');
    t.string('unit', 16).notNullable().defaultTo('');
    t.string('room', 16).notNullable().defaultTo('');
    verification(t);
    t.index(['id_hash']);
    t.index(['phone_hash']);
    t.index(['grid_id', 'building', 'unit', 'room']);
    t.index(['household_id']);
    t.index(['name']);
  });

  await createTableOnce(knex, 'houses', (t) => {
    syncedColumns(t);
    t.string('grid_id', 36).notNullable().references('id').inTable('regions');
    t.string('code', 32).notNullable().unique();
    t.string('building', 64).notNullable();
    t.string('unit', 16).notNullable().defaultTo('');
    t.string('room', 16).notNullable().defaultTo('');
    t.string('use', 16).notNullable().defaultTo('residential');
    t.string('occupancy', 16).notNullable().defaultTo('owner');
    t.string('owner_name', 32).notNullable().defaultTo('');
    verification(t);
    t.index(['grid_id', 'building', 'unit', 'room']);
  });

  await createTableOnce(knex, 'city_components', (t) => {
    syncedColumns(t);
    t.string('grid_id', 36).notNullable().references('id').inTable('regions');
    t.string('code', 32).notNullable().unique();
    t.string('kind', 24).notNullable();
    t.string('address', 128).notNullable().defaultTo('');
    t.double('lng').nullable();
    t.double('lat').nullable();
    t.string('condition', 16).notNullable().defaultTo('good');
    verification(t);
  });

  // One row per re-verification: the history 基础数据更新率 is computed from.
  await createTableOnce(knex, 'register_verifications', (t) => {
    syncedColumns(t);
    t.string('grid_id', 36).notNullable();
    t.string('record_kind', 16).notNullable();
    t.string('record_id', 36).notNullable();
    t.string('user_id', 36).nullable();
    t.bigInteger('at').notNullable();
    t.bigInteger('due_at').notNullable();
    t.string('outcome', 16).notNullable();
    t.index(['due_at', 'grid_id']);
    t.index(['record_id']);
  });

  // Local to this node: proves the key given at start is the one the data was written with.
  await createTableOnce(knex, 'personal_data_key', (t) => {
    t.integer('singleton').primary();
    t.string('check', 64).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['personal_data_key', 'register_verifications', 'city_components', 'houses', 'residents', 'households']) {
    await knex.schema.dropTableIfExists(table);
  }
}
