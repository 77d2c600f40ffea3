import type { HistoryFault, HistoryMapping } from '../import/history';

export interface HistoryInspection {
  /** The file's column headers, in order. */
  headers: string[];
  /** The mapping to start from: the remembered one when the file has its columns, else a guess from the headers. */
  mapping: HistoryMapping;
  remembered: boolean;
  /** The first rows, as text, under the headers. */
  sample: string[][];
}

export interface HistoryImportReport {
  /** Data rows read. */
  rows: number;
  /** Cases written (a dry run: cases that would be written). */
  imported: number;
  /** Rows whose case number is already in the database: imported before. */
  alreadyThere: number;
  /** Rows refused, each with its faults. */
  refusedRows: number;
  faults: HistoryFault[];
  /** Faults beyond this many are counted, not listed: a report names rows, it does not copy the file. */
  faultCount: number;
}

export interface HistoryRunResult extends HistoryImportReport {
  dryRun: boolean;
  /** Mapping faults (a required field without a column): nothing was read. */
  mappingProblems: string[];
  ms: number;
}

export interface HistoryProgress {
  running: boolean;
  rows: number;
  imported: number;
}
