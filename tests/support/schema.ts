import type { Knex } from 'knex';

/** The SQLite schema as sorted, whitespace-normalised DDL: what the snapshot test compares. */
export async function sqliteSchema(knex: Knex): Promise<string[]> {
  const rows = await knex.raw(
    "select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' and name not like 'knex_%' order by type, name",
  );
  return (rows as { sql: string }[]).map((r) => r.sql.replace(/\s+/g, ' ').trim());
}

/** The PostgreSQL schema: every column with its type and nullability, per table. */
export async function postgresColumns(knex: Knex, schema: string): Promise<string[]> {
  const result = await knex.raw(
    `select table_name, column_name, data_type, is_nullable from information_schema.columns
     where table_schema = ? and table_name not like 'knex_%' order by table_name, ordinal_position`,
    [schema],
  );
  return (result.rows as Record<string, string>[]).map((r) => `${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable === 'YES' ? 'null' : 'not null'}`);
}
