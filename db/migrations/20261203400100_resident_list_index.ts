import type { Knex } from 'knex';

// Append-only: never edit after it has landed; add a new migration instead.

/**
 * A grid's masked resident list and its count walk one index alone: status and deleted join
 * grid and address in it. The count read every row of the grid before (≈ 300 ms p95 on 1M residents).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists residents_grid_id_building_unit_room_index');
  await knex.raw('create index if not exists residents_list on residents (grid_id, status, deleted, building, unit, room)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists residents_list');
  await knex.raw('create index if not exists residents_grid_id_building_unit_room_index on residents (grid_id, building, unit, room)');
}
