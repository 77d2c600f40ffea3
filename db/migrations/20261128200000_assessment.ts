import type { Knex } from 'knex';
import { createTableOnce, syncedColumns } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

function factColumns(t: Knex.CreateTableBuilder): void {
  t.string('case_id', 36).notNullable();
  t.string('kind', 16).notNullable();
  t.string('outcome', 24).nullable();
  t.string('handler', 16).nullable();
  t.string('department_id', 36).nullable();
  t.string('grid_id', 36).notNullable();
  t.string('community_id', 36).notNullable();
  t.string('street_id', 36).notNullable();
  t.string('user_id', 36).nullable();
  t.bigInteger('at').notNullable();
  t.bigInteger('due_at').nullable();
  t.bigInteger('done_at').nullable();
  // The China-time day a fact counts in: its deadline's day, or the day it happened.
  t.string('bucket_day', 10).notNullable();
  t.integer('on_time').nullable();
  t.integer('weight').notNullable().defaultTo(1);
  t.integer('exempt').notNullable().defaultTo(0);
}

export async function up(knex: Knex): Promise<void> {
  // What the scorecards count, derived from each case's history (core/assessment/facts.ts).
  await createTableOnce(knex, 'case_facts', (t) => {
    t.string('id', 64).primary();
    factColumns(t);
    // Two indexes only: every write rewrites a case's facts, and drill-downs read one period's facts.
    t.index(['case_id']);
    t.index(['bucket_day', 'kind']);
  });

  // Daily totals per grid, department, reporting grid worker and self-handling grid, kept up to date
  // on every write: scorecards and dashboards sum days (streets and communities sum their grids).
  await createTableOnce(knex, 'fact_days', (t) => {
    t.string('day', 10).notNullable();
    t.string('dim', 16).notNullable();
    t.string('target_id', 36).notNullable();
    t.string('kind', 16).notNullable();
    t.string('outcome', 24).notNullable();
    t.integer('total').notNullable();
    t.integer('done').notNullable();
    t.integer('on_time').notNullable();
    t.integer('weight').notNullable();
    t.primary(['day', 'dim', 'target_id', 'kind', 'outcome']);
  });

  await createTableOnce(knex, 'schemes', (t) => {
    syncedColumns(t);
    t.string('name', 64).notNullable();
    t.integer('version').notNullable();
    t.string('status', 16).notNullable();
    t.string('based_on_id', 36).nullable();
    t.text('definition').notNullable();
    t.string('created_by', 36).nullable();
    t.bigInteger('created_at').notNullable();
  });

  await createTableOnce(knex, 'assessment_runs', (t) => {
    syncedColumns(t);
    t.string('scheme_id', 36).notNullable();
    t.string('period_key', 32).notNullable();
    t.text('period').notNullable();
    t.string('status', 16).notNullable();
    t.bigInteger('computed_at').notNullable();
    t.string('computed_by', 36).nullable();
    t.text('results').notNullable();
    t.index(['period_key', 'status']);
  });

  // A published run's facts, frozen: its numbers and drill-downs never change after publishing.
  await createTableOnce(knex, 'assessment_run_facts', (t) => {
    t.string('run_id', 36).notNullable();
    t.string('id', 64).notNullable();
    factColumns(t);
    t.primary(['run_id', 'id']);
    t.index(['run_id', 'bucket_day', 'kind']);
  });

  // Appeals (申诉) and decisions (免责 / 维持) on accountability entries; the newest counts.
  await createTableOnce(knex, 'ledger_actions', (t) => {
    syncedColumns(t);
    t.string('entry_id', 80).notNullable();
    t.string('fact_id', 64).notNullable();
    t.string('case_id', 36).notNullable();
    t.string('action', 16).notNullable();
    t.text('reason').notNullable();
    t.text('evidence').notNullable().defaultTo('[]');
    t.string('actor_id', 36).nullable();
    t.bigInteger('at').notNullable();
    t.index(['entry_id', 'at']);
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['ledger_actions', 'assessment_run_facts', 'assessment_runs', 'schemes', 'fact_days', 'case_facts']) {
    await knex.schema.dropTableIfExists(table);
  }
}
