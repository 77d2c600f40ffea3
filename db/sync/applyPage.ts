import type { Knex } from 'knex';
import { ClockDriftError } from '../../core/sync/hlc';
import type { Change, PullResponse } from '../../core/sync/protocol';
import { purgeCases, refoldCases } from '../repositories/caseStore';
import { SYNCED_TABLES, type WritePath, type WriteTx } from '../writePath';
import { caseNoCollisions, unionCaseEvent } from './caseEvents';
import { addConflicts, type NewConflict } from './conflicts';
import { mergeReferenceChange } from './mergeReference';
import { saveSyncSettings } from './settings';

export interface PageResult {
  applied: number;
  removed: number;
  conflicts: number;
  refoldedCases: number;
  /** Set when a pulled version is further ahead of this PC's clock than allowed: this PC's clock is likely behind. */
  clockWarning: string | null;
  /** Reference rows changed: the backend's cached reference data is stale. */
  referenceChanged: boolean;
}

const SYNCED = new Set<string>(SYNCED_TABLES);
type Entry = { kind: 'change'; change: Change } | { kind: 'removal'; seq: number; table: string; id: string };

/**
 * Applies one pulled page and stores its cursor in ONE local transaction: a crash leaves either the whole
 * page and the new cursor, or neither, and applying the same page again changes nothing. Rows are written
 * straight to their tables, never through WriteTx.insert/update, so nothing is appended to the outbox.
 */
export async function applyPullPage(writePath: WritePath, page: PullResponse, now: number): Promise<PageResult> {
  return writePath.transaction(async (tx) => {
    const result: PageResult = { applied: 0, removed: 0, conflicts: 0, refoldedCases: 0, clockWarning: null, referenceChanged: false };
    const conflicts: NewConflict[] = [];
    const touchedCases = new Set<string>();
    const entries: Entry[] = [
      ...page.changes.map((change) => ({ kind: 'change' as const, change })),
      ...page.removals.map((r) => ({ kind: 'removal' as const, ...r })),
    ].sort((a, b) => seqOf(a) - seqOf(b));
    for (const entry of entries) {
      if (entry.kind === 'removal') {
        result.removed += await removeRow(tx, entry, touchedCases);
        continue;
      }
      const { change } = entry;
      receiveClock(writePath, change.hlc, result);
      if (!SYNCED.has(change.table)) {
        conflicts.push(notApplied(change, `未知的数据表「${change.table}」（本机版本可能较旧）`));
        continue;
      }
      try {
        await tx.trx.raw('savepoint sync_row');
        if (change.table === 'case_events') {
          const caseId = await unionCaseEvent(tx.trx, change);
          if (caseId) touchedCases.add(caseId);
        } else {
          conflicts.push(...(await mergeReferenceChange(tx.trx, change, writePath.nodeId)));
          result.referenceChanged = true;
        }
        await tx.trx.raw('release sync_row');
        result.applied += 1;
      } catch (error) {
        await tx.trx.raw('rollback to sync_row');
        await tx.trx.raw('release sync_row');
        conflicts.push(notApplied(change, `本机无法写入该记录：${describe(error)}`));
      }
    }
    const refolded = await refoldCases(tx, [...touchedCases], (states) => caseNoCollisions(tx.trx, states));
    result.refoldedCases = refolded.length;
    await addConflicts(tx.trx, now, conflicts);
    result.conflicts = conflicts.length;
    await saveSyncSettings(tx.trx, { pullCursor: page.cursor });
    return result;
  });
}

const seqOf = (e: Entry): number => (e.kind === 'change' ? e.change.seq : e.seq);

function receiveClock(writePath: WritePath, hlc: string, result: PageResult): void {
  try {
    writePath.clock.receive(hlc);
  } catch (error) {
    if (error instanceof ClockDriftError) result.clockWarning = `${error.message}：请检查本机的日期和时间`;
    else throw error;
  }
}

/** A row that left this node's scope: a case goes with its events and everything derived from it. */
async function removeRow(tx: WriteTx, removal: { table: string; id: string }, touched: Set<string>): Promise<number> {
  const trx: Knex.Transaction = tx.trx;
  if (removal.table === 'cases') {
    await purgeCases(tx, [removal.id]);
    touched.delete(removal.id);
    return 1;
  }
  if (removal.table === 'case_events') {
    const event = await trx('case_events').where({ id: removal.id }).first('case_id');
    if (!event) return 0;
    await trx('case_events').where({ id: removal.id }).delete();
    const left = await trx('case_events').where({ case_id: event.case_id, type: 'reported' }).first('id');
    if (left) touched.add(event.case_id);
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

function notApplied(change: Change, message: string): NewConflict {
  return {
    dedupe: `not_applied:${change.table}:${change.id}:${change.hlc}`,
    kind: 'not_applied',
    table: change.table,
    rowId: change.id,
    remoteValue: change.row,
    remoteHlc: change.hlc,
    message,
  };
}

/** The SQLite error's code only: its message carries the SQL with the row's values. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message.slice(0, 120) : '未知错误';
}
