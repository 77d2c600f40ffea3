import type { LocationQuery } from 'vue-router';
import type { InputOf } from '@core/api/contract';
import { chinaDayStart, isIsoDate, MS_PER_DAY } from '../utils/time';
import { DEFAULT_TAB, tabByKey } from './statusTabs';

export type CaseSort = NonNullable<InputOf<'cases.list'>['sort']>;
// Kept here rather than imported from core/api/schemas so the renderer does not bundle zod for one list.
export const CASE_SORTS = ['deadline', 'reported_desc'] as const satisfies readonly CaseSort[];
export const PAGE_SIZE = 50;

/** Everything the queue shows, as kept in the URL so back/forward and reload restore it. */
export interface QueueFilters {
  tab: string;
  streetId?: string;
  communityId?: string;
  gridId?: string;
  majorCode?: string;
  categoryId?: string;
  /** China-time calendar days, 'YYYY-MM-DD', both inclusive */
  from?: string;
  to?: string;
  sort: CaseSort;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAJOR = /^\d{2}$/;

function single(query: LocationQuery, key: string): string | undefined {
  const v = query[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s !== '' ? s : undefined;
}

const matching = (value: string | undefined, pattern: RegExp) => (value && pattern.test(value) ? value : undefined);

/** Hand-edited or stale URLs degrade to defaults instead of sending the server something it rejects. */
export function filtersFromQuery(query: LocationQuery): QueueFilters {
  const tab = single(query, 'status');
  const sort = single(query, 'sort');
  const page = Number(single(query, 'page'));
  const from = single(query, 'from');
  const to = single(query, 'to');
  const filters: QueueFilters = {
    tab: tab && tabByKey(tab) ? tab : DEFAULT_TAB,
    streetId: matching(single(query, 'street'), UUID),
    communityId: matching(single(query, 'community'), UUID),
    gridId: matching(single(query, 'grid'), UUID),
    majorCode: matching(single(query, 'major'), MAJOR),
    categoryId: matching(single(query, 'category'), UUID),
    from: from && isIsoDate(from) ? from : undefined,
    to: to && isIsoDate(to) ? to : undefined,
    sort: (CASE_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CaseSort) : 'deadline',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return filters;
}

export function filtersToQuery(f: QueueFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.tab !== DEFAULT_TAB) q.status = f.tab;
  if (f.streetId) q.street = f.streetId;
  if (f.communityId) q.community = f.communityId;
  if (f.gridId) q.grid = f.gridId;
  if (f.majorCode) q.major = f.majorCode;
  if (f.categoryId) q.category = f.categoryId;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.sort !== 'deadline') q.sort = f.sort;
  if (f.page > 1) q.page = String(f.page);
  return q;
}

export function toListInput(f: QueueFilters): InputOf<'cases.list'> {
  const statuses = tabByKey(f.tab)?.statuses;
  return {
    ...(statuses ? { statuses: [...statuses] } : {}),
    ...(f.streetId ? { streetId: f.streetId } : {}),
    ...(f.communityId ? { communityId: f.communityId } : {}),
    ...(f.gridId ? { gridId: f.gridId } : {}),
    // A minor category is more specific than its major class; sending both would be redundant.
    ...(f.categoryId ? { categoryId: f.categoryId } : f.majorCode ? { majorCode: f.majorCode } : {}),
    ...(f.from ? { reportedFrom: chinaDayStart(f.from) } : {}),
    // The picker's end day is inclusive; the API's bound is exclusive.
    ...(f.to ? { reportedTo: chinaDayStart(f.to) + MS_PER_DAY } : {}),
    page: f.page,
    pageSize: PAGE_SIZE,
    sort: f.sort,
  };
}

export interface FilterLookups {
  regionParent: (id: string) => string | null | undefined;
  categoryMajor: (id: string) => string | undefined;
  hasMajor: (code: string) => boolean;
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
  return out;
}
