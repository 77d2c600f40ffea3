import type { Knex } from 'knex';
import { createTableOnce } from './helpers';

// Append-only: never edit after it has landed; add a new migration instead.

export const INDICATOR_DEFINITIONS_REBUILD = 'indicator_definitions_2026_12';

/**
 * DESIGN §3's indicator definitions (issue 11) change which facts a case yields:
 * - `place` on the facts (and on published runs' frozen copies): 0 for a handler's earlier
 *   handling item, which counts for that handler but not for the grid, community and street,
 *   which count each case once. Rows derived before this count for the place, as they did.
 * - `derived_rebuilds`: local (never synced) reasons the derived tables must be rebuilt from
 *   the events. The facts of existing cases follow the old definitions, so this marks them;
 *   the backend rebuilds on its next start, and `npm run rebuild` clears the mark too.
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of ['case_facts', 'assessment_run_facts']) {
    if (!(await knex.schema.hasColumn(table, 'place'))) {
      await knex.schema.alterTable(table, (t) => t.integer('place').notNullable().defaultTo(1));
    }
  }
  await createTableOnce(knex, 'derived_rebuilds', (t) => {
    t.string('reason', 64).primary();
    t.bigInteger('marked_at').notNullable();
  });
  const anyCase = await knex('case_events').first('id');
  if (anyCase) await knex('derived_rebuilds').insert({ reason: INDICATOR_DEFINITIONS_REBUILD, marked_at: Date.now() }).onConflict('reason').ignore();
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('derived_rebuilds');
  for (const table of ['assessment_run_facts', 'case_facts']) {
    if (await knex.schema.hasColumn(table, 'place')) await knex.schema.alterTable(table, (t) => t.dropColumn('place'));
  }
}
