import type { Knex } from 'knex';
import { FoldError, foldCase } from '../../core/workflow/fold';
import { rowToEvent } from '../../db/repositories/caseRows';
import type { LogEntry } from '../changeLog';
import { UNION_TABLES } from '../scope/policy';
import { insertChunked } from '../../db/writePath';
import type { BatchState } from './batchState';

export interface CaseScopeChange {
  caseId: string;
  street: string;
  /** Departments that had the case before the batch and still have it. */
  kept: string[];
  gained: string[];
  lost: string[];
}

function departmentsNow(eventRows: readonly Record<string, unknown>[], fallback: string[]): string[] {
  try {
    return foldCase(eventRows.map((r) => rowToEvent(r))).departmentIds;
  } catch (err) {
    if (!(err instanceof FoldError)) throw err;
    return fallback;
  }
}

/**
 * Folds each case the batch touched with core's fold, as every node does, to learn which departments
 * it is dispatched to now, and stores that for later scope checks. A new case's events are all in the
 * batch; an older case's are read in one query per 500 cases.
 */
export async function refoldTouchedCases(trx: Knex.Transaction, batch: BatchState): Promise<Map<string, CaseScopeChange>> {
  const result = new Map<string, CaseScopeChange>();
  const older = [...batch.touchedCases].filter((id) => batch.knownCase(id) && !batch.knownCase(id)!.isNew);
  const stored = new Map<string, Record<string, unknown>[]>();
  for (let i = 0; i < older.length; i += 500) {
    const rows = await trx('hub_rows').where({ table_name: 'case_events' }).whereIn('case_id', older.slice(i, i + 500)).select('case_id', 'row');
    for (const r of rows) stored.set(r.case_id, [...(stored.get(r.case_id) ?? []), JSON.parse(r.row)]);
  }
  const inserts: Record<string, unknown>[] = [];
  for (const caseId of batch.touchedCases) {
    const info = batch.knownCase(caseId);
    if (!info) continue;
    const events = info.isNew ? batch.rowsOfCase(caseId, 'case_events') : (stored.get(caseId) ?? []);
    const now = departmentsNow(events, info.before);
    const record = { street_id: info.street, department_ids: JSON.stringify(now) };
    const change = {
      caseId,
      street: info.street,
      kept: now.filter((d) => info.before.includes(d)),
      gained: now.filter((d) => !info.before.includes(d)),
      lost: info.before.filter((d) => !now.includes(d)),
    };
    if (info.isNew) inserts.push({ case_id: caseId, ...record });
    else if (change.gained.length > 0 || change.lost.length > 0) await trx('hub_cases').where({ case_id: caseId }).update(record);
    result.set(caseId, change);
  }
  await insertChunked(trx, 'hub_cases', inserts);
  return result;
}

/** A department that gained a case gets its whole history; one that lost it gets a removal. */
export async function scopeMoves(trx: Knex.Transaction, change: CaseScopeChange): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  if (change.gained.length > 0) {
    const rows = await trx('hub_rows').where({ case_id: change.caseId }).orderBy(['table_name', 'hlc']).select('table_name', 'id', 'hlc', 'row');
    for (const r of rows) {
      entries.push({
        table: r.table_name, rowId: r.id, op: 'insert', hlc: r.hlc, columns: null, row: JSON.parse(r.row), rowIsImmutable: UNION_TABLES.has(r.table_name),
        origin: null, forDistrict: false, targets: change.gained.map((d) => `dept:${d}`),
      });
    }
  }
  if (change.lost.length > 0) {
    entries.push({
      table: 'cases', rowId: change.caseId, op: 'remove', hlc: '', columns: null, row: null,
      origin: null, forDistrict: false, targets: change.lost.map((d) => `dept:${d}`),
    });
  }
  return entries;
}
