import type { Knex } from 'knex';
import type { Change, NodeScope, PullResponse } from '../core/sync/protocol';
import { committedSequence, logFloor } from './changeLog';

/** The change-log targets a node of this scope receives (district nodes read `for_district` instead). */
export function targetsFor(scope: NodeScope): string[] {
  if (scope.kind === 'street') return ['all', `street:${scope.streetId}`];
  if (scope.kind === 'department') return ['all', `dept:${scope.departmentId}`];
  return [];
}

interface LogRow {
  seq: number | string;
  table_name: string;
  row_id: string;
  op: string;
  hlc: string;
  columns: string | null;
  row: string | null;
}

/**
 * One page of the node's changes after `after`. The committed sequence is read first: every change at or
 * below it has committed (sequences are taken under one row lock), so when the page is not full the cursor
 * can jump to it without skipping anything, and a node outside most of the traffic does not rescan it.
 */
export async function pullPage(knex: Knex, nodeId: string, scope: NodeScope, after: number, limit: number, now: number): Promise<PullResponse> {
  const floor = await logFloor(knex);
  if (after + 1 < floor) return { changes: [], removals: [], cursor: after, hasMore: false, snapshotRequired: true, hubTime: now };
  const last = await committedSequence(knex);
  const query = scope.kind === 'district'
    ? knex('hub_changes as c').where('c.for_district', 1)
    : knex('hub_change_targets as t').join('hub_changes as c', 'c.seq', 't.seq').whereIn('t.target', targetsFor(scope));
  // An append-only row is kept once, in hub_rows; the log entry refers to it.
  const rows: LogRow[] = await query
    .leftJoin('hub_rows as r', function joinImmutable() {
      this.on('r.table_name', '=', 'c.table_name').andOn('r.id', '=', 'c.row_id');
    })
    .where('c.seq', '>', after)
    .andWhere('c.seq', '<=', last)
    .orderBy('c.seq')
    .limit(limit + 1)
    .select('c.seq', 'c.table_name', 'c.row_id', 'c.op', 'c.hlc', 'c.columns', knex.raw('coalesce(c.row, r.row) as row'));
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const changes: Change[] = [];
  const removals: PullResponse['removals'] = [];
  for (const r of page) {
    const seq = Number(r.seq);
    if (r.op === 'remove') removals.push({ seq, table: r.table_name, id: r.row_id });
    else changes.push({ seq, table: r.table_name, op: r.op as Change['op'], id: r.row_id, hlc: r.hlc, columns: r.columns ? JSON.parse(r.columns) : null, row: r.row ? JSON.parse(r.row) : null });
  }
  const cursor = hasMore ? Number(page[page.length - 1]!.seq) : Math.max(after, last);
  // `after` is what the node has applied and stored: its lag is measured from there.
  await knex('hub_nodes').where({ node_id: nodeId }).update({ last_pull_cursor: after, last_pull_at: now });
  return { changes, removals, cursor, hasMore, hubTime: now };
}
