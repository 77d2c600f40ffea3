import type { Knex } from 'knex';
import {
  playHistory, readHistoryRow, type CellValue, type HistoryFault, type HistoryLookups, type HistoryMapping, type PlayContext,
} from '../../../core/import/history';
import type { HistoryImportReport } from '../../../core/api/historyTypes';
import type { CaseEvent } from '../../../core/workflow/events';

export type { HistoryImportReport };
import { ingestNewCases } from '../../repositories/caseStore';
import type { WritePath } from '../../writePath';

/** A row as the table reader yields it: Excel's row number, the sheet's header, the cells and the reader's own findings. */
export interface HistoryTableRow {
  row: number;
  header: readonly string[];
  cells: readonly CellValue[];
  issues: ReadonlyArray<{ row: number; column: string; value: string; reason: string }>;
}

export interface HistoryImportOptions {
  mapping: HistoryMapping;
  lookups: HistoryLookups;
  play: PlayContext;
  now: number;
  /** Check and report only: nothing is written. */
  dryRun: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (progress: { rows: number; imported: number }) => void;
}


const MAX_LISTED_FAULTS = 2000;
const DEFAULT_BATCH = 1000;

async function existingCaseNos(knex: Knex, caseNos: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < caseNos.length; i += 500) {
    const rows = await knex('cases').whereIn('case_no', caseNos.slice(i, i + 500)).select('case_no');
    for (const r of rows) found.add(r.case_no as string);
  }
  return found;
}

/**
 * Streams a history file's rows into cases. Each batch is checked, played through core's
 * workflow, and written in one transaction through the write path (events outboxed, clock
 * saved) with the cases' projections and fact totals, like a seed's new cases. Refused rows
 * are reported and none of their events is written; a case number already in the database
 * is skipped, so importing the same file again adds nothing.
 */
export async function importHistory(writePath: WritePath, rows: AsyncIterable<HistoryTableRow>, options: HistoryImportOptions): Promise<HistoryImportReport> {
  const report: HistoryImportReport = { rows: 0, imported: 0, alreadyThere: 0, refusedRows: 0, faults: [], faultCount: 0 };
  const firstRowOf = new Map<string, number>();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let batch: Array<{ row: number; cells: Record<string, CellValue> }> = [];

  const refuse = (faults: readonly HistoryFault[]) => {
    report.refusedRows += 1;
    report.faultCount += faults.length;
    for (const f of faults) if (report.faults.length < MAX_LISTED_FAULTS) report.faults.push(f);
  };

  // The previous batch's transaction, still writing while the next batch is read and played:
  // SQLite works on libuv's threadpool, so reading the file and core's rules overlap with it.
  let writing: Promise<void> = Promise.resolve();

  const flush = async () => {
    const readings = batch.map((r) => ({ row: r.row, reading: readHistoryRow(r.cells, r.row, options.mapping, options.lookups, options.now) }));
    batch = [];
    // Played before the duplicate checks, which must wait for the previous batch's commit; a
    // row found already there (or repeated) drops its play, so what is reported is unchanged.
    const plays = readings.map(({ reading }) => (reading.ok ? playHistory(reading.history, options.play) : null));
    await writing;
    const caseNos = readings.flatMap((r) => (r.reading.ok ? [r.reading.history.caseNo] : []));
    const existing = await existingCaseNos(writePath.knex, caseNos);
    const events: CaseEvent[] = [];
    let cases = 0;
    readings.forEach(({ row, reading }, i) => {
      if (!reading.ok) {
        refuse(reading.faults);
        return;
      }
      const { caseNo } = reading.history;
      const first = firstRowOf.get(caseNo);
      if (first !== undefined) {
        refuse([{ row, column: options.mapping.caseNo ?? null, value: caseNo, reason: `案件编号与第 ${first} 行重复` }]);
        return;
      }
      firstRowOf.set(caseNo, row);
      if (existing.has(caseNo)) {
        report.alreadyThere += 1;
        return;
      }
      const played = plays[i]!;
      if (!played.ok) {
        refuse([played.fault]);
        return;
      }
      for (const e of played.events) events.push(e);
      cases += 1;
    });
    const rowsSoFar = report.rows;
    writing = (async () => {
      if (!options.dryRun && events.length > 0) await writePath.transaction((tx) => ingestNewCases(tx, events));
      report.imported += cases;
      options.onProgress?.({ rows: rowsSoFar, imported: report.imported });
    })();
    // Its failure is rethrown where it is awaited (next batch or the end), not reported as unhandled.
    writing.catch(() => undefined);
  };

  // The reader's findings (formula cells, error values) matter only in the columns the mapping uses.
  const used = new Set(Object.values(options.mapping));
  try {
    for await (const tableRow of rows) {
      report.rows += 1;
      const issues = tableRow.issues.filter((i) => i.column === '' || used.has(i.column));
      if (issues.length > 0) {
        refuse(issues.map((i) => ({ row: i.row, column: i.column || null, value: i.value, reason: i.reason })));
        continue;
      }
      const cells: Record<string, CellValue> = {};
      tableRow.header.forEach((h, i) => {
        if (h) cells[h] = tableRow.cells[i] ?? null;
      });
      batch.push({ row: tableRow.row, cells });
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    // A file that fails to read mid-way must not leave a batch committing behind the caller's back.
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
  return report;
}
