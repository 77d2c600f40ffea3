import type { FreshnessDrillRow } from './registryTypes';
import type { Grade, IndicatorId, PeriodSpec, SchemeDefinition, TargetKind } from '../assessment';
import type { AdjustmentSource } from '../assessment/scheme';
import type { CaseSummary } from './types';

export interface SchemeSummary {
  id: string;
  name: string;
  version: number;
  status: 'active' | 'draft' | 'archived';
  basedOnId: string | null;
  createdAt: number;
}

export interface SchemeWithDefinition extends SchemeSummary {
  definition: SchemeDefinition;
}

export interface IndicatorCell {
  indicator: IndicatorId;
  weight: number;
  numerator: number;
  denominator: number;
  value: number | null;
  score: number | null;
  /** value minus the previous period's value; null when either is missing. */
  change: number | null;
}

export interface ScorecardRow {
  target: { kind: TargetKind; id: string; name: string; parentName: string | null };
  rank: number | null;
  score: number | null;
  grade: Grade | null;
  /** Score and rank change against the previous period. */
  scoreChange: number | null;
  rankChange: number | null;
  indicators: IndicatorCell[];
  adjustments: Array<{ source: AdjustmentSource; count: number; points: number }>;
}

export interface RunSummary {
  id: string;
  schemeId: string;
  schemeName: string;
  period: PeriodSpec;
  periodLabel: string;
  status: 'draft' | 'published';
  computedAt: number;
  computedBy: string;
}

export interface Scorecard {
  /** null for a live computation that was not saved. */
  run: RunSummary | null;
  kind: TargetKind;
  periodLabel: string;
  previousPeriodLabel: string;
  rows: ScorecardRow[];
}

export interface DrillRow {
  case: CaseSummary;
  /** The fact that put the case in this list: its deadline, when it was done, and its points (督办: 0, 5 or 10; else 1). */
  fact: { kind: string; outcome: string | null; dueAt: number | null; doneAt: number | null; onTime: boolean | null; at: number; weight: number };
}

export interface DrillResult {
  indicator: IndicatorId;
  part: 'numerator' | 'denominator';
  formula: string;
  /** How many facts the list has, over all its pages. */
  total: number;
  /** For a weighted count (督办数): the points of all the list's facts, which is the number itself; null otherwise. */
  points: number | null;
  rows: DrillRow[];
  /** 基础数据更新率 counts register records, not cases: its list is here (one page), and rows is empty. */
  records?: FreshnessDrillRow[];
}

export interface RunComparison {
  a: RunSummary;
  b: RunSummary;
  kind: TargetKind;
  rows: Array<{ target: ScorecardRow['target']; a: number | null; b: number | null; change: number | null; rankA: number | null; rankB: number | null }>;
}

export const LEDGER_TYPES = ['overdue', 'rework', 'wrong_dispatch', 'missed_report'] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];

export const LEDGER_TYPE_LABELS: Record<LedgerType, string> = {
  overdue: '超期',
  rework: '返工',
  wrong_dispatch: '派遣错误被退回',
  missed_report: '漏报（他人发现）',
};

export type LedgerStatus = 'open' | 'appealed' | 'exempted' | 'upheld';
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = { open: '待处理', appealed: '申诉中', exempted: '已免责', upheld: '维持' };

export interface LedgerAction {
  action: 'appeal' | 'exempt' | 'uphold';
  reason: string;
  evidence: string[];
  actorName: string;
  at: number;
}

export interface LedgerEntry {
  id: string;
  type: LedgerType;
  target: { kind: TargetKind; id: string; name: string };
  caseId: string;
  caseNo: string;
  summary: string;
  /** When it happened: the deadline missed, the failed check, the return, the report by others. */
  at: number;
  detail: string;
  /** For overdue entries: which stage, its deadline and when it was done (null while still open). */
  stage: 'sign' | 'handle' | 'verify' | null;
  dueAt: number | null;
  doneAt: number | null;
  status: LedgerStatus;
  history: LedgerAction[];
}

export interface LedgerPage {
  rows: LedgerEntry[];
  total: number;
}

export interface ProfilePoint {
  period: PeriodSpec;
  periodLabel: string;
  /** The month's published run, when there is one: its frozen numbers are shown. */
  publishedRunId: string | null;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
  of: number;
  indicators: Array<{ indicator: IndicatorId; value: number | null }>;
}

export interface TargetProfile {
  target: { kind: TargetKind; id: string; name: string };
  points: ProfilePoint[];
  openLedger: number;
}

export interface ExportFile {
  name: string;
  mime: string;
  dataBase64: string;
}
