/** The shape every onboarding kind's importer has, and what it needs from its caller. */
import type { RowReader } from '../../../core/import/onboarding/columns';
import type { ImportIssue } from '../../../core/import/report';
import type { KindSpec } from '../../../core/import/onboarding/columns';
import type { WriteTx } from '../../writePath';
import type { SheetRow } from './readSheet';

export interface ImportRun {
  tx: WriteTx;
  userId: string | null;
  at: number;
  /** New accounts' initial password as typed (validated against the password policy), and its hash. */
  initialPassword?: string;
  initialPasswordHash?: string;
}

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Faults found against the stored data; with any, the importer has written nothing. */
  issues: ImportIssue[];
  /** Accounts whose sessions must end (disabled by the import). */
  disabledUserIds?: string[];
}

export interface KindImporter<D> {
  spec: KindSpec;
  readRow: (row: RowReader) => D | null;
  /** Checks the rows against the database and, when all pass and `write` is true, writes them in `run.tx`. */
  apply: (run: ImportRun, rows: ReadonlyArray<SheetRow<D>>, write: boolean) => Promise<ApplyResult>;
}

export const noChange = (issues: ImportIssue[]): ApplyResult => ({ created: 0, updated: 0, unchanged: 0, issues });
