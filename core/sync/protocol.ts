/**
 * The wire contract between a workstation (node) and the district hub (issue 10).
 * Pure types and schemas: the hub (server/) and the node's sync client (electron/main/services/sync)
 * both import this file, so a change here is a protocol change and bumps PROTOCOL_VERSION.
 *
 * Transport: JSON over HTTP (TLS terminated by a reverse proxy). Every call except enrolment and
 * health carries `Authorization: Bearer <node token>`; the hub stores only a hash of the token.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** What a node may push and pull, always checked on the hub. */
export const nodeScopeSchema = z.discriminatedUnion('kind', [
  /** Its street's cases and everything they reference (plus district-wide reference data). */
  z.object({ kind: z.literal('street'), streetId: z.string().min(1) }),
  /** Every case dispatched to the department, in any street. */
  z.object({ kind: z.literal('department'), departmentId: z.string().min(1) }),
  /** Everything: the district leader's wall, the district command centre. */
  z.object({ kind: z.literal('district') }),
]);
export type NodeScope = z.infer<typeof nodeScopeSchema>;

export type ChangeOp = 'insert' | 'update' | 'delete';

/** One outbox entry with the row as it stands on the sending node. */
export const changeSchema = z.object({
  /** The sending node's outbox seq (push) or the hub's district sequence (pull). */
  seq: z.number().int().nonnegative(),
  table: z.string().min(1).max(32),
  op: z.enum(['insert', 'update', 'delete']),
  id: z.string().min(1).max(36),
  hlc: z.string().min(1).max(40),
  /** For updates: the columns this write changed (per-column last-writer-wins). */
  columns: z.array(z.string()).nullable(),
  /** The full row after the write (null for a delete whose row is gone). */
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

// POST /v1/enrol
export const enrolRequestSchema = z.object({
  code: z.string().min(6).max(64),
  nodeId: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().min(1).max(64),
  schemaVersion: z.string().min(1).max(64), // the newest migration name the node has
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export interface EnrolResponse {
  token: string; // shown once; the hub keeps sha256(token)
  scope: NodeScope;
  hubSchemaVersion: string;
  hubTime: number;
}

/**
 * POST /v1/push: one batch of outbox entries in outbox order (seq strictly ascending; gaps are fine),
 * applied in one hub transaction. `nodeId` must be the token's node. Who may write which table, and
 * who receives it, is in docs/hub.md ("Scopes").
 */
export const pushRequestSchema = z.object({
  nodeId: z.string().regex(/^[0-9a-f]{16}$/),
  schemaVersion: z.string().min(1).max(64),
  changes: z
    .array(changeSchema)
    .max(5000)
    .refine((cs) => cs.every((c, i) => i === 0 || c.seq > cs[i - 1]!.seq), '批次中的 seq 必须严格递增'),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type RejectReason =
  | 'out_of_scope' // the row is outside the node's scope
  | 'clock_drift' // the HLC is further ahead of the hub's clock than allowed
  | 'invalid_row' // the row fails the hub's validation (unknown table or column, bad value)
  | 'forbidden_table' // the node may not write this table at all (e.g. a street node writing schemes)
  | 'conflict'; // refused by a merge rule; the message says which

export interface Rejection {
  seq: number;
  table: string;
  id: string;
  reason: RejectReason;
  message: string; // Chinese, shown in the node's conflict inbox
}

/**
 * How the hub answers a retried batch: entries at or below the node's applied seq are not applied again,
 * and their stored rejections are answered again, so the same batch always gets the same answer.
 */
export interface PushResponse {
  /** Every outbox seq ≤ this is applied or rejected on the hub; the node may delete them. */
  ackedThrough: number;
  rejected: Rejection[];
  hubTime: number;
  /** Set when the node's clock runs ahead of the hub's by more than the allowed drift. */
  clockWarning?: string;
}

// GET /v1/pull?after=<cursor>&limit=<n> (limit 1..5000, default 1000)
export const pullQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/**
 * Schema versions: a node may be a migration behind the hub. It pushes rows in its own shape (fewer columns:
 * the hub merges the columns it gets and keeps the rest). A pulled or snapshot row may carry columns the
 * node's schema lacks: the node ignores them. A pushed row with a column the hub lacks (the node is newer)
 * is rejected as `invalid_row`: upgrade the hub first.
 *
 * A pulled change is the hub's merged row: `row` is the whole row as the hub holds it, `columns` the columns
 * this change won on the hub (null: the whole row, e.g. an insert or an append-only row), `hlc` the writer's.
 * Apply per column by HLC, as the hub did; a union table (case_events, audit_log) is insert-if-absent.
 */
export interface PullResponse {
  /** Ordered by the hub's district sequence; `seq` is that sequence. */
  changes: Change[];
  /**
   * Rows that left the node's scope (a case re-dispatched away from a department): the node deletes them
   * and what hangs off them locally. Ordered with `changes` by `seq`. Today the only kind is
   * `{ table: 'cases', id: <case id> }`: drop the case's events, ledger actions and projections.
   * When a case enters a department's scope, its whole history arrives as ordinary changes.
   */
  removals: { seq: number; table: string; id: string }[];
  /** The cursor to store after applying this page, in the same local transaction. */
  cursor: number;
  hasMore: boolean;
  /** Set when `after` is older than the hub's retained log: the node must bootstrap from a snapshot. */
  snapshotRequired?: boolean;
  hubTime: number;
}

/**
 * GET /v1/snapshot?table=<t>&after=<id>&cursor=<c>: the node's scope as gzip'd ndjson
 * (Content-Encoding: gzip). First line a SnapshotHeader, then one SnapshotLine per row, ordered by
 * table (in `tables` order) and id, then a SnapshotEnd line. Resumable: after a broken download,
 * ask again with `table` = the last line's table, `after` = its id and `cursor` = the first header's
 * cursor; the hub continues from there and echoes that cursor.
 * Rows are the hub's current merged rows, so some may be newer than `cursor`: pulling from `cursor`
 * afterwards re-applies those changes, which is harmless because every merge is idempotent
 * (union, or per-column last-writer-wins).
 */
export const snapshotQuerySchema = z.object({
  table: z.string().max(32).optional(),
  after: z.string().max(36).optional(),
  cursor: z.coerce.number().int().nonnegative().optional(),
});
export interface SnapshotHeader {
  kind: 'header';
  /** The district sequence the snapshot is consistent with: pull from here afterwards. */
  cursor: number;
  tables: string[];
}
export interface SnapshotLine {
  kind: 'row';
  table: string;
  row: Record<string, unknown>;
}
export interface SnapshotEnd {
  kind: 'end';
  rows: number;
}

/** The body of every 4xx/5xx answer. `message` is Chinese, for the node's status line. */
export interface HubError {
  code: 'unauthorized' | 'invalid_request' | 'enrol_code_invalid' | 'node_mismatch' | 'internal';
  message: string;
}

export interface HubHealth {
  ok: boolean;
  protocol: number;
  schemaVersion: string;
  database: 'sqlite' | 'postgresql';
}
