import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest } from '../../db/connection';
import { MIGRATIONS, migrationSource } from '../../db/migrations';
import { postgresColumns, sqliteSchema } from '../support/schema';

const EXPECTED_TABLES = [
  'assessment_run_facts', 'assessment_runs', 'attachments', 'audit_log', 'calendar_days', 'case_departments', 'case_events',
  'case_facts', 'case_states', 'cases', 'categories', 'category_versions', 'departments', 'derived_rebuilds', 'fact_days', 'fact_months', 'ledger_actions', 'organisations', 'outbox',
  'regions', 'schemes', 'settings', 'sync_state', 'users',
  // registry (issue 12)
  'city_components', 'households', 'houses', 'personal_data_key', 'register_verifications', 'residents',
  // 基础数据更新率 frozen in published runs (issue 12 §1)
  'assessment_run_register_instances',
  // the district hub (issue 10)
  'hub_nodes', 'hub_enrol_codes', 'hub_counters', 'hub_rows', 'hub_cases', 'hub_changes', 'hub_change_targets', 'hub_rejections',
].sort();
// SQLite only: the full-text index and FTS5's own shadow tables.
const SQLITE_FTS_TABLES = ['cases_fts', 'cases_fts_config', 'cases_fts_content', 'cases_fts_data', 'cases_fts_docsize', 'cases_fts_idx'];
const SYNCED = ['assessment_runs', 'attachments', 'audit_log', 'ledger_actions', 'schemes', 'calendar_days', 'case_events', 'categories', 'category_versions', 'departments', 'organisations', 'regions', 'settings', 'users'];

const dir = mkdtempSync(join(tmpdir(), 'griddesk-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations on SQLite', () => {
  it('run up from empty, down to empty and up again to the same schema', async () => {
    const knex = createKnex({ client: 'sqlite', filename: join(dir, 'm.sqlite') });
    try {
      expect(await migrateToLatest(knex)).toEqual(MIGRATIONS.map((m) => m.name));
      const first = await sqliteSchema(knex);
      const tables = (await knex.raw("select name from sqlite_master where type = 'table' and name not like 'knex_%' and name not like 'sqlite_%' order by name")).map((r: { name: string }) => r.name);
      expect(tables).toEqual([...EXPECTED_TABLES, ...SQLITE_FTS_TABLES].sort());
      await knex.migrate.rollback({ migrationSource }, true);
      expect(await sqliteSchema(knex)).toEqual([]);
      await migrateToLatest(knex);
      expect(await sqliteSchema(knex)).toEqual(first);
      expect(await migrateToLatest(knex)).toEqual([]);
    } finally {
      await knex.destroy();
    }
  });

  it('open with WAL, foreign keys on and synchronous=FULL', async () => {
    const knex = createKnex({ client: 'sqlite', filename: join(dir, 'p.sqlite') });
    try {
      expect((await knex.raw('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
      expect((await knex.raw('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
      expect((await knex.raw('PRAGMA synchronous'))[0].synchronous).toBe(2);
    } finally {
      await knex.destroy();
    }
  });
});

describe('migrations on PostgreSQL', () => {
  const url = process.env.GRIDDESK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `griddesk_test_${process.pid}_${Date.now()}`;

  it(`run up from empty and down again (${url})`, async () => {
    const admin = createKnex({ client: 'pg', connection: url });
    await admin.raw(`create schema "${schema}"`);
    const knex = createKnex({ client: 'pg', connection: url, searchPath: schema });
    try {
      expect(await migrateToLatest(knex)).toEqual(MIGRATIONS.map((m) => m.name));
      const columns = await postgresColumns(knex, schema);
      const tables = [...new Set(columns.map((c) => c.split('.')[0]))].sort();
      expect(tables).toEqual(EXPECTED_TABLES);
      for (const table of SYNCED) {
        expect(columns).toContain(`${table}.id character varying not null`);
        expect(columns).toContain(`${table}.hlc character varying not null`);
        expect(columns).toContain(`${table}.deleted integer not null`);
      }
      expect(columns).toContain('case_events.at bigint not null');
      await knex.migrate.rollback({ migrationSource }, true);
      expect(await postgresColumns(knex, schema)).toEqual([]);
    } finally {
      await knex.destroy();
      await admin.raw(`drop schema if exists "${schema}" cascade`);
      await admin.destroy();
    }
  });
});
