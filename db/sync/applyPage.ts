import type { Knex } from 'knex';
import { ClockDriftError } from '../../core/sync/hlc';
import type { Change, PullResponse } from '../../core/sync/protocol';
import { refoldCases } from '../repositories/caseStore';
import { SYNCED_TABLES, type WritePath } from '../writePath';
import { caseNoCollisions, unionCaseEvent } from './caseEvents';
import { addConflicts, type NewConflict } from './conflicts';
import { mergeReferenceChange } from './mergeReference';
import { removeRow } from './removals';
import { saveSyncSettings } from './settings';

export interface PageResult {
  applied: number;
  removed: number;
  conflicts: number;
  /** Rows waiting for a row they reference (kept in `sync_parked`, retried after every page). */
  parked: number;
  refoldedCases: number;
  /** Set when a pulled version is further ahead of this PC's clock than allowed: this PC's clock is likely behind. */
  clockWarning: string | null;
  /** Reference rows changed: the backend's cached reference data is stale. */
  referenceChanged: boolean;
}

const SYNCED = new Set<string>(SYNCED_TABLES);
type Entry = { kind: 'change'; change: Change } | { kind: 'removal'; seq: number; table: string; id: string };
type Outcome = { ok: true; caseId: string | null; conflicts: NewConflict[] } | { ok: false; parked: boolean; conflict: NewConflict | null };

/**
 * Applies one pulled page and stores its cursor in ONE local transaction: a crash leaves either the whole
 * page and the new cursor, or neither, and applying the same page again changes nothing. Rows are written
 * straight to their tables, never through WriteTx.insert/update, so nothing is appended to the outbox.
 */
export async function applyPullPage(writePath: WritePath, page: PullResponse, now: number): Promise<PageResult> {
  return writePath.transaction(async (tx) => {
    const result: PageResult = { applied: 0, removed: 0, conflicts: 0, parked: 0, refoldedCases: 0, clockWarning: null, referenceChanged: false };
    const conflicts: NewConflict[] = [];
    const touched = new Set<string>();
    const entries: Entry[] = [
      ...page.changes.map((change) => ({ kind: 'change' as const, change })),
      ...page.removals.map((r) => ({ kind: 'removal' as const, ...r })),
    ].sort((a, b) => seqOf(a) - seqOf(b));
    for (const entry of entries) {
      if (entry.kind === 'removal') {
        result.removed += await removeRow(tx, entry, touched);
        continue;
      }
      receiveClock(writePath, entry.change.hlc, result);
      const outcome = await applyChange(tx.trx, entry.change, writePath.nodeId);
      if (outcome.ok) {
        result.applied += 1;
        if (outcome.caseId) touched.add(outcome.caseId);
        else if (entry.change.table !== 'case_events') result.referenceChanged = true;
        conflicts.push(...outcome.conflicts);
      } else if (outcome.parked) {
        await tx.trx('sync_parked').insert({ seq: entry.change.seq, table_name: entry.change.table, row_id: entry.change.id, change: JSON.stringify(entry.change) }).onConflict('seq').ignore();
      } else if (outcome.conflict) conflicts.push(outcome.conflict);
    }
    result.applied += await retryParked(tx.trx, writePath.nodeId, conflicts);
    result.parked = Number((await tx.trx('sync_parked').count({ n: '*' }).first())?.n ?? 0);
    const refolded = await refoldCases(tx, [...touched], (states) => caseNoCollisions(tx.trx, states));
    result.refoldedCases = refolded.length;
    await addConflicts(tx.trx, now, conflicts);
    result.conflicts = conflicts.length;
    await saveSyncSettings(tx.trx, { pullCursor: page.cursor });
    return result;
  });
}

const seqOf = (e: Entry): number => (e.kind === 'change' ? e.change.seq : e.seq);

/** One change inside a savepoint: a row that cannot be stored is undone alone, not the page. */
async function applyChange(trx: Knex.Transaction, change: Change, ownNode: string): Promise<Outcome> {
  if (!SYNCED.has(change.table)) return { ok: false, parked: false, conflict: notApplied(change, `未知的数据表「${change.table}」（本机版本可能较旧）`) };
  await trx.raw('savepoint sync_row');
  try {
    const caseId = change.table === 'case_events' ? await unionCaseEvent(trx, change) : null;
    const conflicts = change.table === 'case_events' ? [] : await mergeReferenceChange(trx, change, ownNode);
    await trx.raw('release sync_row');
    return { ok: true, caseId, conflicts };
  } catch (error) {
    await trx.raw('rollback to sync_row');
    await trx.raw('release sync_row');
    if (/FOREIGN KEY/i.test(String((error as Error).message))) return { ok: false, parked: true, conflict: null };
    return { ok: false, parked: false, conflict: notApplied(change, `本机无法写入该记录：${describe(error)}`) };
  }
}

/** Parked rows whose reference has arrived, in hub order, until a pass stores none. */
async function retryParked(trx: Knex.Transaction, ownNode: string, conflicts: NewConflict[]): Promise<number> {
  let applied = 0;
  for (;;) {
    let progress = false;
    for (const row of await trx('sync_parked').orderBy('seq').select()) {
      const outcome = await applyChange(trx, JSON.parse(row.change) as Change, ownNode);
      if (!outcome.ok && outcome.parked) continue;
      await trx('sync_parked').where({ seq: row.seq }).delete();
      if (outcome.ok) conflicts.push(...outcome.conflicts);
      else if (outcome.conflict) conflicts.push(outcome.conflict);
      applied += outcome.ok ? 1 : 0;
      progress = true;
    }
    if (!progress) return applied;
  }
}

function receiveClock(writePath: WritePath, hlc: string, result: PageResult): void {
  try {
    writePath.clock.receive(hlc);
  } catch (error) {
    if (error instanceof ClockDriftError) {
      result.clockWarning = `${error.message}：请检查本机的日期和时间`;
      // The row is stored anyway (the hub already bounds how far ahead it may be): pass it, or this
      // node's next edit of it would carry an older version and lose to it unseen (chaos seed 1).
      writePath.clock.receive(hlc, Number.POSITIVE_INFINITY);
    } else if (!(error instanceof Error && /HLC/.test(error.message))) throw error;
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
