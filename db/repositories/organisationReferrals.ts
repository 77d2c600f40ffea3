/** The referrals made in a period, read from the events (the board's one source): see core/organisations/participation.ts. */
import type { Knex } from 'knex';
import { referralsOf, type Referral } from '../../core/organisations/participation';
import type { CaseEvent } from '../../core/workflow/events';
import { rowToEvent } from './caseRows';

type Db = Knex | Knex.Transaction;
const CHUNK = 500;

/** Referrals made in [from, to), each followed through its case's later events (found on the (type, at) index). */
export async function referralsIn(db: Db, from: number, to: number): Promise<Referral[]> {
  const referred = await db('case_events').where({ type: 'referred', deleted: 0 }).where('at', '>=', from).where('at', '<', to).distinct('case_id');
  const caseIds = referred.map((r) => r.case_id as string);
  const referrals: Referral[] = [];
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const rows = await db('case_events').whereIn('case_id', caseIds.slice(i, i + CHUNK)).where({ deleted: 0 }).select('*');
    const byCase = new Map<string, CaseEvent[]>();
    for (const row of rows) {
      const e = rowToEvent(row);
      const list = byCase.get(e.caseId);
      if (list) list.push(e);
      else byCase.set(e.caseId, [e]);
    }
    for (const events of byCase.values()) referrals.push(...referralsOf(events).filter((r) => r.referredAt >= from && r.referredAt < to));
  }
  return referrals;
}
