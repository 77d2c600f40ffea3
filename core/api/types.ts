import type { CaseSource, CaseStatus, HandlingResult, Priority, Satisfaction, SupervisionLevel, TimedStage } from '../domain/case';
import type { Role } from '../domain/roles';
import type { LimitColour, TimeLimit } from '../calendar/types';
import type { QueueTab } from '../domain/queueTabs';
import type { MoveName } from '../workflow/moves';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  regionId: string | null;
  /** Every grid a grid worker covers (the home grid, `regionId`, first); absent for other roles. */
  gridIds?: string[];
  /** The social organisation an organisation_staff account speaks for; absent for other roles. */
  organisationId?: string;
  /** A grid worker who is 网格长: also answers for (and may open the scorecard of) the grids they cover. */
  gridLeader?: true;
}

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: number;
  /** A new account or a reset password: the user must choose a new one before working. */
  mustChangePassword: boolean;
}

export interface SetupStatus {
  /** True when the database has no users yet: the app offers demo data or a fresh start. */
  needsSetup: boolean;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export type RegionLevel = 'district' | 'street' | 'community' | 'grid';

export interface RegionRef {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  /** Deactivated regions stay for the history that names them, but take no new reports. */
  active: boolean;
}

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  shortName: string;
  vertical: boolean;
  /** A deactivated department stays for history but takes no new dispatches. */
  active: boolean;
}

export type { LimitUnit, LimitColour } from '../calendar/types';
/** A per-stage time limit (处置时限) of the catalogue. */
export type StageLimit = TimeLimit;

export type MatterKind = 'licensing' | 'approval' | 'enforcement' | 'certificate';

export interface CategoryRef {
  id: string;
  code: string;
  majorCode: string;
  majorName: string;
  name: string;
  departmentId: string | null;
  gridAdmissible: boolean;
  matterKind: MatterKind | null;
  priority: Priority;
  filingCriteria: string;
  closingCriteria: string;
  limits: Record<TimedStage, StageLimit>;
  /** Words residents use for it; the triage rules match on them. */
  keywords: string[];
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  services: string[];
  contactName: string;
  contactPhone: string;
  dutyHours: string;
  /** Streets and communities served; empty: the whole office. */
  areaRegionIds: string[];
  /** Cases it takes at a time; 0: not stated. */
  capacity: number;
  /** A deactivated organisation stays for history (names in past referrals) but takes no new referrals. */
  active: boolean;
}

export interface ReferenceData {
  regions: RegionRef[];
  departments: DepartmentRef[];
  categories: CategoryRef[];
  organisations: OrganisationRef[];
  /** The office hours working limits count in: [startMinute, endMinute) pairs. */
  officeHours: { intervals: Array<[number, number]> };
}

export type CaseHandler = 'department' | 'grid' | 'organisation';

export interface CaseSummary {
  id: string;
  caseNo: string;
  status: CaseStatus;
  priority: Priority;
  source: CaseSource;
  categoryId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  /** Who handles it: departments (the first leads), the grid itself, or a social organisation. */
  handler: CaseHandler | null;
  departmentIds: string[];
  organisationId: string | null;
  summary: string;
  address: string;
  reportedAt: number;
  stage: TimedStage | null;
  stageStartedAt: number | null;
  stageDeadlineAt: number | null;
  limitColour: LimitColour | null;
  supervisionLevel: SupervisionLevel | null;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  reporterName: string;
  reporterPhone: string;
  photos: string[];
  lastEventId: string;
  conflict: boolean;
  reworkCount: number;
  pendingRequest: { kind: 'extension' | 'park'; reason: string; extra?: StageLimit } | null;
  handlingResult: HandlingResult | null;
  satisfaction: Satisfaction | null;
  mergedIntoId: string | null;
  closedAt: number | null;
  archivedAt: number | null;
}

export interface CaseEventView {
  id: string;
  type: string;
  at: number;
  actorName: string;
  actorRole: Role | 'system';
  note: string;
  payload: Record<string, unknown>;
}

export interface CaseListResult {
  rows: CaseSummary[];
  /** null when the request asked for no total (withTotal: false). */
  total: number | null;
  page: number;
  pageSize: number;
}

