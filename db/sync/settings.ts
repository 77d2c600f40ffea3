import type { Knex } from 'knex';
import { nodeScopeSchema, type NodeScope } from '../../core/sync/protocol';

type Db = Knex | Knex.Transaction;

/** This node's enrolment and pull cursor (one local row, never synced). */
export interface SyncSettings {
  hubUrl: string;
  token: string;
  scope: NodeScope | null;
  nodeName: string;
  /** The node's part of its case numbers once enrolled ('' before: plain single-node numbering). */
  nodeCode: string;
  enrolledAt: number | null;
  pullCursor: number;
  lastSyncAt: number | null;
  lastError: string | null;
}

const EMPTY: SyncSettings = {
  hubUrl: '', token: '', scope: null, nodeName: '', nodeCode: '', enrolledAt: null, pullCursor: 0, lastSyncAt: null, lastError: null,
};

export const isEnrolled = (s: SyncSettings): boolean => s.token !== '' && s.hubUrl !== '';

export async function loadSyncSettings(db: Db): Promise<SyncSettings> {
  const row = await db('sync_settings').where({ singleton: 1 }).first();
  if (!row) return { ...EMPTY };
  const scope = row.scope ? nodeScopeSchema.safeParse(JSON.parse(row.scope)) : null;
  return {
    hubUrl: row.hub_url,
    token: row.token,
    scope: scope?.success ? scope.data : null,
    nodeName: row.node_name,
    nodeCode: row.node_code,
    enrolledAt: row.enrolled_at === null ? null : Number(row.enrolled_at),
    pullCursor: Number(row.pull_cursor),
    lastSyncAt: row.last_sync_at === null ? null : Number(row.last_sync_at),
    lastError: row.last_error,
  };
}

/** Writes some fields of the settings row, creating it on first use. */
export async function saveSyncSettings(db: Db, patch: Partial<SyncSettings>): Promise<void> {
  const row: Record<string, unknown> = {};
  if (patch.hubUrl !== undefined) row.hub_url = patch.hubUrl;
  if (patch.token !== undefined) row.token = patch.token;
  if (patch.scope !== undefined) row.scope = patch.scope === null ? null : JSON.stringify(patch.scope);
  if (patch.nodeName !== undefined) row.node_name = patch.nodeName;
  if (patch.nodeCode !== undefined) row.node_code = patch.nodeCode;
  if (patch.enrolledAt !== undefined) row.enrolled_at = patch.enrolledAt;
  if (patch.pullCursor !== undefined) row.pull_cursor = patch.pullCursor;
  if (patch.lastSyncAt !== undefined) row.last_sync_at = patch.lastSyncAt;
  if (patch.lastError !== undefined) row.last_error = patch.lastError;
  if (Object.keys(row).length === 0) return;
  await db('sync_settings').insert({ singleton: 1, ...row }).onConflict('singleton').merge(Object.keys(row));
}

// Letters only, without I and O (read as 1 and 0): a code never looks like the digits of a plain number.
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The node code in an enrolled node's case numbers (20261128-KQ7M-0042 style, letters only), derived from the
 * node id so it needs nothing from the hub: 4 letters of 24 = 331,776 codes, so two among 50 nodes of a
 * district share one with a chance of about 0.4 %; `caseNoCollisions` (merge) keeps even that from breaking.
 */
export function nodeCodeFor(nodeId: string): string {
  let n = parseInt(nodeId.slice(0, 8), 16);
  let code = '';
  for (let i = 0; i < 4; i++) {
    code += CODE_LETTERS[n % CODE_LETTERS.length];
    n = Math.floor(n / CODE_LETTERS.length);
  }
  return code;
}
