import { isSqlite } from '../connection';
import type { WritePath } from '../writePath';
import { ingestProjections } from './caseStore';
import { rowToEvent } from './caseRows';
import type { CaseEvent } from '../../core/workflow/events';

const BATCH = 2000;

/**
 * Rebuilds every derived table (queue rows, states, department lists, full-text index,
 * facts and daily totals) from the case events: after the derivation code changes, or
 * to repair a node. The events themselves are not touched.
 */
export async function rebuildAllProjections(writePath: WritePath, onProgress?: (done: number) => void): Promise<number> {
  const { knex } = writePath;
  await writePath.transaction(async (tx) => {
    for (const table of ['cases', 'case_states', 'case_departments', 'case_facts', 'fact_days', 'fact_months']) await tx.trx(table).delete();
    if (isSqlite(knex)) await tx.trx.raw('delete from cases_fts');
  });
  let done = 0;
  let after = '';
  for (;;) {
    const ids = (await knex('case_events').distinct('case_id').where('case_id', '>', after).orderBy('case_id').limit(BATCH)).map((r) => r.case_id as string);
    if (ids.length === 0) break;
    const rows = await knex('case_events').whereIn('case_id', ids).where('deleted', 0);
    const histories = new Map<string, CaseEvent[]>();
    for (const row of rows) {
      const e = rowToEvent(row);
      histories.set(e.caseId, [...(histories.get(e.caseId) ?? []), e]);
    }
    await writePath.transaction((tx) => ingestProjections(tx, histories));
    done += ids.length;
    after = ids[ids.length - 1]!;
    onProgress?.(done);
  }
  return done;
}
