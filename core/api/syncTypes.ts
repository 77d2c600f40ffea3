import type { NodeScope } from '../sync/protocol';

/** What the header's sync chip shows. `disabled`: not enrolled with a hub (working alone, as before). */
export type SyncState = 'disabled' | 'online' | 'offline' | 'syncing';

export interface SyncStatus {
  state: SyncState;
  enrolled: boolean;
  hubUrl: string;
  nodeName: string;
  nodeId: string;
  /** The node's part of its case numbers once enrolled ('' before). */
  nodeCode: string;
  scope: NodeScope | null;
  enrolledAt: number | null;
  lastSyncAt: number | null;
  lastError: string | null;
  /** Local writes the hub has not acknowledged yet (outbox rows). */
  pendingWrites: number;
  /** Conflict inbox entries nobody has acknowledged yet. */
  conflicts: number;
  /** Set when this PC's clock and the hub's disagree by more than the allowed drift. */
  clockWarning: string | null;
  nextAttemptAt: number | null;
}

export type SyncConflictKind = 'rejected' | 'overwritten' | 'not_applied';

export interface SyncConflict {
  id: number;
  at: number;
  kind: SyncConflictKind;
  table: string;
  rowId: string;
  column: string | null;
  localValue: string | null;
  remoteValue: string | null;
  reason: string | null;
  message: string;
  acknowledgedAt: number | null;
}
