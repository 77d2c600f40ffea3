import type { ImportIssue } from '../import/report';
import type { OnboardingKind } from '../import/onboarding/columns';
import type { ExportFile } from './assessmentTypes';

/** What an onboarding file does (dry run) or did (confirm). */
export interface OnboardingOutcome {
  kind: OnboardingKind;
  /** Data rows read from the file. */
  rows: number;
  created: number;
  updated: number;
  /** Rows that match what is stored: re-importing the same file leaves them as they are. */
  unchanged: number;
  /** The faults found, the first ISSUES_SHOWN of them (the report has all); with any, nothing is (or would be) written. */
  issues: ImportIssue[];
  issueCount: number;
  /** True only after a confirm that wrote (a dry run never writes). */
  written: boolean;
  /** The issues as an .xlsx to download; null when there are none. */
  report: ExportFile | null;
}

/** Issues carried in the answer for the screen; the downloadable report lists every one. */
export const ISSUES_SHOWN = 2000;
