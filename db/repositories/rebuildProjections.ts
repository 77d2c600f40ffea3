import type { Knex } from 'knex';
import { isSqlite } from '../connection';
import type { WritePath } from '../writePath';
import { ingestProjections } from './caseStore';
import { rowToEvent } from './caseRows';
import type { CaseEvent } from '../../core/workflow/events';

const BATCH = 2000;
const DERIVED_TABLES = ['cases', 'case_states', 'case_departments', 'case_facts', 'fact_days', 'fact_months'] as const;

/**
 * Rebuilds every derived table (queue rows, states, department lists, full-text index,
 * facts and daily totals) from the case events: after the derivation code changes, or
 * to repair a node. The events themselves are not touched.
 *
 * All or nothing: the old rows are deleted and the new ones written in one transaction, so a
 * rebuild that is killed part-way leaves the desk exactly as it was (issue 13), and running it
 * again starts afresh. The events are read in batches of cases to bound memory.
 */
export async function rebuildAllProjections(
  writePath: WritePath,
  onProgress?: (done: number) => void,
  options: { batch?: number } = {},
): Promise<number> {
  const batch = options.batch ?? BATCH;
  return writePath.transaction(async (tx) => {
    for (const table of DERIVED_TABLES) await tx.trx(table).delete();
    if (isSqlite(tx.trx)) await tx.trx.raw('delete from cases_fts');
    let done = 0;
    let after = '';
    for (;;) {
      const ids = (await tx.trx('case_events').distinct('case_id').where('case_id', '>', after).orderBy('case_id').limit(batch)).map((r) => r.case_id as string);
      if (ids.length === 0) break;
      const rows = await tx.trx('case_events').whereIn('case_id', ids).where('deleted', 0);
      const histories = new Map<string, CaseEvent[]>();
      for (const row of rows) {
        const e = rowToEvent(row);
        histories.set(e.caseId, [...(histories.get(e.caseId) ?? []), e]);
      }
      await ingestProjections(tx, histories);
      done += ids.length;
      after = ids[ids.length - 1]!;
      onProgress?.(done);
    }
    return done;
  });
}

/**
 * Cheap signs that the derived tables do not match the events (an older, interrupted
 * rebuild; a copied file): the first and last case ids of the events are not in the queue,
 * or the queue and the folded states differ in size. Each is an index seek or a count.
 */
export async function projectionsOutOfStep(db: Knex): Promise<boolean> {
  const events = await db('case_events').where('deleted', 0).min({ first: 'case_id' }).max({ last: 'case_id' }).first();
  const cases = await db('cases').min({ first: 'id' }).max({ last: 'id' }).count({ n: '*' }).first();
  const states = await db('case_states').count({ n: '*' }).first();
  if ((events?.first ?? null) !== (cases?.first ?? null) || (events?.last ?? null) !== (cases?.last ?? null)) return true;
  return Number(cases?.n ?? 0) !== Number(states?.n ?? 0);
}
