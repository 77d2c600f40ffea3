import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChunked, type Row } from '../../db/writePath';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend({ demo: false });
});
afterAll(async () => t.close());

const COLUMNS = ['id', 'case_id', 'kind', 'outcome', 'handler', 'department_id', 'grid_id', 'community_id', 'street_id', 'user_id', 'at', 'due_at', 'done_at', 'bucket_day', 'on_time', 'weight', 'exempt', 'place'];

function fact(id: string, over: Row = {}): Row {
  return {
    id, case_id: 'case-1', kind: 'handle', outcome: '已解决（部分）', handler: 'department', department_id: null, grid_id: 'g-1', community_id: 'c-1', street_id: 's-1',
    user_id: null, at: 1_764_000_000_123, due_at: 2_147_483_648, done_at: -5, bucket_day: '2025-11-25', on_time: true, weight: 10, exempt: 0, place: false, ...over,
  };
}

/** Each column's stored type and value, as SQLite holds them. */
async function stored(id: string): Promise<Row> {
  const row = await t.backend.knex('case_facts').where({ id }).first(COLUMNS.flatMap((c) => [t.backend.knex.raw(`typeof(${c}) as ${c}_type`), c]));
  return Object.fromEntries(Object.entries(row as Row).map(([k, v]) => [k, k === 'id' ? null : v]));
}

describe('bulk inserts on SQLite', () => {
  it('store every value exactly as binding it one by one does', async () => {
    const plain = [fact('bound-1'), fact('bound-2', { weight: 0.1 + 0.2, user_id: '网格员 甲', on_time: null })];
    await t.backend.knex('case_facts').insert(plain);
    // The case tables' bulk inserts travel as JSON; a fraction sends its chunk the bound way.
    await insertChunked(t.backend.knex, 'case_facts', [fact('bulk-1'), fact('bulk-2', { weight: 0.1 + 0.2, user_id: '网格员 甲', on_time: null })]);
    expect(await stored('bulk-1')).toEqual(await stored('bound-1'));
    expect(await stored('bulk-2')).toEqual(await stored('bound-2'));
    expect((await stored('bulk-2')).weight).toBe(0.1 + 0.2);
  });

  it('write thousands of rows in order, none lost', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => fact(`many-${String(i).padStart(5, '0')}`, { at: 1_764_000_000_000 + i, outcome: `第${i}条` }));
    await insertChunked(t.backend.knex, 'case_facts', rows);
    const back = await t.backend.knex('case_facts').where('id', 'like', 'many-%').orderBy('id').select('id', 'at', 'outcome');
    expect(back).toEqual(rows.map((r) => ({ id: r.id, at: r.at, outcome: r.outcome })));
  });
});
