import { describe, expect, it } from 'vitest';
import { currentSchema, migrationHashes, readSnapshot } from './schemaSnapshot';

describe('schema changes only through new migrations', () => {
  const snapshot = readSnapshot();
  const hashes = migrationHashes();

  it('never edits a migration that has landed', () => {
    for (const landed of snapshot.migrations) {
      const now = hashes.find((h) => h.name === landed.name);
      expect(now, `migration ${landed.name} was removed; migrations are append-only`).toBeDefined();
      expect(now!.sha256, `migration ${landed.name} was edited after landing; add a new migration instead`).toBe(landed.sha256);
    }
  });

  it('produces exactly the snapshot schema for the snapshot migrations', async () => {
    const schema = await currentSchema();
    const sameMigrations = hashes.length === snapshot.migrations.length;
    expect(
      sameMigrations,
      'a migration was added: review the schema it makes, then run `npm run schema:snapshot`',
    ).toBe(true);
    expect(schema, 'the schema changed without a new migration').toEqual(snapshot.sqlite);
  });
});
