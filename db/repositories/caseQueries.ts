import type { Knex } from 'knex';
import { OPEN_STATUSES, type CaseSource, type CaseStatus, type Priority } from '../../core/domain/case';
import { QUEUE_TABS, TAB_STATUSES, type QueueTab } from '../../core/domain/queueTabs';
import { isSqlite } from '../connection';

export interface CaseFilter {
  tab?: QueueTab;
  statuses?: CaseStatus[];
  streetId?: string;
  communityId?: string;
  gridId?: string;
  categoryId?: string;
  majorCode?: string;
  departmentId?: string;
  source?: CaseSource;
  handler?: 'department' | 'grid' | 'organisation';
  priority?: Priority;
  colour?: 'green' | 'yellow' | 'red';
  q?: string;
  reportedFrom?: number;
  reportedTo?: number;
}

/** What part of the queue a user may see, decided by the handler from the role. */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'grid'; gridId: string; /** A grid worker covering several grids. */ gridIds?: string[] }
  /** A social organisation's account: the cases referred to it, while they are its (cases_organisation index). */
  | { kind: 'organisation'; organisationId: string };

export type CaseSort = 'deadline' | 'reported_desc';

/** Trigram full-text needs three characters; shorter words fall back to a substring scan. */
const MIN_FTS_LENGTH = 3;

/** The statuses a filter allows, or null for any: the department lookup narrows by them too. */
function statusesOf(f: CaseFilter): readonly CaseStatus[] | null {
  const fromTab = f.tab ? (TAB_STATUSES[f.tab] ?? OPEN_STATUSES) : null;
  const listed = f.statuses && f.statuses.length > 0 ? f.statuses : null;
  if (fromTab && listed) return fromTab.filter((s) => listed.includes(s));
  return fromTab ?? listed;
}

/**
 * A join, not an IN-subquery, so SQLite can start from the department's few cases
 * (case_departments is indexed by department and status) instead of scanning a tab.
 */
function inDepartment(q: Knex.QueryBuilder, departmentId: string, statuses: readonly CaseStatus[] | null, alias: string) {
  q.join(`case_departments as ${alias}`, (on) => {
    on.on(`${alias}.case_id`, 'cases.id').andOnVal(`${alias}.department_id`, departmentId);
    if (statuses) on.andOnIn(`${alias}.status`, [...statuses]);
  });
}

function applyTab(q: Knex.QueryBuilder, tab: QueueTab, now: number): void {
  const statuses = TAB_STATUSES[tab];
  if (statuses) q.whereIn('cases.status', statuses);
  // Only a running stage has a deadline before the far-future sort key, so these need no status list.
  else if (tab === 'overdue') q.where('cases.deadline_sort', '<', now);
  // The queue row carries a supervision level only while the case is open.
  else if (tab === 'supervised') q.whereNotNull('cases.supervision_level');
  else q.whereNotNull('cases.pending_request');
}

function applyText(db: Knex, q: Knex.QueryBuilder, text: string): void {
  const phrase = ftsPhrase(db, text);
  if (phrase) {
    q.whereIn('cases.rowid', (sub) => sub.select('rowid').from('cases_fts').whereRaw('cases_fts match ?', [phrase]));
    return;
  }
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  q.where((w) =>
    w.whereRaw("cases.summary like ? escape '\\'", [like])
      .orWhereRaw("cases.address like ? escape '\\'", [like])
      .orWhereRaw("cases.case_no like ? escape '\\'", [like]),
  );
}

