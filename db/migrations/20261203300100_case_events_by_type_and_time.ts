import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * Which case shows a photo (issue 11 §3: a photo is scoped like its case) is found among the
 * events that carry photos, made after the photo was uploaded: this index keeps that to a
 * range of one kind of event over a few weeks instead of every event of the office.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index if not exists case_events_type_at on case_events (type, at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists case_events_type_at');
}
