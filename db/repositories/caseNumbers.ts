import type { Knex } from 'knex';
import { isSqlite } from '../connection';

const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The next case number of the day on this node: 20261128-0042. Read from the `reported`
 * events (the record), not the derived queue rows, so a number is never given out twice
 * even while the derived tables are being rebuilt or repaired. The expression matches the
 * partial index of migration 20261203300000.
 */
export async function nextCaseNo(db: Knex | Knex.Transaction, at: number): Promise<string> {
  const day = new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const caseNo = isSqlite(db as Knex) ? "json_extract(payload, '$.caseNo')" : "(payload::json ->> 'caseNo')";
  const row = await db('case_events')
    .where('type', 'reported')
    .whereRaw(`${caseNo} >= ? and ${caseNo} < ?`, [`${day}-`, `${day}.`])
    .first(db.raw(`max(${caseNo}) as last`));
  const last = typeof row?.last === 'string' ? Number(row.last.slice(9, 13)) : 0;
  return `${day}-${String(last + 1).padStart(4, '0')}`;
}
