import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * A published run's 基础数据更新率 instances, frozen like `assessment_run_facts`: each decided due
 * re-verification of the period, so the run's number and drill-down never change after publishing
 * (later re-verifications, edits or deletions of records change nothing). Local, never synced:
 * every node computes it from the synced registers when it publishes.
 */
export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('assessment_run_register_instances')) return;
  await knex.schema.createTable('assessment_run_register_instances', (t) => {
    t.string('run_id', 36).notNullable();
    t.string('grid_id', 36).notNullable();
    t.string('record_kind', 16).notNullable();
    t.string('record_id', 36).notNullable();
    t.bigInteger('due_at').notNullable();
    t.bigInteger('answered_at').nullable();
    t.string('outcome', 16).nullable();
    t.integer('on_time').notNullable();
    t.index(['run_id', 'grid_id', 'due_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('assessment_run_register_instances');
}
