import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/** Leaders' 待审批 tab: which handling cases wait for an extension or parking decision. */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn('cases', 'pending_request'))) {
    await knex.schema.alterTable('cases', (t) => {
      t.string('pending_request', 16).nullable();
      t.index(['pending_request'], 'cases_pending_request_index');
    });
  }
  if (knex.client.config.client === 'sqlite3') {
    await knex.raw(
      `update cases set pending_request = (select json_extract(state, '$.pendingRequest.kind') from case_states where case_states.id = cases.id)
       where status = 'handling'`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['pending_request'], 'cases_pending_request_index');
    t.dropColumn('pending_request');
  });
}
