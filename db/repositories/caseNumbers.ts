import type { Knex } from 'knex';

const CST_OFFSET_MS = 8 * 3_600_000;

/** The next case number of the day on this node: 20261128-0042. */
export async function nextCaseNo(db: Knex | Knex.Transaction, at: number): Promise<string> {
  const day = new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const row = await db('cases').where('case_no', 'like', `${day}-%`).max({ last: 'case_no' }).first();
  const last = typeof row?.last === 'string' ? Number(row.last.slice(9, 13)) : 0;
  return `${day}-${String(last + 1).padStart(4, '0')}`;
}
