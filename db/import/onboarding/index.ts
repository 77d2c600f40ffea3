/**
 * Excel onboarding: read the kind's template from the file, check every row (cell faults, then
 * the record rules against the stored data), and write all or nothing in one write-path
 * transaction. A dry run is the same transaction rolled back, so what it reports (created,
 * updated, unchanged, every fault) is exactly what confirming would do.
 */
import type { OnboardingKind } from '../../../core/import/onboarding/columns';
import { sortIssues, type ImportIssue } from '../../../core/import/report';
import type { WritePath } from '../../writePath';
import type { TableSource } from '../tableReader';
import type { ApplyResult, ImportRun, KindImporter } from './importer';
import { readOnboardingSheet } from './readSheet';
import { categoriesImporter } from './catalogue';
import { usersImporter } from './people';
import { regionsImporter } from './regions';
import { departmentsImporter, organisationsImporter } from './units';


export interface OnboardingRunResult extends Omit<ApplyResult, 'issues'> {
  rows: number;
  issues: ImportIssue[];
  written: boolean;
}

class Rollback extends Error {
  constructor(readonly result: OnboardingRunResult) {
    super('rollback');
  }
}

export interface OnboardingRequest {
  kind: OnboardingKind;
  file: TableSource;
  userId: string | null;
  at: number;
  /** False: check and count only, write nothing. */
  write: boolean;
  initialPassword?: string;
  initialPasswordHash?: string;
}

type Runner = (writePath: WritePath, request: OnboardingRequest) => Promise<OnboardingRunResult>;
const runnerOf = <D>(importer: KindImporter<D>): Runner => (writePath, request) => runImporter(importer, writePath, request);

const RUNNERS: Record<OnboardingKind, Runner> = {
  regions: runnerOf(regionsImporter),
  departments: runnerOf(departmentsImporter),
  organisations: runnerOf(organisationsImporter),
  categories: runnerOf(categoriesImporter),
  users: runnerOf(usersImporter),
};

export async function runOnboarding(writePath: WritePath, request: OnboardingRequest): Promise<OnboardingRunResult> {
  return RUNNERS[request.kind](writePath, request);
}

async function runImporter<D>(importer: KindImporter<D>, writePath: WritePath, request: OnboardingRequest): Promise<OnboardingRunResult> {
  const sheet = await readOnboardingSheet(importer.spec, request.file, importer.readRow);
  const empty = { rows: sheet.rowCount, created: 0, updated: 0, unchanged: 0, written: false };
  try {
    return await writePath.transaction(async (tx) => {
      const run: ImportRun = { tx, userId: request.userId, at: request.at, initialPassword: request.initialPassword, initialPasswordHash: request.initialPasswordHash };
      // Rows with cell faults are still checked against the data, so one report lists everything; nothing is written.
      const clean = sheet.issues.length === 0;
      const applied = await importer.apply(run, sheet.rows, clean);
      const issues = sortIssues([...sheet.issues, ...applied.issues]);
      if (issues.length > 0) throw new Rollback({ ...empty, issues });
      const result = { ...applied, rows: sheet.rowCount, issues, written: request.write };
      if (!request.write) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
