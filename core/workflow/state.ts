import type {
  CaseSource,
  CaseStatus,
  HandlingResult,
  Priority,
  Satisfaction,
  SupervisionLevel,
  TimedStage,
} from '../domain/case';
import type { StageLimit } from '../api/types';

export type Handler = 'department' | 'grid' | 'organisation';

export type PendingRequest =
  | { kind: 'extension'; extra: StageLimit; reason: string; requestedBy: string | null }
  | { kind: 'park'; reason: string; requestedBy: string | null };

/** The case row: a projection folded from the case's events, never edited directly. */
export interface CaseState {
  id: string;
  caseNo: string;
  status: CaseStatus;
  priority: Priority;
  source: CaseSource;
  categoryId: string | null;
  gridId: string;
  communityId: string;
  streetId: string;
  address: string;
  lat: number | null;
  lng: number | null;
  description: string;
  reporterName: string;
  reporterPhone: string;
  photos: string[];
  handler: Handler | null;
  /** Departments the case is dispatched to; the first leads joint handling (联办). */
  departmentIds: string[];
  signedDepartmentIds: string[];
  organisationId: string | null;
  stage: TimedStage | null;
  stageStartedAt: number | null;
  stageDeadlineAt: number | null;
  /** From here the stage shows yellow: 75% of its time is used. */
  stageWarnAt: number | null;
  pendingRequest: PendingRequest | null;
  handlingResult: HandlingResult | null;
  satisfaction: Satisfaction | null;
  supervisionLevel: SupervisionLevel | null;
  supervisionCount: number;
  instructionCount: number;
  reworkCount: number;
  returnCount: number;
  transferCount: number;
  extensionCount: number;
  reopenCount: number;
  mergedIntoId: string | null;
  duplicateCount: number;
  reportedAt: number;
  acceptedAt: number | null;
  filedAt: number | null;
  dispatchedAt: number | null;
  signedAt: number | null;
  handledAt: number | null;
  verifiedAt: number | null;
  closedAt: number | null;
  callbackAt: number | null;
  archivedAt: number | null;
  /** Set when a concurrent move lost a race: a person must look at the case. */
  conflict: boolean;
  supersededEventIds: string[];
  lastEventId: string;
  lastHlc: string;
  eventCount: number;
}
