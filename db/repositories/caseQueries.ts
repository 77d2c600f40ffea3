import type { Knex } from 'knex';
import type { CaseStatus } from '../../core/domain/case';

export interface CaseFilter {
  statuses?: CaseStatus[];
  streetId?: string;
  communityId?: string;
  gridId?: string;
  categoryId?: string;
  majorCode?: string;
  reportedFrom?: number;
  reportedTo?: number;
}

/** What part of the queue a user may see, decided by the handler from the role. */
export type CaseScope = { kind: 'all' } | { kind: 'department'; departmentId: string } | { kind: 'grid'; gridId: string };

export type CaseSort = 'deadline' | 'reported_desc';

function applyFilter(q: Knex.QueryBuilder, f: CaseFilter, scope: CaseScope): Knex.QueryBuilder {
  q.where('cases.deleted', 0);
  if (scope.kind === 'department') q.where('cases.department_id', scope.departmentId);
  if (scope.kind === 'grid') q.where('cases.grid_id', scope.gridId);
  if (f.statuses && f.statuses.length > 0) q.whereIn('cases.status', f.statuses);
  if (f.streetId) q.where('cases.street_id', f.streetId);
  if (f.communityId) q.where('cases.community_id', f.communityId);
  if (f.gridId) q.where('cases.grid_id', f.gridId);
  if (f.categoryId) q.where('cases.category_id', f.categoryId);
  if (f.majorCode) q.whereIn('cases.category_id', (sub) => sub.select('id').from('categories').where('major_code', f.majorCode));
  if (f.reportedFrom !== undefined) q.where('cases.reported_at', '>=', f.reportedFrom);
  if (f.reportedTo !== undefined) q.where('cases.reported_at', '<', f.reportedTo);
  return q;
}

export interface CaseListRow {
  id: string;
  case_no: string;
  status: CaseStatus;
  priority: string;
  source: string;
  category_id: string | null;
  street_id: string;
  community_id: string;
  grid_id: string;
  department_id: string | null;
  stage: string | null;
  stage_started_at: number | null;
  stage_deadline_at: number | null;
  supervision_level: string | null;
  reported_at: number;
  summary: string;
  address: string;
}

const LIST_COLUMNS = [
  'id', 'case_no', 'status', 'priority', 'source', 'category_id', 'street_id', 'community_id', 'grid_id',
  'department_id', 'stage', 'stage_started_at', 'stage_deadline_at', 'supervision_level', 'reported_at', 'summary', 'address',
].map((c) => `cases.${c}`);

export async function listCases(
  db: Knex,
  filter: CaseFilter,
  scope: CaseScope,
  sort: CaseSort,
  page: number,
  pageSize: number,
): Promise<{ rows: CaseListRow[]; total: number }> {
  const rowsQuery = applyFilter(db('cases').select(LIST_COLUMNS), filter, scope);
  if (sort === 'deadline') {
    // Cases without a running clock (closed, parked, ...) go last.
    rowsQuery.orderByRaw('cases.stage_deadline_at is null').orderBy('cases.stage_deadline_at', 'asc');
  }
  rowsQuery.orderBy('cases.reported_at', 'desc').orderBy('cases.id').limit(pageSize).offset((page - 1) * pageSize);
  const countQuery = applyFilter(db('cases').count<{ n: number | string }[]>({ n: '*' }), filter, scope);
  const [rows, count] = [await rowsQuery, await countQuery];
  return { rows: rows as CaseListRow[], total: Number(count[0]?.n ?? 0) };
}
