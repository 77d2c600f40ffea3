import type { ImportIssue } from '../import/report';
import type { RegisterSheetKind } from '../registry/sheetKinds';
import type { ExportFile } from './assessmentTypes';
import type { RecordKind, TagCode } from '../registry/tags';

export interface TagView {
  code: TagCode;
  label: string;
}

/** A resident as lists show it: masked, with only the tags the viewer may see. */
export interface ResidentRow {
  id: string;
  gridId: string;
  name: string;
  idNumber: string;
  phone: string;
  building: string;
  unit: string;
  room: string;
  householdId: string | null;
  relation: string;
  tags: TagView[];
  status: 'active' | 'moved_out';
  verifiedAt: number;
  verifyDueAt: number;
}

export interface ResidentPage {
  total: number;
  rows: ResidentRow[];
  /** The viewer may reveal a record's ID number and phone (with a reason). */
  mayReveal: boolean;
}

export interface ResidentDetail extends ResidentRow {
  household: ResidentRow[];
  /** The note attached to the tags, only when every tag is visible to the viewer. */
  note: string | null;
}

export interface RevealedResident {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  tags: TagView[];
  note: string | null;
}

export interface HouseRow {
  id: string;
  gridId: string;
  code: string;
  building: string;
  unit: string;
  room: string;
  use: string;
  occupancy: string;
  ownerName: string;
  residents: number;
  status: 'active' | 'moved_out';
  verifiedAt: number;
  verifyDueAt: number;
}

export interface ComponentRow {
  id: string;
  gridId: string;
  code: string;
  kind: string;
  address: string;
  lng: number | null;
  lat: number | null;
  condition: string;
  status: 'active' | 'moved_out';
  verifiedAt: number;
  verifyDueAt: number;
}

export interface DueRecord {
  kind: RecordKind;
  id: string;
  gridId: string;
  /** What the grid worker reads in the list: a masked name and address, a house or component code. */
  label: string;
  address: string;
  dueAt: number;
  overdue: boolean;
}

export interface VerifyResult {
  kind: RecordKind;
  id: string;
  outcome: 'confirmed' | 'changed' | 'moved_out';
  onTime: boolean;
  nextDueAt: number | null;
}

export interface FreshnessRow {
  targetId: string;
  targetName: string;
  gridId: string;
  onTime: number;
  due: number;
  rate: number | null;
}

export interface FreshnessDrillRow {
  kind: RecordKind;
  recordId: string;
  label: string;
  dueAt: number;
  answeredAt: number | null;
  outcome: string | null;
  state: 'on_time' | 'late';
}

export interface ViewLogRow {
  at: number;
  userId: string | null;
  userName: string;
  reason: string;
}

export interface AtCaseResult {
  address: string;
  residents: ResidentRow[];
  houses: HouseRow[];
  components: ComponentRow[];
  mayReveal: boolean;
}

/** What a register's sheet does (dry run) or did: with any issue, nothing is written. */
export interface RegisterImportOutcome {
  kind: RegisterSheetKind;
  rows: number;
  created: number;
  updated: number;
  /** Rows that say what is stored already: re-importing the same file writes nothing for them. */
  unchanged: number;
  /** The first issues (the report has them all). */
  issues: ImportIssue[];
  issueCount: number;
  written: boolean;
  /** Every issue as an .xlsx to download; null when there are none. */
  report: ExportFile | null;
}

export type ResidentImportOutcome = RegisterImportOutcome;
