import type { Knex } from 'knex';
import { createTableOnce } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * Key rotation of the personal-data key (issue 12): `personal_data_key` (local, never synced) records which
 * key of the database's history is in force (1 = the first; ciphertexts carry the same number) and when it
 * was last rotated. Existing databases are on key 1, as their `v1.` ciphertexts say.
 *
 * This migration's number (the administration range) sorts before `20261203400000_registers`, which creates
 * the table: on a new database it is created here, with the same columns in the same order, and the
 * registers migration finds it there.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('personal_data_key'))) {
    await createTableOnce(knex, 'personal_data_key', (t) => {
      t.integer('singleton').primary();
      t.string('check', 64).notNullable();
    });
  }
  if (!(await knex.schema.hasColumn('personal_data_key', 'version'))) {
    await knex.schema.alterTable('personal_data_key', (t) => {
      t.integer('version').notNullable().defaultTo(1);
      t.bigInteger('rotated_at').nullable();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('personal_data_key'))) return;
  await knex.schema.alterTable('personal_data_key', (t) => {
    t.dropColumn('version');
    t.dropColumn('rotated_at');
  });
}
