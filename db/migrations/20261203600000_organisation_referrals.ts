import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

async function addColumnOnce(knex: Knex, table: string, column: string, add: (t: Knex.AlterTableBuilder) => void): Promise<void> {
  if (await knex.schema.hasColumn(table, column)) return;
  await knex.schema.alterTable(table, add);
}

/**
 * Social organisations that take cases (issue 12 §3):
 * - the directory gains the area an organisation serves (JSON list of street/community region ids; empty: the
 *   whole office) and its capacity (cases it takes at a time; 0: not stated);
 * - an `organisation_staff` account names the organisation it speaks for (`users.organisation_id`);
 * - an organisation's queue and the participation board find its cases through `cases (organisation_id, status)`.
 */
export async function up(knex: Knex): Promise<void> {
  await addColumnOnce(knex, 'organisations', 'area_region_ids', (t) => t.text('area_region_ids').notNullable().defaultTo('[]'));
  await addColumnOnce(knex, 'organisations', 'capacity', (t) => t.integer('capacity').notNullable().defaultTo(0));
  await addColumnOnce(knex, 'users', 'organisation_id', (t) => t.string('organisation_id', 36).nullable());
  await knex.raw('create index if not exists cases_organisation on cases (organisation_id, status)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists cases_organisation');
  await knex.schema.alterTable('users', (t) => t.dropColumn('organisation_id'));
  await knex.schema.alterTable('organisations', (t) => {
    t.dropColumn('capacity');
    t.dropColumn('area_region_ids');
  });
}