// Queue rows are a projection that is rebuilt, never tombstoned (a void is a status), so no `deleted` test.
export function applyFilter(db: Knex, q: Knex.QueryBuilder, f: CaseFilter, scope: CaseScope, now: number): Knex.QueryBuilder {
  const statuses = statusesOf(f);
  if (scope.kind === 'department') inDepartment(q, scope.departmentId, statuses, 'scope_departments');
  if (scope.kind === 'grid') {
    if (scope.gridIds) q.whereIn('cases.grid_id', scope.gridIds);
    else q.where('cases.grid_id', scope.gridId);
  }
  if (scope.kind === 'organisation') q.where('cases.organisation_id', scope.organisationId).where('cases.handler', 'organisation');
  if (f.tab) applyTab(q, f.tab, now);
  if (f.statuses && f.statuses.length > 0) q.whereIn('cases.status', f.statuses);
  if (f.streetId) q.where('cases.street_id', f.streetId);
  if (f.communityId) q.where('cases.community_id', f.communityId);
  if (f.gridId) q.where('cases.grid_id', f.gridId);
  if (f.categoryId) q.where('cases.category_id', f.categoryId);
  if (f.majorCode) q.whereIn('cases.category_id', (sub) => sub.select('id').from('categories').where('major_code', f.majorCode));
  if (f.departmentId) inDepartment(q, f.departmentId, statuses, 'filter_departments');
  if (f.source) q.where('cases.source', f.source);
  if (f.handler) q.where('cases.handler', f.handler);
  if (f.priority) q.where('cases.priority', f.priority);
  if (f.colour === 'red') q.where('cases.deadline_sort', '<', now);
  // Start from the warned stages (a few thousand, on the stage_warn_at index), never from deadline_sort >= now,
  // which every closed case matches with its far-future sentinel: the unary plus keeps the planner off that index.
  if (f.colour === 'yellow') q.where('cases.stage_warn_at', '<=', now).whereRaw('+?? >= ?', ['cases.deadline_sort', now]);
  if (f.colour === 'green') q.where('cases.stage_warn_at', '>', now);
  if (f.q) applyText(db, q, f.q);
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
  handler: string | null;
  department_ids: string;
  organisation_id: string | null;
  stage: string | null;
  stage_started_at: number | null;
  stage_deadline_at: number | null;
  stage_warn_at: number | null;
  supervision_level: string | null;
  reported_at: number;
  summary: string;
  address: string;
}

export const LIST_COLUMNS = [
  'id', 'case_no', 'status', 'priority', 'source', 'category_id', 'street_id', 'community_id', 'grid_id', 'handler',
  'department_ids', 'organisation_id', 'stage', 'stage_started_at', 'stage_deadline_at', 'stage_warn_at',
  'supervision_level', 'reported_at', 'summary', 'address',
].map((c) => `cases.${c}`);

/** Above this many full-text matches, walking the sort order beats fetching every match and sorting. */
const BROAD_SEARCH = 5000;

const ftsPhrase = (db: Knex, text: string | undefined): string | null =>
  text && isSqlite(db) && [...text].length >= MIN_FTS_LENGTH ? `"${text.replaceAll('"', '""')}"` : null;

async function ftsMatches(db: Knex, phrase: string): Promise<number> {
  const [row] = await db.raw('select count(*) as n from cases_fts where cases_fts match ?', [phrase]);
  return Number(row?.n ?? 0);
}

export interface ListRequest {
  filter: CaseFilter;
  scope: CaseScope;
  sort: CaseSort;
  page: number;
  pageSize: number;
  now: number;
  /** The desk counts once per filter, not for every page it scrolls to. */
  withTotal: boolean;
}

/**
 * Ties on the sort key break by rowid on SQLite: every index already ends in it, so a deep page
 * walks the index alone (50,000 rows in: 10 ms instead of a second for the id, read from each row).
 */
function orderForPaging(db: Knex, q: Knex.QueryBuilder, sort: CaseSort): void {
  const tiebreak = isSqlite(db) ? 'cases.rowid' : 'cases.id';
  if (sort === 'deadline') q.orderBy('cases.deadline_sort', 'asc').orderBy(tiebreak, 'asc');
  else q.orderBy('cases.reported_at', 'desc').orderBy(tiebreak, 'desc');
}

export async function listCases(db: Knex, request: ListRequest): Promise<{ rows: CaseListRow[]; total: number | null }> {
  const { filter, scope, sort, page, pageSize, now } = request;
  const phrase = ftsPhrase(db, filter.q);
  const matches = phrase ? await ftsMatches(db, phrase) : null;
  // A common word matches a tenth of all cases: then let SQLite walk the sort index and test
  // each row against the matches, stopping at a page, instead of sorting a hundred thousand.
  const sortIndex = sort === 'deadline' ? 'cases_deadline_sort_index' : 'cases_reported_at_index';
  const table = matches !== null && matches > BROAD_SEARCH ? db.raw('cases indexed by ??', [sortIndex]) : 'cases';
  const rowsQuery = applyFilter(db, db.from(table).select(LIST_COLUMNS), filter, scope, now);
  orderForPaging(db, rowsQuery, sort);
  rowsQuery.limit(pageSize).offset((page - 1) * pageSize);
  // With nothing but the search, the full-text index knows the total by itself.
  const { q: _q, ...others } = filter;
  const onlySearch = matches !== null && scope.kind === 'all' && Object.values(others).every((v) => v === undefined);
  // Both at once: the count is built while SQLite reads the page (and runs beside it on PostgreSQL).
  const rowsRead = rowsQuery.then((r) => r as CaseListRow[]);
  const totalRead = !request.withTotal
    ? null
    : onlySearch
      ? matches
      : applyFilter(db, db('cases').count<{ n: number | string }[]>({ n: '*' }), filter, scope, now).then((r) => Number(r[0]?.n ?? 0));
  const [rows, total] = await Promise.all([rowsRead, totalRead]);
  return { rows, total };
}

