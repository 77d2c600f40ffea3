import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

const TOTAL_COLUMNS = `dim varchar(16) not null, target_id varchar(36) not null, kind varchar(16) not null,
  outcome varchar(24) not null, total integer not null, done integer not null, on_time integer not null, weight integer not null`;

/**
 * The wall and the dashboard answer within 100 ms on a million cases:
 * - fact_months: the daily totals summed per month, moved together with fact_days on every
 *   write, so a month's scorecard reads a few thousand rows instead of tens of thousands
 *   (on SQLite without rowid: the rows live in the key's order and a month is one range);
 * - daily report counts per grid straight from an index (the 30-day trend, today's reports);
 * - open cases by status, grid and both stage clocks in one index: the grid map's counts
 *   come from the index alone;
 * - cases by status and report time with their grid: the stage funnel reads no rows and
 *   needs no sort;
 * - the stage clocks together (replacing stage_warn_at alone): "due soon" filters the warned
 *   stages on the index without reading each row.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('fact_months'))) {
    const withoutRowid = knex.client.config.client === 'sqlite3' ? ' without rowid' : '';
    await knex.raw(`create table fact_months (month varchar(7) not null, ${TOTAL_COLUMNS},
      primary key (month, dim, target_id, kind, outcome))${withoutRowid}`);
  }
  await knex.raw(`
    insert into fact_months (month, dim, target_id, kind, outcome, total, done, on_time, weight)
    select substr(day, 1, 7), dim, target_id, kind, outcome, sum(total), sum(done), sum(on_time), sum(weight)
    from fact_days group by substr(day, 1, 7), dim, target_id, kind, outcome`);
  await knex.schema.alterTable('fact_days', (t) => t.index(['dim', 'kind', 'day', 'total'], 'fact_days_dim_kind_day_index'));
  await knex.schema.alterTable('cases', (t) => {
    t.index(['status', 'grid_id', 'deadline_sort', 'stage_warn_at'], 'cases_status_grid_clocks_index');
    t.index(['status', 'reported_at', 'grid_id'], 'cases_status_reported_at_grid_index');
    t.index(['stage_warn_at', 'deadline_sort'], 'cases_stage_warn_at_deadline_sort_index');
    t.dropIndex(['stage_warn_at'], 'cases_stage_warn_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['status', 'grid_id', 'deadline_sort', 'stage_warn_at'], 'cases_status_grid_clocks_index');
    t.dropIndex(['status', 'reported_at', 'grid_id'], 'cases_status_reported_at_grid_index');
    t.dropIndex(['stage_warn_at', 'deadline_sort'], 'cases_stage_warn_at_deadline_sort_index');
    t.index(['stage_warn_at'], 'cases_stage_warn_at_index');
  });
  await knex.schema.alterTable('fact_days', (t) => t.dropIndex(['dim', 'kind', 'day', 'total'], 'fact_days_dim_kind_day_index'));
  await knex.schema.dropTableIfExists('fact_months');
}
