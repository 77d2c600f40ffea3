import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { LedgerType } from '../../../core/api/assessmentTypes';
import type { WriteTx } from '../../writePath';
import { addContributions, applyTotals } from '../factStore';

/**
 * Accountability entries (追责台账) are read off the facts: a stage that ran over its
 * deadline, a failed check, a dispatch the department sent back, a problem someone
 * else found in a grid. An entry's id is its fact's id plus its type.
 */
export function ledgerFilter(db: Knex, type: LedgerType, fromDay: string, toDay: string, now: number): Knex.QueryBuilder {
  const q = db('case_facts as f').join('cases as c', 'c.id', 'f.case_id').where('f.bucket_day', '>=', fromDay).where('f.bucket_day', '<', toDay);
  switch (type) {
    case 'overdue':
      return q.whereIn('f.kind', ['sign', 'handle', 'verify']).whereNotNull('f.due_at')
        .where((w) => w.whereRaw('f.done_at > f.due_at').orWhere((open) => open.whereNull('f.done_at').where('f.due_at', '<', now)));
    case 'rework':
      return q.where('f.kind', 'rework');
    case 'wrong_dispatch':
      return q.where('f.kind', 'sign').where('f.outcome', 'returned');
    case 'missed_report':
      return q.where('f.kind', 'found_by_others');
  }
}

export interface LedgerFactRow {
  fact_id: string;
  case_id: string;
  case_no: string;
  summary: string;
  kind: string;
  outcome: string | null;
  handler: string | null;
  department_id: string | null;
  grid_id: string;
  street_id: string;
  at: number;
  due_at: number | null;
  done_at: number | null;
  exempt: number;
}

export const LEDGER_COLUMNS = [
  'f.id as fact_id', 'f.case_id', 'c.case_no', 'c.summary', 'f.kind', 'f.outcome', 'f.handler', 'f.department_id', 'f.grid_id', 'f.street_id',
  'f.at', 'f.due_at', 'f.done_at', 'f.exempt',
];

export interface StoredAction {
  entry_id: string;
  action: 'appeal' | 'exempt' | 'uphold';
  reason: string;
  evidence: string;
  at: number;
  actor_name: string | null;
}

export async function actionsFor(db: Knex, entryIds: readonly string[]): Promise<Map<string, StoredAction[]>> {
  const byEntry = new Map<string, StoredAction[]>();
  for (let i = 0; i < entryIds.length; i += 500) {
    const rows = await db('ledger_actions as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .whereIn('a.entry_id', entryIds.slice(i, i + 500))
      .where('a.deleted', 0)
      .orderBy(['a.at', 'a.id'])
      .select('a.entry_id', 'a.action', 'a.reason', 'a.evidence', 'a.at', 'u.display_name as actor_name');
    for (const r of rows as StoredAction[]) byEntry.set(r.entry_id, [...(byEntry.get(r.entry_id) ?? []), r]);
  }
  return byEntry;
}

/**
 * Records an appeal or a decision. A decision that changes whether the fact is exempt
 * moves the daily totals in the same transaction, so the next draft reflects it.
 */
export async function recordLedgerAction(
  tx: WriteTx,
  entry: { entryId: string; factId: string; caseId: string },
  action: { kind: 'appeal' | 'exempt' | 'uphold'; reason: string; evidence: string[]; actorId: string; at: number },
): Promise<void> {
  await tx.insert('ledger_actions', [{
    id: uuidv7(),
    entry_id: entry.entryId,
    fact_id: entry.factId,
    case_id: entry.caseId,
    action: action.kind,
    reason: action.reason,
    evidence: JSON.stringify(action.evidence),
    actor_id: action.actorId,
    at: action.at,
  }]);
  if (action.kind === 'appeal') return;
  const fact = await tx.trx('case_facts').where({ id: entry.factId }).first();
  const exempt = action.kind === 'exempt' ? 1 : 0;
  if (!fact || fact.exempt === exempt) return;
  const totals = new Map();
  addContributions(totals, [fact], -1);
  addContributions(totals, [{ ...fact, exempt }], 1);
  await tx.trx('case_facts').where({ id: entry.factId }).update({ exempt });
  await applyTotals(tx.trx, totals);
}
