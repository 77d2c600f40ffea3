import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/** "Red, reported this week": the deadline range and the report time in one index, so the count never reads rows. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => t.index(['deadline_sort', 'reported_at'], 'cases_deadline_sort_reported_at_index'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => t.dropIndex(['deadline_sort', 'reported_at'], 'cases_deadline_sort_reported_at_index'));
}
