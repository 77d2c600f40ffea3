import type { LocationQuery } from 'vue-router';
import type { InputOf } from '@core/api/contract';
import type { LimitColour } from '@core/api/types';
import { CASE_SOURCES, PRIORITIES, type CaseSource, type Priority } from '@core/domain/case';
import type { Role } from '@core/domain/roles';
import { defaultTabFor, findTab, type DeskTab, type DeskTabKey } from '../desk/deskTabs';
import { chinaDayStart, isIsoDate, MS_PER_DAY } from '../utils/time';

export type CaseSort = NonNullable<InputOf<'cases.list'>['sort']>;
// Kept here rather than imported from core/api/caseSchemas so the renderer does not bundle zod for a few lists.
export const CASE_SORTS = ['deadline', 'reported_desc'] as const satisfies readonly CaseSort[];
export const LIMIT_COLOURS = ['red', 'yellow', 'green'] as const satisfies readonly LimitColour[];
const MAX_QUERY_LENGTH = 100;

/** Everything the queue shows, as kept in the URL so back/forward and reload restore it. */
export interface QueueFilters {
  tab: DeskTabKey;
  streetId?: string;
  communityId?: string;
  gridId?: string;
  majorCode?: string;
  categoryId?: string;
  departmentId?: string;
  source?: CaseSource;
  priority?: Priority;
  colour?: LimitColour;
  /** Full-text search over case number, description and address. */
  q?: string;
  /** China-time calendar days, 'YYYY-MM-DD', both inclusive */
  from?: string;
  to?: string;
  sort: CaseSort;
}

/** The filters shared by the list and the tab counts: everything but the tab and the paging. */
export type CaseFilterInput = Omit<InputOf<'cases.counts'>, 'tab'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAJOR = /^\d{2}$/;

export function single(query: LocationQuery, key: string): string | undefined {
  const v = query[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s !== '' ? s : undefined;
}

const matching = (value: string | undefined, pattern: RegExp) => (value && pattern.test(value) ? value : undefined);
const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);

/** Hand-edited or stale URLs degrade to defaults instead of sending the server something it rejects. */
export function filtersFromQuery(query: LocationQuery, role: Role | undefined): QueueFilters {
  const tab = single(query, 'status');
  const from = single(query, 'from');
  const to = single(query, 'to');
  const q = single(query, 'q')?.trim().slice(0, MAX_QUERY_LENGTH);
  const filters: QueueFilters = {
    tab: tab && findTab(role, tab) ? (tab as DeskTabKey) : defaultTabFor(role),
    streetId: matching(single(query, 'street'), UUID),
    communityId: matching(single(query, 'community'), UUID),
    gridId: matching(single(query, 'grid'), UUID),
    majorCode: matching(single(query, 'major'), MAJOR),
    categoryId: matching(single(query, 'category'), UUID),
    departmentId: matching(single(query, 'dept'), UUID),
    source: oneOf(single(query, 'source'), CASE_SOURCES),
    priority: oneOf(single(query, 'priority'), PRIORITIES),
    colour: oneOf(single(query, 'colour'), LIMIT_COLOURS),
    q: q || undefined,
    from: from && isIsoDate(from) ? from : undefined,
    to: to && isIsoDate(to) ? to : undefined,
    sort: oneOf(single(query, 'sort'), CASE_SORTS) ?? 'deadline',
  };
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return filters;
}

export function filtersToQuery(f: QueueFilters, role: Role | undefined): Record<string, string> {
  const q: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) q[key] = value;
  };
  if (f.tab !== defaultTabFor(role)) q.status = f.tab;
  put('street', f.streetId);
  put('community', f.communityId);
  put('grid', f.gridId);
  put('major', f.majorCode);
  put('category', f.categoryId);
  put('dept', f.departmentId);
  put('source', f.source);
  put('priority', f.priority);
  put('colour', f.colour);
  put('q', f.q);
  put('from', f.from);
  put('to', f.to);
  if (f.sort !== 'deadline') q.sort = f.sort;
  return q;
}

/** The filters without the tab, as the counts take them. */
export function toFilterInput(f: QueueFilters): CaseFilterInput {
  return {
    ...(f.streetId ? { streetId: f.streetId } : {}),
    ...(f.communityId ? { communityId: f.communityId } : {}),
    ...(f.gridId ? { gridId: f.gridId } : {}),
    // A minor category is more specific than its major class; sending both would be redundant.
    ...(f.categoryId ? { categoryId: f.categoryId } : f.majorCode ? { majorCode: f.majorCode } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.priority ? { priority: f.priority } : {}),
    ...(f.colour ? { colour: f.colour } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.from ? { reportedFrom: chinaDayStart(f.from) } : {}),
    // The picker's end day is inclusive; the API's bound is exclusive.
    ...(f.to ? { reportedTo: chinaDayStart(f.to) + MS_PER_DAY } : {}),
  };
}

/** What a tab adds to the filters. */
export function tabInput(tab: DeskTab | undefined): Pick<InputOf<'cases.list'>, 'tab' | 'statuses' | 'handler'> {
  if (!tab) return {};
  return {
    ...(tab.tab ? { tab: tab.tab } : {}),
    ...(tab.statuses ? { statuses: [...tab.statuses] } : {}),
    ...(tab.handler ? { handler: tab.handler } : {}),
  };
}

export interface FilterLookups {
  regionParent: (id: string) => string | null | undefined;
  categoryMajor: (id: string) => string | undefined;
  hasMajor: (code: string) => boolean;
  hasDepartment: (id: string) => boolean;
}

/**
 * Drops ids the reference data does not know or that contradict their parent (a community
 * outside the chosen street): the selects would otherwise show a raw id, or an invisible
 * filter would empty the queue.
 */
export function sanitiseFilters(f: QueueFilters, l: FilterLookups): QueueFilters {
  const out = { ...f };
  if (out.streetId && l.regionParent(out.streetId) === undefined) out.streetId = undefined;
  if (out.communityId && (!out.streetId || l.regionParent(out.communityId) !== out.streetId)) out.communityId = undefined;
  if (out.gridId && (!out.communityId || l.regionParent(out.gridId) !== out.communityId)) out.gridId = undefined;
  if (out.categoryId) {
    const major = l.categoryMajor(out.categoryId);
    if (!major) out.categoryId = undefined;
    else out.majorCode = major;
  }
  if (out.majorCode && !l.hasMajor(out.majorCode)) out.majorCode = undefined;
  if (out.departmentId && !l.hasDepartment(out.departmentId)) out.departmentId = undefined;
  return out;
}
