import type { Knex } from 'knex';
import { createTableOnce, syncedColumns } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

async function addColumnOnce(knex: Knex, table: string, column: string, add: (t: Knex.AlterTableBuilder) => void): Promise<void> {
  if (await knex.schema.hasColumn(table, column)) return;
  await knex.schema.alterTable(table, add);
}

/**
 * A real office's administration (issue 9 §1):
 * - departments and organisations get a contact person, duty hours and an active flag (never deleted: history names them);
 * - users get a forced password change flag, the grids they cover (JSON list of region ids; `region_id` stays the
 *   first, their home grid) and the grid-leader (网格长) flag;
 * - `category_versions` keeps every state of a category an admin edited, with the time it took effect, so a case
 *   keeps the limits it was filed under.
 */
export async function up(knex: Knex): Promise<void> {
  await addColumnOnce(knex, 'departments', 'contact_person', (t) => t.string('contact_person', 32).notNullable().defaultTo(''));
  await addColumnOnce(knex, 'departments', 'duty_hours', (t) => t.string('duty_hours', 64).notNullable().defaultTo(''));
  await addColumnOnce(knex, 'departments', 'active', (t) => t.integer('active').notNullable().defaultTo(1));
  await addColumnOnce(knex, 'organisations', 'duty_hours', (t) => t.string('duty_hours', 64).notNullable().defaultTo(''));
  await addColumnOnce(knex, 'organisations', 'active', (t) => t.integer('active').notNullable().defaultTo(1));
  await addColumnOnce(knex, 'users', 'must_change_password', (t) => t.integer('must_change_password').notNullable().defaultTo(0));
  await addColumnOnce(knex, 'users', 'grid_ids', (t) => t.text('grid_ids').notNullable().defaultTo('[]'));
  await addColumnOnce(knex, 'users', 'grid_leader', (t) => t.integer('grid_leader').notNullable().defaultTo(0));
  await createTableOnce(knex, 'category_versions', (t) => {
    syncedColumns(t);
    t.string('category_id', 36).notNullable();
    t.bigInteger('valid_from').notNullable();
    t.text('snapshot').notNullable();
    t.index(['category_id', 'valid_from']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('category_versions');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('grid_leader');
    t.dropColumn('grid_ids');
    t.dropColumn('must_change_password');
  });
  await knex.schema.alterTable('organisations', (t) => {
    t.dropColumn('active');
    t.dropColumn('duty_hours');
  });
  await knex.schema.alterTable('departments', (t) => {
    t.dropColumn('active');
    t.dropColumn('duty_hours');
    t.dropColumn('contact_person');
  });
}
