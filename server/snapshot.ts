import type { Knex } from 'knex';
import type { NodeScope, SnapshotEnd, SnapshotHeader, SnapshotLine } from '../core/sync/protocol';
import { SYNCED_TABLES, type SyncedTable } from '../db/writePath';
import { committedSequence } from './changeLog';
import { TABLE_SCOPES } from './scope/policy';

const PAGE = 1000;

/** The tables a scope receives, in snapshot order (reference data first, so rows arrive after what they name). */
export function snapshotTables(scope: NodeScope): SyncedTable[] {
  return SYNCED_TABLES.filter((t) => {
    const kind = TABLE_SCOPES[t];
    if (scope.kind === 'district') return true;
    if (kind === 'audit') return false;
    if (kind === 'register') return scope.kind === 'street';
    return true;
  });
}

function scoped(knex: Knex, table: SyncedTable, scope: NodeScope): Knex.QueryBuilder {
  const q = knex('hub_rows').where({ table_name: table });
  if (scope.kind === 'district') return q;
  const kind = TABLE_SCOPES[table];
  if (kind === 'case') {
    if (scope.kind === 'street') return q.where({ street_id: scope.streetId });
    const cases = knex('hub_cases').select('case_id').where('department_ids', 'like', `%${JSON.stringify(scope.departmentId)}%`);
    return q.whereIn('case_id', cases);
  }
  if (kind === 'register') return q.where({ street_id: (scope as { streetId: string }).streetId });
  return q;
}

/**
 * The node's scope as lines, keyset-paged by (table, id) so a broken download resumes where it stopped.
 * The cursor is read before the first row: rows may be newer than it, never older.
 */
export async function* snapshotLines(
  knex: Knex,
  scope: NodeScope,
  from: { table?: string; after?: string; cursor?: number },
): AsyncGenerator<SnapshotHeader | SnapshotLine | SnapshotEnd> {
  const tables = snapshotTables(scope);
  const cursor = from.cursor ?? (await committedSequence(knex));
  yield { kind: 'header', cursor, tables };
  let start = from.table ? tables.indexOf(from.table as SyncedTable) : 0;
  if (start < 0) start = tables.length;
  let rows = 0;
  for (let i = start; i < tables.length; i++) {
    const table = tables[i]!;
    let after = i === start ? (from.after ?? '') : '';
    for (;;) {
      const page: { id: string; row: string }[] = await scoped(knex, table, scope).where('id', '>', after).orderBy('id').limit(PAGE).select('id', 'row');
      for (const r of page) yield { kind: 'row', table, row: JSON.parse(r.row) };
      rows += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
  }
  yield { kind: 'end', rows };
}
