import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * Case numbers are taken from the `reported` events themselves (issue 13), not from the
 * derived queue rows, which an interrupted rebuild or a repair may leave behind. A partial
 * expression index on the number keeps "the day's highest number" an index seek.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'sqlite3') {
    await knex.raw(
      "create index if not exists case_events_case_no on case_events (json_extract(payload, '$.caseNo')) where type = 'reported'",
    );
  } else {
    await knex.raw("create index if not exists case_events_case_no on case_events ((payload::json ->> 'caseNo')) where type = 'reported'");
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists case_events_case_no');
}
