import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * A real office's own regions: `active` (a region that history names is deactivated, never
 * deleted) and `boundary` (the region's GeoJSON Polygon or MultiPolygon geometry, synced like
 * any other column of the row).
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn('regions', 'active'))) {
    await knex.schema.alterTable('regions', (t) => {
      t.integer('active').notNullable().defaultTo(1);
    });
  }
  if (!(await knex.schema.hasColumn('regions', 'boundary'))) {
    await knex.schema.alterTable('regions', (t) => {
      t.text('boundary').nullable();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('regions', (t) => {
    t.dropColumn('boundary');
    t.dropColumn('active');
  });
}
