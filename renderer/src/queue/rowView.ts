import type { CaseSummary } from '@core/api/types';
import type { CaseStatus } from '@core/domain/case';

/** Colour by who holds the case: the centre (orange), the handlers (blue), the closing loop (green), done (grey). */
export type StatusTone = 'primary' | 'success' | 'info' | 'warning' | 'danger';
export const STATUS_TONE: Record<CaseStatus, StatusTone> = {
  reported: 'warning',
  verifying_report: 'warning',
  accepted: 'warning',
  filed: 'warning',
  dispatched: 'primary',
  handling: 'primary',
  verifying: 'success',
  closing: 'success',
  callback: 'success',
  archived: 'info',
  parked: 'info',
  voided: 'info',
  merged: 'info',
};

/** What a queue row shows, as plain strings: the virtual table paints dozens of rows per frame while scrolling. */
export interface RowView {
  status: string;
  tone: StatusTone;
  category: string;
  major: string;
  location: string;
  departments: string;
}

export interface RowLookups {
  locale: string;
  status: (s: CaseStatus) => string;
  category: (id: string) => { name: string; majorName: string } | undefined;
  regionName: (id: string | null) => string | null;
  departmentShortName: (id: string) => string | undefined;
}

/** Grid names repeat their community ('双湖社区第一网格'): the row shows '双湖社区 / 第一网格'. */
export function shortLocation(community: string | null, grid: string | null): string {
  const shortGrid = grid && community && grid.startsWith(community) && grid.length > community.length ? grid.slice(community.length) : grid;
  return [community, shortGrid].filter(Boolean).join(' / ') || '—';
}

// Computed once per row object and language; a refreshed page brings new objects, so nothing goes stale.
const cache = new Map<string, WeakMap<CaseSummary, RowView>>();

export function rowView(row: CaseSummary, l: RowLookups): RowView {
  let views = cache.get(l.locale);
  if (!views) cache.set(l.locale, (views = new WeakMap()));
  const hit = views.get(row);
  if (hit) return hit;
  const category = row.categoryId ? l.category(row.categoryId) : undefined;
  const view: RowView = {
    status: l.status(row.status),
    tone: STATUS_TONE[row.status] ?? 'info',
    category: category?.name ?? '—',
    major: category?.majorName ?? '',
    location: shortLocation(l.regionName(row.communityId), l.regionName(row.gridId)),
    departments: row.departmentIds.map((id) => l.departmentShortName(id) ?? '—').join('、') || '—',
  };
  views.set(row, view);
  return view;
}

/** The reference data changed (an admin edit): drop every cached view. */
export const clearRowViews = () => cache.clear();
