import type { Knex } from 'knex';
import { isSqlite } from '../connection';

const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The next case number of the day on this node. A node working alone numbers 20261128-0042, as it always
 * has. Once enrolled with a hub, several nodes number cases in parallel and `cases.case_no` is unique, so
 * the node's code goes into the number: 20261128-KQ7M-0042 (letters only, derived from the node id at
 * enrolment: `db/sync/settings.ts`). Read from the `reported` events (the record), not the derived queue
 * rows, so a number is never given out twice even while the derived tables are being rebuilt or repaired.
 * The expression matches the partial index of migration 20261203300000.
 */
export async function nextCaseNo(db: Knex | Knex.Transaction, at: number): Promise<string> {
  const day = new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const settings = await db('sync_settings').where({ singleton: 1 }).first('node_code');
  const code = typeof settings?.node_code === 'string' ? settings.node_code : '';
  // Plain numbers run from "-0" to "-9"; a code's numbers from "-CODE-0" to "-CODE-9". ':' follows '9'.
  const prefix = code ? `${day}-${code}-` : `${day}-`;
  const caseNo = isSqlite(db as Knex) ? "json_extract(payload, '$.caseNo')" : "(payload::json ->> 'caseNo')";
  const row = await db('case_events')
    .where('type', 'reported')
    .whereRaw(`${caseNo} >= ? and ${caseNo} < ?`, [`${prefix}0`, `${prefix}:`])
    .first(db.raw(`max(${caseNo}) as last`));
  const last = typeof row?.last === 'string' ? Number(/(\d+)$/.exec(row.last)?.[1] ?? 0) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}
