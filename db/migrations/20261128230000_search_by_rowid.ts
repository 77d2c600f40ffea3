import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * The full-text index keyed by the queue row's own rowid instead of the case id: a search
 * that matches a hundred thousand cases then joins on integers, not on text ids.
 * The rowid of `cases` is not an INTEGER PRIMARY KEY alias, so anything that renumbers it
 * (VACUUM, a table rebuild) must be followed by `npm run rebuild`.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'sqlite3') return;
  await knex.raw('drop table if exists cases_fts');
  await knex.raw("create virtual table cases_fts using fts5(body, tokenize = 'trigram')");
  await knex.raw(
    `insert into cases_fts (rowid, body)
     select cases.rowid, cases.case_no || ' ' || json_extract(case_states.state, '$.description') || ' ' || cases.address
     from cases join case_states on case_states.id = cases.id`,
  );
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'sqlite3') return;
  await knex.raw('drop table if exists cases_fts');
  await knex.raw("create virtual table cases_fts using fts5(case_id unindexed, body, tokenize = 'trigram')");
  await knex.raw(
    `insert into cases_fts (case_id, body)
     select cases.id, cases.case_no || ' ' || json_extract(case_states.state, '$.description') || ' ' || cases.address
     from cases join case_states on case_states.id = cases.id`,
  );
}
