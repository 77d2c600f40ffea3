import type { Knex } from 'knex';
import { FoldError, foldCase } from '../../core/workflow/fold';
import { rowToEvent } from '../../db/repositories/caseRows';
import type { LogEntry } from '../changeLog';
import type { BatchState } from './batchState';

export interface CaseScopeChange {
  caseId: string;
  street: string;
  /** Departments that had the case before the batch and still have it. */
  kept: string[];
  gained: string[];
  lost: string[];
}

/**
 * Folds each case the batch touched with core's fold, as every node does, to learn which departments
 * it is dispatched to now, and stores that for later scope checks.
 */
export async function refoldTouchedCases(trx: Knex.Transaction, batch: BatchState): Promise<Map<string, CaseScopeChange>> {
  const result = new Map<string, CaseScopeChange>();
  for (const caseId of batch.touchedCases) {
    const info = batch.knownCase(caseId);
    if (!info) continue;
    const rows = await trx('hub_rows').where({ table_name: 'case_events', case_id: caseId }).select('row');
    let now = info.before;
    try {
      now = foldCase(rows.map((r: { row: string }) => rowToEvent(JSON.parse(r.row)))).departmentIds;
    } catch (err) {
      if (!(err instanceof FoldError)) throw err;
    }
    const record = { street_id: info.street, department_ids: JSON.stringify(now) };
    if (info.isNew) await trx('hub_cases').insert({ case_id: caseId, ...record });
    else await trx('hub_cases').where({ case_id: caseId }).update(record);
    result.set(caseId, {
      caseId,
      street: info.street,
      kept: now.filter((d) => info.before.includes(d)),
      gained: now.filter((d) => !info.before.includes(d)),
      lost: info.before.filter((d) => !now.includes(d)),
    });
  }
  return result;
}

/** A department that gained a case gets its whole history; one that lost it gets a removal. */
export async function scopeMoves(trx: Knex.Transaction, change: CaseScopeChange): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  if (change.gained.length > 0) {
    const rows = await trx('hub_rows').where({ case_id: change.caseId }).orderBy(['table_name', 'hlc']).select('table_name', 'id', 'hlc', 'row');
    for (const r of rows) {
      entries.push({
        table: r.table_name, rowId: r.id, op: 'insert', hlc: r.hlc, columns: null, row: JSON.parse(r.row),
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
