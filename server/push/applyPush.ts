import type { Knex } from 'knex';
import type { Change, PushRequest, PushResponse, Rejection } from '../../core/sync/protocol';
import { TABLE_SCOPES, UNION_TABLES } from '../scope/policy';
import { insertChunked, type SyncedTable } from '../../db/writePath';
import { appendToLog, lockDistrictSequence, type LogEntry } from '../changeLog';
import type { HubNode } from '../nodes';
import { authorise, isPlacement, type Placement } from './authorise';
import { BatchState } from './batchState';
import { refoldTouchedCases, scopeMoves } from './caseScope';
import { mergeChange } from './merge';
import { schemaColumns, validateChange, type SchemaColumns } from './validate';

export interface PushOptions {
  now: number;
  maxDriftMs: number;
  /** Tests only: runs after the batch has its sequences, before it commits. */
  beforeCommit?: () => Promise<void>;
}

/** Receivers of an accepted row other than district nodes; case rows are settled after the refold. */
function targetsOf(table: SyncedTable, placement: Placement): string[] {
  switch (TABLE_SCOPES[table]) {
    case 'case':
      return [];
    case 'register':
      return placement.street ? [`street:${placement.street}`] : [];
    case 'audit':
      return [];
    default:
      return ['all'];
  }
}

async function applyOne(schema: SchemaColumns, batch: BatchState, node: HubNode, change: Change, options: PushOptions, log: LogEntry[]): Promise<Rejection | null> {
  const reject = (v: { reason: Rejection['reason']; message: string }): Rejection => ({ seq: change.seq, table: change.table, id: change.id, ...v });
  const invalid = validateChange(schema, change, options.now, options.maxDriftMs);
  if (invalid) return reject(invalid);
  const existing = batch.row(change.table, change.id);
  const placement = await authorise(change, existing?.row ?? null, node.scope, batch);
  if (!isPlacement(placement)) return reject(placement!);
  const merged = mergeChange(existing, change, UNION_TABLES.has(change.table));
  if (merged.won !== null && merged.won.length === 0) return null; // already there, or every column lost to a newer write
  batch.put(change.table, change.id, { ...merged.stored, street: placement.street, caseId: placement.caseId });
  if (placement.caseId) batch.touchedCases.add(placement.caseId);
  log.push({
    table: change.table, rowId: change.id, op: change.op, hlc: change.hlc, columns: merged.won, row: merged.stored.row, rowIsImmutable: UNION_TABLES.has(change.table),
    origin: node.nodeId, forDistrict: true, targets: targetsOf(change.table as SyncedTable, placement),
  });
  return null;
}

/** Writes the batch's new and changed rows back: new rows in multi-row inserts, changed ones as upserts. */
async function writeRows(batch: BatchState): Promise<void> {
  const inserts: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  for (const d of batch.dirty.values()) {
    const r = batch.row(d.table, d.id)!;
    const record = { table_name: d.table, id: d.id, hlc: r.hlc, row: JSON.stringify(r.row), column_hlcs: JSON.stringify(r.columnHlcs), street_id: r.street, case_id: r.caseId };
    (d.existed ? updates : inserts).push(record);
  }
  await insertChunked(batch.trx, 'hub_rows', inserts);
  for (let i = 0; i < updates.length; i += 500) {
    await batch.trx('hub_rows').insert(updates.slice(i, i + 500)).onConflict(['table_name', 'id']).merge();
  }
}

const storedRejection = (r: Record<string, unknown>): Rejection => ({
  seq: Number(r.seq), table: String(r.table_name), id: String(r.row_id), reason: r.reason as Rejection['reason'], message: String(r.message),
});

/**
 * Applies one batch in one transaction. Entries at or below the node's applied seq were applied (or
 * rejected) before: they are skipped and their stored rejections answered again, so a retried batch
 * gets the same answer and changes nothing.
 */
export async function applyPush(knex: Knex, node: HubNode, request: PushRequest, options: PushOptions): Promise<PushResponse> {
  const schema = await schemaColumns(knex, new Set(request.changes.map((c) => c.table)));
  return knex.transaction(async (trx) => {
    const lastSeq = await lockDistrictSequence(trx);
    const state = await trx('hub_nodes').where({ node_id: node.nodeId }).first('last_push_seq');
    const applied = Number(state.last_push_seq);
    const seen = request.changes.filter((c) => c.seq <= applied);
    const fresh = request.changes.filter((c) => c.seq > applied);
    const rejected: Rejection[] = [];
    if (seen.length > 0) {
      const again = await trx('hub_rejections').where({ node_id: node.nodeId }).whereIn('seq', seen.map((c) => c.seq));
      rejected.push(...again.map(storedRejection));
    }
    const batch = new BatchState(trx);
    await batch.prefetch(fresh);
    const log: LogEntry[] = [];
    const fresher: Rejection[] = [];
    for (const change of fresh) {
      const rejection = await applyOne(schema, batch, node, change, options, log);
      if (rejection) fresher.push(rejection);
    }
    await writeRows(batch);
    const scopes = await refoldTouchedCases(trx, batch);
    for (const entry of log) {
      const scope = entry.row && TABLE_SCOPES[entry.table as SyncedTable] === 'case' ? scopes.get(String(entry.row.case_id)) : undefined;
      if (scope) entry.targets = [`street:${scope.street}`, ...scope.kept.map((d) => `dept:${d}`)];
    }
    for (const scope of scopes.values()) log.push(...(await scopeMoves(trx, scope)));
    await appendToLog(trx, lastSeq, log, options.now);
    if (fresher.length > 0) {
      await trx('hub_rejections').insert(fresher.map((r) => ({ node_id: node.nodeId, seq: r.seq, table_name: r.table, row_id: r.id, reason: r.reason, message: r.message })));
    }
    const ackedThrough = Math.max(applied, ...request.changes.map((c) => c.seq));
    await trx('hub_nodes').where({ node_id: node.nodeId }).update({ last_push_seq: ackedThrough, last_push_at: options.now, schema_version: request.schemaVersion });
    if (options.beforeCommit) await options.beforeCommit();
    rejected.push(...fresher);
    const drift = rejected.find((r) => r.reason === 'clock_drift');
    return { ackedThrough, rejected, hubTime: options.now, ...(drift ? { clockWarning: drift.message } : {}) };
  });
}
