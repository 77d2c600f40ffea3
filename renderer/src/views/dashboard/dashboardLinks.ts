import type { LocationQuery, RouteLocationRaw, Router } from 'vue-router';
import type { FunnelStage } from '@core/api/dashboardTypes';
import type { LimitColour } from '@core/api/types';
import { periodOf, type PeriodSpec } from '@core/assessment/periods';
import type { Role } from '@core/domain/roles';
import type { DeskTabKey } from '../../desk/deskTabs';
import { filtersToQuery, single, type QueueFilters } from '../../queue/queueQuery';

/** The periods the dashboard offers; custom ranges belong to the assessment pages. */
export type DashboardPeriod = Extract<PeriodSpec, { kind: 'month' | 'quarter' | 'year' }>;

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const pad = (n: number) => String(n).padStart(2, '0');
const validYear = (y: number) => y >= 2000 && y <= 2100;

/** Periods in the URL: '2026-11', '2026-Q3', '2026'. */
export function encodeDashboardPeriod(p: DashboardPeriod): string {
  if (p.kind === 'month') return `${p.year}-${pad(p.month)}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.quarter}`;
  return String(p.year);
}

export function decodeDashboardPeriod(query: LocationQuery): DashboardPeriod | null {
  const text = single(query, 'period') ?? '';
  let m = MONTH.exec(text);
  if (m && validYear(Number(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = QUARTER.exec(text);
  if (m && validYear(Number(m[1]))) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = YEAR.exec(text);
  if (m && validYear(Number(m[1]))) return { kind: 'year', year: Number(m[1]) };
  return null;
}

/** '2026年6月' (the server's month labels) → that month. */
export function monthFromLabel(label: string): DashboardPeriod | null {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(label);
  return m ? { kind: 'month', year: Number(m[1]), month: Number(m[2]) } : null;
}

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The period as the desk's inclusive reported-date filter. */
export function periodDays(p: PeriodSpec): { from: string; to: string } {
  const { fromDay, toDay } = periodOf(p);
  return { from: fromDay, to: dayBefore(toDay) };
}

/**
 * The cases at each funnel stage right now: the desk tab that holds them. The funnel counts
 * cases that passed a stage; a click shows the ones still waiting at it, where work is stuck.
 */
export const FUNNEL_TABS: Record<FunnelStage, DeskTabKey> = {
  reported: 'to_accept',
  filed: 'to_file',
  dispatched: 'to_sign',
  handled: 'handling',
  verified: 'to_verify',
  closed: 'to_close',
  evaluated: 'to_call_back',
};

export interface RegionLookup {
  parentOf: (id: string) => string | null | undefined;
}

/** Builds desk links: the desk keeps its filters in the URL, so a link is just a query. */
export class DeskLinks {
  constructor(
    private readonly role: Role | undefined,
    private readonly streetId: string | undefined,
    private readonly regions: RegionLookup,
  ) {}

  to(patch: Partial<QueueFilters>, withStreet = true): RouteLocationRaw {
    const filters: QueueFilters = { tab: 'all', sort: 'deadline', ...(withStreet && this.streetId ? { streetId: this.streetId } : {}), ...patch };
    return { name: 'queue', query: filtersToQuery(filters, this.role) };
  }

  /** The desk drops a grid filter without its community and street, so the whole chain goes in. */
  grid(gridId: string, patch: Partial<QueueFilters> = {}): RouteLocationRaw {
    const communityId = this.regions.parentOf(gridId) ?? undefined;
    const streetId = communityId ? (this.regions.parentOf(communityId) ?? undefined) : undefined;
    return this.to({ streetId, communityId, gridId, ...patch }, false);
  }

  street(streetId: string): RouteLocationRaw {
    return this.to({ streetId }, false);
  }

  department(departmentId: string): RouteLocationRaw {
    return this.to({ departmentId }, false);
  }

  category(majorCode: string, categoryId: string | undefined, period: PeriodSpec): RouteLocationRaw {
    return this.to({ majorCode, categoryId, ...periodDays(period) });
  }

  stage(stage: FunnelStage, period: PeriodSpec): RouteLocationRaw {
    return this.to({ tab: FUNNEL_TABS[stage], ...periodDays(period) });
  }

  colour(colour: LimitColour): RouteLocationRaw {
    return colour === 'red' ? this.to({ tab: 'overdue' }) : this.to({ colour });
  }

  day(day: string): RouteLocationRaw {
    return this.to({ from: day, to: day });
  }
}

/**
 * The assessment pages (scorecard, target profiles) are built alongside this one; link to them
 * when the router has them, else the caller falls back to what the dashboard itself can show.
 */
export function scorecardRoute(router: Router, period: DashboardPeriod, kind: 'department' | 'street'): RouteLocationRaw | null {
  if (!router.hasRoute('assessment-scorecard')) return null;
  return { name: 'assessment-scorecard', query: { p: encodeDashboardPeriod(period), k: kind } };
}

export function profileRoute(router: Router, kind: 'department' | 'street', targetId: string): RouteLocationRaw | null {
  if (!router.hasRoute('assessment-profile')) return null;
  return { name: 'assessment-profile', params: { kind, targetId } };
}
