import type { Knex } from 'knex';
import type { Change } from '../../core/sync/protocol';
import type { CaseState } from '../../core/workflow/state';
import { valueFromWire } from './wireValues';

const EVENT_COLUMNS = ['case_id', 'type', 'at', 'actor_id', 'actor_role', 'parent_id', 'payload'] as const;

/**
 * Case events are a union: an event is stored once, whoever sends it and however often. Returns the case it
 * belongs to when it was new here (that case's projections must be refolded), else null.
 */
export async function unionCaseEvent(trx: Knex.Transaction, change: Change): Promise<string | null> {
  if (!change.row || change.op === 'delete') return null;
  const row: Record<string, unknown> = { id: change.id, hlc: change.hlc, deleted: 0 };
  for (const column of EVENT_COLUMNS) row[column] = valueFromWire(change.row[column] ?? null);
  if (typeof row.case_id !== 'string' || typeof row.type !== 'string' || typeof row.payload !== 'string') throw new Error('案件事件缺少案件编号、类型或内容');
  // Unreadable content would stop every later refold of the case: refuse it here, into the inbox.
  const payload: unknown = JSON.parse(row.payload);
  if (payload === null || typeof payload !== 'object') throw new Error('案件事件的内容不是对象');
  const inserted = await trx('case_events').insert(row).onConflict('id').ignore();
  // node-sqlite3 reports the rowid of the last insert; an ignored insert leaves `changes()` at 0.
  const [changed] = (await trx.raw('select changes() as n')) as { n: number }[];
  return inserted && (changed?.n ?? 0) > 0 ? row.case_id : null;
}

/**
 * Case numbers are unique per node by construction (the node code), but two nodes that worked alone before
 * enrolling both numbered 20261128-0001. The later arrival here keeps its number in its events and shows
 * it with the end of its case id (20261128-0001-3f2a), so the pull never stalls on the unique index.
 */
export async function caseNoCollisions(trx: Knex.Transaction, states: CaseState[]): Promise<void> {
  const takenBy = new Map<string, string>();
  for (let i = 0; i < states.length; i += 500) {
    const numbers = states.slice(i, i + 500).map((s) => s.caseNo);
    for (const r of await trx('cases').whereIn('case_no', numbers).select('id', 'case_no')) takenBy.set(r.case_no as string, r.id as string);
  }
  for (const state of states) {
    const holder = takenBy.get(state.caseNo);
    if (holder !== undefined && holder !== state.id) state.caseNo = `${state.caseNo}-${state.id.slice(-4)}`;
    takenBy.set(state.caseNo, state.id);
  }
}