/** One stage's clock, for the countdown bars: running (endedAt null) or finished. */
export interface StageTiming {
  stage: TimedStage;
  startedAt: number;
  deadlineAt: number;
  endedAt: number | null;
  /** Share of the stage's counted time used (over 1 when late), on the working calendar. */
  usedFraction: number;
  colour: LimitColour;
}

export interface TriageCategoryGuess {
  categoryId: string;
  /** 0..1 */
  confidence: number;
  /** The words in the text that decided it. */
  words: string[];
}

/** Who a report says is at risk. */
export type HazardRole = 'children' | 'elderly' | 'frail' | 'crowd' | 'traffic' | 'property';
/** What a report says could hurt them (or already does: harm). */
export type HazardRisk =
  | 'fall' | 'electric' | 'fire' | 'gas' | 'collapse' | 'flood' | 'opening' | 'obstacle' | 'slip'
  | 'violence' | 'harm' | 'missing' | 'fraud' | 'exposure'
  /** A child, an elderly or frail person said to be in some trouble right now, with no risk named. */
  | 'distress';
/** Why a report reads as settled: it happened before, it asks a question, it has gone on for long, or it is slight. */
export type SettledKind = 'past' | 'enquiry' | 'chronic' | 'minor';

/** One reason for (or, `settled`, against) urgency, shown next to the suggested priority. */
export type UrgencyReason = { points: number } & (
  /** The likely categories are urgent by default (类别默认紧急); share: their summed probability. */
  | { kind: 'category'; categoryId: string; share: number }
  /** The text describes who is at risk and from what (描述涉及儿童与坠落风险). */
  | { kind: 'hazard'; roles: HazardRole[]; risks: HazardRisk[]; words: string[] }
  /** It is happening now or about to (马上, 随时, 还在). */
  | { kind: 'soon'; words: string[] }
  /** Alarm words (着火, 燃气泄漏, 被困). */
  | { kind: 'alarm'; words: string[] }
  /** Similar past cases were mostly urgent (历史相似案件多为紧急); share 0..1. */
  | { kind: 'history'; share: number }
  /**
   * The learned urgency model (past reports marked urgent or not, and dispatchers' urgency decisions):
   * share is its probability 0..1; words, the stretches of the text that weighed most. Negative points: it reads as routine.
   */
  | { kind: 'learned'; share: number; words: string[] }
  /** Against (negative points): already over, a question, or a long-standing nuisance. */
  | { kind: 'settled'; settled: SettledKind[]; words: string[] }
);

export interface TriageUrgency {
  /** The combined evidence; urgent at or above `threshold`. */
  score: number;
  threshold: number;
  reasons: UrgencyReason[];
}

export interface TriageSuggestion {
  categories: TriageCategoryGuess[];
  /** The department most likely responsible: the categories' probabilities summed per default department. */
  departmentId: string | null;
  priority: Priority;
  /** Alarm words found (火灾, 燃气泄漏, ...). */
  urgentWords: string[];
  urgency: TriageUrgency;
}

export interface DuplicateCandidate {
  case: CaseSummary;
  score: number;
  /** Why it looks like the same problem, in Chinese. */
  reasons: string[];
}

export interface CaseWithHistory {
  case: CaseDetail;
  events: CaseEventView[];
  /** Exactly the moves this user may make now. */
  moves: MoveName[];
  stages: StageTiming[];
  /** For cases not yet filed: what the triage model suggests. */
  suggestion: TriageSuggestion | null;
  /** For cases not yet dispatched: open cases that look like the same problem. */
  duplicates: DuplicateCandidate[];
}

export type CaseCounts = Record<QueueTab, number>;

export interface CaseAlerts {
  now: number;
  /** Urgent cases reported after `since`. */
  newUrgent: CaseSummary[];
  /** Open cases whose current stage ran out between `since` and now. */
  turnedRed: CaseSummary[];
}

export interface ReportResult {
  id: string;
  caseNo: string;
}

export interface AttachmentData {
  id: string;
  name: string;
  mime: string;
  dataBase64: string;
}

export interface AuditEntryView {
  id: string;
  at: number;
  userId: string | null;
  userName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditListResult {
  rows: AuditEntryView[];
  total: number;
}
