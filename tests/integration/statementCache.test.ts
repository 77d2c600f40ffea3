import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKnex } from '../../db/connection';
import { cachePreparedReads, type CachableConnection } from '../../db/statementCache';

let dir: string;
let knex: Knex;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'griddesk-stmt-'));
  knex = createKnex({ client: 'sqlite', filename: join(dir, 'db.sqlite') });
  await knex.schema.createTable('notes', (t) => {
    t.increments('id');
    t.string('text');
  });
  await knex('notes').insert([{ text: '一' }, { text: '二' }]);
});
afterEach(async () => {
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const textOf = async (id: number) => (await knex('notes').where({ id }).select('text'))[0]?.text;

describe('reads through kept prepared statements', () => {
  it('bind each call afresh and see every write made since', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await textOf(1)).toBe(round === 0 ? '一' : `改${round}`);
      expect(await textOf(2)).toBe('二');
      await knex('notes').where({ id: 1 }).update({ text: `改${round + 1}` });
    }
    await knex('notes').insert({ text: '三' });
    expect(await knex('notes').count({ n: '*' })).toEqual([{ n: 3 }]);
  });

  it('report a statement that cannot run every time, instead of hanging', async () => {
    for (let i = 0; i < 3; i++) await expect(knex('missing').select('*')).rejects.toThrow(/no such table: missing/);
  });

  it('prepare again after the table under them changed', async () => {
    await textOf(1);
    await textOf(1);
    await knex.schema.dropTable('notes');
    await expect(textOf(1)).rejects.toThrow(/no such table/);
    await knex.schema.createTable('notes', (t) => {
      t.increments('id');
      t.string('text');
    });
    await knex('notes').insert({ text: '新' });
    expect(await textOf(1)).toBe('新');
  });

  it('hold no read lock between calls, so a checkpoint empties the log', async () => {
    for (let i = 0; i < 3; i++) await textOf(1);
    const writer = createKnex({ client: 'sqlite', filename: join(dir, 'db.sqlite') });
    try {
      await writer('notes').insert({ text: '另一个连接' });
      const [result] = await writer.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      expect(result).toMatchObject({ busy: 0 });
    } finally {
      await writer.destroy();
    }
    expect(await knex('notes').count({ n: '*' })).toEqual([{ n: 3 }]);
  });
});

describe('the cache on a raw connection', () => {
  const open = (file: string) =>
    new Promise<sqlite3.Database>((done, fail) => {
      const db = new sqlite3.Database(file, (err) => (err ? fail(err) : done(db)));
    });
  const all = (conn: CachableConnection, sql: string, bindings: unknown[] = []) =>
    new Promise<unknown[]>((done, fail) => conn.all(sql, bindings, (err, rows) => (err ? fail(err) : done(rows))));
  const close = (conn: CachableConnection) => new Promise<void>((done, fail) => conn.close((err) => (err ? fail(err) : done())));

  it('stays correct past its capacity and closes cleanly, even with a prepare still running', async () => {
    const db = await open(join(dir, 'raw.sqlite'));
    const conn = db as unknown as CachableConnection;
    cachePreparedReads(conn, 4);
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n < 10; n++) expect(await all(conn, `select ? + ${n} as v`, [round])).toEqual([{ v: round + n }]);
    }
    await expect(all(conn, 'select * from nowhere')).rejects.toThrow(/no such table/);
    void all(conn, 'select 42 as answer');
    // Both texts may still be preparing for the cache here, one of them doomed to fail.
    void all(conn, 'select * from nowhere either').catch(() => undefined);
    await close(conn);
  });
});
