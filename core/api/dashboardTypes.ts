import type { ParticipationBoard } from './organisationTypes';
import type { Grade, IndicatorId } from '../assessment';
import type { CaseStatus, Priority } from '../domain/case';

/** The seven workflow stages of the funnel (上报 立案 派遣 处置 核查 结案 评价). */
export const FUNNEL_STAGES = ['reported', 'filed', 'dispatched', 'handled', 'verified', 'closed', 'evaluated'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_LABELS: Record<FunnelStage, string> = {
  reported: '上报', filed: '立案', dispatched: '派遣', handled: '处置', verified: '核查', closed: '结案', evaluated: '评价',
};

export interface KeyNumbers {
  todayReports: number;
  open: number;
  overdueRed: number;
  dueSoonYellow: number;
  /** On-time closure rate this month; null when nothing was due. */
  onTimeClosureRate: number | null;
}

export interface LiveCase {
  id: string;
  caseNo: string;
  reportedAt: number;
  status: CaseStatus;
  priority: Priority;
  categoryId: string | null;
  streetId: string;
  gridId: string;
  /** The report with personal data masked: names and phone numbers never reach a wall. */
  summary: string;
}

export interface RankedTarget {
  id: string;
  name: string;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
}

export interface RadarSeries {
  id: string;
  name: string;
  /** Indicator scores 0–100; null when nothing was due. */
  values: Array<{ indicator: IndicatorId; score: number | null }>;
}

export interface GridMetric {
  gridId: string;
  code: string;
  /** Reports in the period. */
  reports: number;
  open: number;
  overdue: number;
  score: number | null;
}

export interface BigScreenSnapshot {
  at: number;
  periodLabel: string;
  keys: KeyNumbers;
  live: LiveCase[];
  departments: RankedTarget[];
  streets: RadarSeries[];
  grids: GridMetric[];
  funnel: Array<{ stage: FunnelStage; count: number }>;
  /** Reports per day, the last 30 days, oldest first. */
  trend: Array<{ day: string; reports: number }>;
  /** The grid map's version (`regions.map`): a wall fetches the map again when it changes. */
  regionsVersion: string;
}

export interface DashboardData {
  periodLabel: string;
  keys: KeyNumbers;
  departments: RankedTarget[];
  streets: RadarSeries[];
  /** Indicator values (district-wide) month by month. */
  trends: Array<{ periodLabel: string; values: Array<{ indicator: IndicatorId; value: number | null }> }>;
  funnel: Array<{ stage: FunnelStage; count: number }>;
  /** Reports per category in the period: major classes with their minor classes. */
  categories: Array<{ majorCode: string; majorName: string; total: number; minors: Array<{ categoryId: string; name: string; count: number }> }>;
  /** Reports per day over the year to date, for the calendar heat map. */
  calendar: Array<{ day: string; reports: number }>;
  /** Open cases by time-limit colour, for the gauges. */
  limits: { green: number; yellow: number; red: number };
  grids: GridMetric[];
  /** The grid map's version (`regions.map`): the map is fetched again when it changes. */
  regionsVersion: string;
  /** Social organisations' participation over the period (the board's totals). */
  organisations: ParticipationBoard['totals'];
}