const STATUS_ONLY_TABS = QUEUE_TABS.filter((t) => TAB_STATUSES[t]);
const FLAG_TABS = ['overdue', 'supervised', 'pending_approval'] as const;

const noCounts = () => Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])) as Record<QueueTab, number>;

/** Adds n cases of this status to every tab that lists the status. */
function countStatus(counts: Record<QueueTab, number>, status: CaseStatus, n: number | string): void {
  for (const tab of STATUS_ONLY_TABS) if (TAB_STATUSES[tab]!.includes(status)) counts[tab] += Number(n);
}

/** How many cases wait in each queue tab under the same filters: four index-only queries, not ten. */
export async function countCases(db: Knex, filter: CaseFilter, scope: CaseScope, now: number): Promise<Record<QueueTab, number>> {
  if (filter.q && !filter.statuses?.length) return countMatchesInOnePass(db, filter, scope, now);
  const counts = noCounts();
  const open = { ...filter, tab: undefined, statuses: [...OPEN_STATUSES] };
  const byStatus = await applyFilter(db, db('cases').select('cases.status').count({ n: '*' }), open, scope, now).groupBy('cases.status');
  for (const row of byStatus as { status: CaseStatus; n: number | string }[]) countStatus(counts, row.status, row.n);
  for (const tab of FLAG_TABS) {
    const [row] = await applyFilter(db, db('cases').count<{ n: number | string }[]>({ n: '*' }), { ...filter, tab }, scope, now);
    counts[tab] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * With a text search every count starts from the matches and reads their rows, so one pass over
 * them counts every tab: a common word at a million cases took a second or more as four passes, about 40 ms as one.
 * Only open cases run a stage clock, carry a supervision level or wait on a request (the queue
 * row clears them on closing), so the three flag tabs are counted among the open statuses.
 */
async function countMatchesInOnePass(db: Knex, filter: CaseFilter, scope: CaseScope, now: number): Promise<Record<QueueTab, number>> {
  const counts = noCounts();
  const open = { ...filter, tab: undefined, statuses: [...OPEN_STATUSES] };
  const query = db('cases')
    .select('cases.status')
    .count({ n: '*' })
    .select(db.raw('sum(case when cases.deadline_sort < ? then 1 else 0 end) as overdue', [now]))
    .select(db.raw('sum(case when cases.supervision_level is not null then 1 else 0 end) as supervised'))
    .select(db.raw('sum(case when cases.pending_request is not null then 1 else 0 end) as pending_approval'));
  const rows = (await applyFilter(db, query, open, scope, now).groupBy('cases.status')) as Array<
    { status: CaseStatus; n: number | string } & Record<(typeof FLAG_TABS)[number], number | string | null>
  >;
  for (const row of rows) {
    countStatus(counts, row.status, row.n);
    for (const tab of FLAG_TABS) counts[tab] += Number(row[tab] ?? 0);
  }
  return counts;
}

/** Open cases whose stage ran out in (since, now], and urgent cases reported after since. */
export async function alertRows(db: Knex, scope: CaseScope, since: number, now: number): Promise<{ newUrgent: CaseListRow[]; turnedRed: CaseListRow[] }> {
  const base = () => applyFilter(db, db('cases').select(LIST_COLUMNS), { statuses: [...OPEN_STATUSES] }, scope, now);
  const newUrgent = await base().where('cases.priority', 'urgent').where('cases.reported_at', '>', since).orderBy('cases.reported_at', 'desc').limit(20);
  const turnedRed = await base().where('cases.deadline_sort', '>', since).where('cases.deadline_sort', '<=', now).orderBy('cases.deadline_sort', 'desc').limit(20);
  return { newUrgent: newUrgent as CaseListRow[], turnedRed: turnedRed as CaseListRow[] };
}
