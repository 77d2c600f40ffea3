import type { Knex } from 'knex';
import { createTableOnce } from './helpers';

/**
 * The district hub's own tables (issue 10). Created on workstations too (one migration list), where they stay empty.
 * The hub keeps every synced row as JSON in hub_rows rather than in the domain tables: rows arrive in any
 * order from many nodes (a user before its department), possibly in an older row shape, and the hub only
 * merges and relays them.
 */
export async function up(knex: Knex): Promise<void> {
  await createTableOnce(knex, 'hub_nodes', (t) => {
    t.string('node_id', 16).primary();
    t.string('name', 64).notNullable();
    t.string('scope_kind', 16).notNullable();
    t.string('scope_id', 36).nullable();
    t.string('token_hash', 64).notNullable().unique();
    t.string('schema_version', 64).notNullable();
    t.bigInteger('enrolled_at').notNullable();
    t.bigInteger('revoked_at').nullable();
    // Push state: every outbox seq ≤ last_push_seq is applied or rejected.
    t.bigInteger('last_push_seq').notNullable().defaultTo(0);
    t.bigInteger('last_push_at').nullable();
    t.bigInteger('last_pull_cursor').notNullable().defaultTo(0);
    t.bigInteger('last_pull_at').nullable();
  });

  await createTableOnce(knex, 'hub_enrol_codes', (t) => {
    t.string('code_hash', 64).primary();
    t.string('scope_kind', 16).notNullable();
    t.string('scope_id', 36).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.string('used_by', 16).nullable();
    t.bigInteger('used_at').nullable();
  });

  // Named counters: 'district_seq' (the change log's last sequence; its row lock orders pushes) and
  // 'log_floor' (the lowest sequence still retained).
  await createTableOnce(knex, 'hub_counters', (t) => {
    t.string('name', 32).primary();
    t.bigInteger('value').notNullable();
  });
  const present = await knex('hub_counters').whereIn('name', ['district_seq', 'log_floor']).count<{ n: number }[]>({ n: '*' });
  if (Number(present[0]?.n ?? 0) === 0) {
    await knex('hub_counters').insert([{ name: 'district_seq', value: 0 }, { name: 'log_floor', value: 1 }]);
  }

  // The merged state of every synced row. column_hlcs: the HLC each column was last written at.
  await createTableOnce(knex, 'hub_rows', (t) => {
    t.string('table_name', 32).notNullable();
    t.string('id', 36).notNullable();
    t.string('hlc', 40).notNullable();
    t.text('row').notNullable();
    t.text('column_hlcs').notNullable();
    // Scope keys: the street a row belongs to (null: district-wide), and its case for case-bound rows.
    t.string('street_id', 36).nullable();
    t.string('case_id', 36).nullable();
    t.primary(['table_name', 'id']);
    t.index(['case_id']);
    t.index(['street_id', 'table_name', 'id']);
  });

  // Where each case is, for scope checks: its street and the departments it is dispatched to now.
  await createTableOnce(knex, 'hub_cases', (t) => {
    t.string('case_id', 36).primary();
    t.string('street_id', 36).notNullable();
    t.text('department_ids').notNullable();
  });

  // The district change log, in commit order. for_district: district nodes receive it (a history re-sent
  // to one department is not for them). op 'remove' is a scope removal.
  await createTableOnce(knex, 'hub_changes', (t) => {
    t.bigInteger('seq').primary();
    t.string('table_name', 32).notNullable();
    t.string('row_id', 36).notNullable();
    t.string('op', 8).notNullable();
    t.string('hlc', 40).notNullable();
    t.text('columns').nullable();
    t.text('row').nullable();
    t.string('origin_node', 16).nullable();
    t.integer('for_district').notNullable();
    t.bigInteger('committed_at').notNullable();
  });
  // Who else receives a change: 'all', 'street:<id>', 'dept:<id>'.
  await createTableOnce(knex, 'hub_change_targets', (t) => {
    t.string('target', 48).notNullable();
    t.bigInteger('seq').notNullable();
    t.primary(['target', 'seq']);
  });

  // Rejections, kept so a retried batch is answered the same.
  await createTableOnce(knex, 'hub_rejections', (t) => {
    t.string('node_id', 16).notNullable();
    t.bigInteger('seq').notNullable();
    t.string('table_name', 32).notNullable();
    t.string('row_id', 36).notNullable();
    t.string('reason', 24).notNullable();
    t.text('message').notNullable();
    t.primary(['node_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['hub_rejections', 'hub_change_targets', 'hub_changes', 'hub_cases', 'hub_rows', 'hub_counters', 'hub_enrol_codes', 'hub_nodes']) {
    await knex.schema.dropTableIfExists(table);
  }
}
