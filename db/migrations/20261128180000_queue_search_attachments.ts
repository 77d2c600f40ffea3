import type { Knex } from 'knex';
import { createTableOnce, syncedColumns } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

const isSqlite = (knex: Knex) => knex.client.config.client === 'sqlite3';

/** Year 2255: later than any deadline, and still exact as a double. */
export const NO_DEADLINE = 9_000_000_000_000;

export async function up(knex: Knex): Promise<void> {
  const columns: Array<[string, (t: Knex.AlterTableBuilder) => void]> = [
    ['stage_warn_at', (t) => t.bigInteger('stage_warn_at').nullable()],
    // The queue's sort key: the running stage's deadline, or far in the future when no clock runs,
    // so "by deadline" can walk an index instead of sorting every matching row.
    ['deadline_sort', (t) => t.bigInteger('deadline_sort').notNullable().defaultTo(NO_DEADLINE)],
    ['handler', (t) => t.string('handler', 16).nullable()],
    ['organisation_id', (t) => t.string('organisation_id', 36).nullable()],
    ['department_ids', (t) => t.text('department_ids').notNullable().defaultTo('[]')],
    ['lat', (t) => t.double('lat').nullable()],
    ['lng', (t) => t.double('lng').nullable()],
    ['conflict', (t) => t.integer('conflict').notNullable().defaultTo(0)],
  ];
  for (const [name, add] of columns) {
    if (!(await knex.schema.hasColumn('cases', name))) await knex.schema.alterTable('cases', add);
  }
  await knex('cases').whereNotNull('stage_deadline_at').update({ deadline_sort: knex.ref('stage_deadline_at') });
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['status', 'stage_deadline_at']);
    t.index(['status', 'deadline_sort'], 'cases_status_deadline_sort_index');
    t.index(['deadline_sort'], 'cases_deadline_sort_index');
    t.index(['supervision_level', 'deadline_sort'], 'cases_supervision_level_deadline_sort_index');
    t.index(['priority', 'status'], 'cases_priority_status_index');
    t.index(['stage_warn_at'], 'cases_stage_warn_at_index');
    t.index(['category_id', 'reported_at'], 'cases_category_id_reported_at_index');
    t.dropIndex(['category_id']);
  });

  // Joint handling (联办) sends a case to several departments: each sees it in its queue.
  // The case's status is repeated here so a department's tab is one index range.
  await createTableOnce(knex, 'case_departments', (t) => {
    t.string('case_id', 36).notNullable();
    t.string('department_id', 36).notNullable();
    t.integer('lead').notNullable().defaultTo(0);
    t.string('status', 24).notNullable();
    t.primary(['case_id', 'department_id']);
    t.index(['department_id', 'status', 'case_id']);
  });

  await createTableOnce(knex, 'attachments', (t) => {
    syncedColumns(t);
    t.string('name', 120).notNullable();
    t.string('mime', 32).notNullable();
    t.integer('size').notNullable();
    t.binary('data').notNullable();
    t.string('uploaded_by', 36).nullable();
    t.bigInteger('uploaded_at').notNullable();
  });

  // Chinese full-text search on the workstation: trigram substrings of case number,
  // description and address. The hub does not serve queues, so PostgreSQL has none.
  if (isSqlite(knex)) {
    await knex.raw("create virtual table if not exists cases_fts using fts5(case_id unindexed, body, tokenize = 'trigram')");
    await knex.raw(
      `insert into cases_fts (case_id, body)
       select cases.id, cases.case_no || ' ' || json_extract(case_states.state, '$.description') || ' ' || cases.address
       from cases join case_states on case_states.id = cases.id
       where cases.id not in (select case_id from cases_fts)`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  if (isSqlite(knex)) await knex.raw('drop table if exists cases_fts');
  await knex.schema.dropTableIfExists('attachments');
  await knex.schema.dropTableIfExists('case_departments');
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['supervision_level', 'deadline_sort'], 'cases_supervision_level_deadline_sort_index');
    t.dropIndex(['priority', 'status'], 'cases_priority_status_index');
    t.dropIndex(['status', 'deadline_sort'], 'cases_status_deadline_sort_index');
    t.dropIndex(['deadline_sort'], 'cases_deadline_sort_index');
    t.dropIndex(['stage_warn_at'], 'cases_stage_warn_at_index');
    t.dropIndex(['category_id', 'reported_at'], 'cases_category_id_reported_at_index');
    t.index(['category_id']);
    t.index(['status', 'stage_deadline_at']);
  });
  await knex.schema.alterTable('cases', (t) => {
    for (const c of ['stage_warn_at', 'deadline_sort', 'handler', 'organisation_id', 'department_ids', 'lat', 'lng', 'conflict']) t.dropColumn(c);
  });
}
