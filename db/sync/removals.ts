import { purgeCases } from '../repositories/caseStore';
import { SYNCED_TABLES, type WriteTx } from '../writePath';

const SYNCED = new Set<string>(SYNCED_TABLES);

/**
 * A row that left this node's scope. A case (`{table: 'cases'}`, what the hub sends) goes with its events,
 * ledger actions and everything derived from it; `touched` (cases to refold after the page) forgets it.
 */
export async function removeRow(tx: WriteTx, removal: { table: string; id: string }, touched: Set<string>): Promise<number> {
  const { trx } = tx;
  if (removal.table === 'cases') {
    await purgeCases(tx, [removal.id]);
    touched.delete(removal.id);
    return 1;
  }
  if (removal.table === 'case_events') {
    const event = await trx('case_events').where({ id: removal.id }).first('case_id');
    if (!event) return 0;
    await trx('case_events').where({ id: removal.id }).delete();
    if (await trx('case_events').where({ case_id: event.case_id, type: 'reported' }).first('id')) touched.add(event.case_id);
    else {
      await purgeCases(tx, [event.case_id]);
      touched.delete(event.case_id);
    }
    return 1;
  }
  if (!SYNCED.has(removal.table)) return 0;
  await trx.raw('savepoint sync_removal');
  try {
    const n = await trx(removal.table).where({ id: removal.id }).delete();
    await trx.raw('release sync_removal');
    return n;
  } catch {
    // Still referenced by rows this node keeps: hide it instead.
    await trx.raw('rollback to sync_removal');
    await trx.raw('release sync_removal');
    return trx(removal.table).where({ id: removal.id }).update({ deleted: 1 });
  }
}
