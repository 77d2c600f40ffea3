import type { Knex } from 'knex';
import { createTableOnce, syncedColumns } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

export async function up(knex: Knex): Promise<void> {
  await createTableOnce(knex, 'regions', (t) => {
    syncedColumns(t);
    t.string('code', 15).notNullable().unique();
    t.string('name', 64).notNullable();
    t.string('level', 16).notNullable();
    t.string('parent_id', 36).nullable().references('id').inTable('regions');
    t.integer('households').nullable();
    t.text('description').notNullable().defaultTo('');
    t.index(['parent_id']);
  });

  await createTableOnce(knex, 'departments', (t) => {
    syncedColumns(t);
    t.string('code', 16).notNullable().unique();
    t.string('name', 64).notNullable();
    t.string('short_name', 16).notNullable();
    t.integer('vertical').notNullable().defaultTo(0);
    t.string('phone', 32).notNullable().defaultTo('');
  });

  await createTableOnce(knex, 'users', (t) => {
    syncedColumns(t);
    t.string('username', 64).notNullable().unique();
    t.string('display_name', 32).notNullable();
    t.string('role', 24).notNullable();
    t.string('password_hash', 256).notNullable();
    t.string('department_id', 36).nullable().references('id').inTable('departments');
    t.string('region_id', 36).nullable().references('id').inTable('regions');
    t.string('phone', 32).notNullable().defaultTo('');
    t.integer('active').notNullable().defaultTo(1);
  });

  await createTableOnce(knex, 'categories', (t) => {
    syncedColumns(t);
    t.string('code', 4).notNullable().unique();
    t.string('major_code', 2).notNullable();
    t.string('major_name', 32).notNullable();
    t.string('name', 64).notNullable();
    t.text('filing_criteria').notNullable();
    t.text('closing_criteria').notNullable();
    t.string('department_id', 36).nullable().references('id').inTable('departments');
    t.integer('grid_admissible').notNullable().defaultTo(0);
    t.string('matter_kind', 16).nullable();
    t.string('priority', 8).notNullable().defaultTo('normal');
    t.text('limits').notNullable();
    t.text('keywords').notNullable().defaultTo('[]');
    t.index(['major_code']);
  });

  await createTableOnce(knex, 'calendar_days', (t) => {
    syncedColumns(t);
    t.string('date', 10).notNullable().unique();
    t.string('kind', 8).notNullable();
    t.string('name', 32).notNullable().defaultTo('');
  });

  await createTableOnce(knex, 'organisations', (t) => {
    syncedColumns(t);
    t.string('code', 16).notNullable().unique();
    t.string('name', 64).notNullable();
    t.string('kind', 24).notNullable();
    t.text('services').notNullable().defaultTo('[]');
    t.string('contact_name', 32).notNullable().defaultTo('');
    t.string('contact_phone', 32).notNullable().defaultTo('');
    t.string('address', 128).notNullable().defaultTo('');
    t.string('region_id', 36).nullable().references('id').inTable('regions');
  });

  await createTableOnce(knex, 'settings', (t) => {
    syncedColumns(t);
    t.string('key', 64).notNullable().unique();
    t.text('value').notNullable();
  });

  // The case's history is the truth; `cases` is a projection folded from it.
  await createTableOnce(knex, 'case_events', (t) => {
    syncedColumns(t);
    t.string('case_id', 36).notNullable();
    t.string('type', 32).notNullable();
    t.bigInteger('at').notNullable();
    t.string('actor_id', 36).nullable();
    t.string('actor_role', 24).notNullable();
    t.string('parent_id', 36).nullable();
    t.text('payload').notNullable();
    t.index(['case_id', 'hlc']);
  });

  await createTableOnce(knex, 'cases', (t) => {
    syncedColumns(t);
    t.string('case_no', 32).notNullable().unique();
    t.string('status', 24).notNullable();
    t.string('priority', 8).notNullable();
    t.string('source', 16).notNullable();
    t.string('category_id', 36).nullable();
    t.string('street_id', 36).notNullable();
    t.string('community_id', 36).notNullable();
    t.string('grid_id', 36).notNullable();
    t.string('department_id', 36).nullable();
    t.string('stage', 16).nullable();
    t.bigInteger('stage_started_at').nullable();
    t.bigInteger('stage_deadline_at').nullable();
    t.string('supervision_level', 8).nullable();
    t.bigInteger('reported_at').notNullable();
    t.bigInteger('closed_at').nullable();
    t.text('summary').notNullable();
    t.text('address').notNullable();
    t.index(['status', 'stage_deadline_at']);
    t.index(['street_id', 'status']);
    t.index(['grid_id', 'status']);
    t.index(['department_id', 'status']);
    t.index(['category_id']);
    t.index(['reported_at']);
  });

  // The whole folded case for the detail view, kept apart so the queue's rows stay narrow.
  await createTableOnce(knex, 'case_states', (t) => {
    t.string('id', 36).primary();
    t.text('state').notNullable();
  });

  await createTableOnce(knex, 'audit_log', (t) => {
    syncedColumns(t);
    t.bigInteger('at').notNullable();
    t.string('user_id', 36).nullable();
    t.string('action', 48).notNullable();
    t.string('target_type', 32).notNullable().defaultTo('');
    t.string('target_id', 36).nullable();
    t.text('detail').notNullable().defaultTo('{}');
    t.index(['at']);
    t.index(['target_type', 'target_id']);
  });

  // Local sync bookkeeping: never synced itself.
  await createTableOnce(knex, 'sync_state', (t) => {
    t.integer('singleton').primary();
    t.string('node_id', 16).notNullable();
    t.bigInteger('hlc_wall').notNullable();
    t.integer('hlc_counter').notNullable();
    t.bigInteger('created_at').notNullable();
  });

  // Rows are deleted once the hub has acknowledged them, so the primary key is the only index.
  await createTableOnce(knex, 'outbox', (t) => {
    t.bigIncrements('seq').primary();
    t.string('table_name', 32).notNullable();
    t.string('row_id', 36).notNullable();
    t.string('op', 8).notNullable();
    t.string('hlc', 40).notNullable();
    t.text('columns').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'outbox', 'sync_state', 'audit_log', 'case_states', 'cases', 'case_events', 'settings', 'organisations',
    'calendar_days', 'categories', 'users', 'departments', 'regions',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
