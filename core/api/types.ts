import type { CaseSource, CaseStatus, HandlingResult, Priority, Satisfaction, SupervisionLevel, TimedStage } from '../domain/case';
import type { Role } from '../domain/roles';
import type { LimitColour, TimeLimit } from '../calendar/types';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  regionId: string | null;
}

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: number;
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
}

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  shortName: string;
  vertical: boolean;
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
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  services: string[];
  contactName: string;
  contactPhone: string;
}

export interface ReferenceData {
  regions: RegionRef[];
  departments: DepartmentRef[];
  categories: CategoryRef[];
  organisations: OrganisationRef[];
}

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
  departmentIds: string[];
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
  organisationId: string | null;
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
  total: number;
  page: number;
  pageSize: number;
}

export interface CaseWithHistory {
  case: CaseDetail;
  events: CaseEventView[];
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
