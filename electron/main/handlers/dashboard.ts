import { timingSafeEqual } from 'node:crypto';
import { INDICATOR_MEASURES, chinaDay, evaluateMeasure, previousPeriod, type IndicatorId } from '../../../core/assessment';
import type { BigScreenSnapshot, LiveCase } from '../../../core/api/dashboardTypes';
import { ApiError } from '../../../core/api/errors';
import { maskFreeText, maskName } from '../../../core/masking';
import type { Role } from '../../../core/domain/roles';
import { activeScheme } from '../../../db/repositories/assessment/schemes';
import { loadTargets } from '../../../db/repositories/assessment/targets';
import { addRegisterFreshness } from '../../../db/repositories/assessment/registerFreshness';
import { PeriodTotals } from '../../../db/repositories/assessment/totals';
import { weighsFreshness } from '../services/scorecards';
import { loadSetting } from '../../../db/repositories/reference';
import { audit } from '../auditTrail';
import type { Backend } from '../backend';
import type { Handler } from '../handlerTypes';
import { displayKey } from '../services/displayKey';
import { participationBoard } from '../services/participation';
import { departmentRanking, funnel, gridMetrics, keyNumbers, monthOf, periodBounds, reportsPerDay, streetRadar } from '../services/dashboard';

const DAY_MS = 86_400_000;
export const WALL_ROLES: readonly Role[] = ['admin', 'leader', 'shift_leader', 'dispatcher'];
const TREND_INDICATORS: IndicatorId[] = ['on_time_handling_rate', 'closure_rate', 'on_time_closure_rate', 'satisfaction_rate', 'rework_rate'];

async function scheme(backend: Backend) {
  const s = await activeScheme(backend.knex);
  if (!s) throw new ApiError('NOT_FOUND', '没有启用的考核方案');
  return s.definition;
}

/** Wall text: reporters' names here; numbers and the rest by the wall's masking policy (core/masking). */
async function liveCases(backend: Backend): Promise<LiveCase[]> {
  const rows = await backend.knex('cases as c').join('case_states as s', 's.id', 'c.id').orderBy('c.reported_at', 'desc').limit(20)
    .select('c.id', 'c.case_no', 'c.reported_at', 'c.status', 'c.priority', 'c.category_id', 'c.street_id', 'c.grid_id', 's.state');
  return rows.map((r) => {
    const state = JSON.parse(r.state) as { description: string; reporterName: string };
    const named = state.reporterName ? state.description.replaceAll(state.reporterName, maskName(state.reporterName)) : state.description;
    // Masked before it is cut: a number cut in half would no longer look like one.
    const summary = maskFreeText(named);
    return {
      id: r.id, caseNo: r.case_no, reportedAt: Number(r.reported_at), status: r.status, priority: r.priority,
      categoryId: r.category_id, streetId: r.street_id, gridId: r.grid_id, summary: summary.slice(0, 60),
    };
  });
}

export function keyMatches(given: string | undefined, stored: string | undefined): boolean {
  if (!given || !stored || given.length !== stored.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(stored));
}

/**
 * Everything a wall shows, from the daily totals and a few indexed counts: never a scan of
 * every case. A wall PC without anyone signed in uses the display key an admin issued.
 */
export const bigScreenHandler: Handler<'bigscreen.snapshot'> = async ({ key }, { backend, user }) => {
  if (!(user && WALL_ROLES.includes(user.role)) && !keyMatches(key, await loadSetting<string>(backend.knex, 'display_key'))) {
    throw new ApiError('UNAUTHENTICATED', '大屏需要登录或有效的大屏密钥');
  }
  const now = backend.now();
  const definition = await scheme(backend);
  const month = periodBounds(monthOf(now));
  const totals = await PeriodTotals.load(backend.knex, month.fromDay, month.toDay, chinaDay(now));
  // The grids' scores must be the scorecard's: with 基础数据更新率 when the scheme weighs it.
  if (weighsFreshness(definition, ['grid'])) await addRegisterFreshness(backend.knex, totals, month.fromDay, month.toDay, now);
  const grids = await loadTargets(backend.knex, 'grid');
  const snapshot: BigScreenSnapshot = {
    at: now,
    periodLabel: month.label,
    keys: await keyNumbers(backend.knex, now, totals, null),
    live: await liveCases(backend),
    departments: await departmentRanking(backend.knex, definition, totals),
    streets: await streetRadar(backend.knex, definition, totals),
    grids: await gridMetrics(backend.knex, definition, totals, now, grids),
    funnel: await funnel(backend.knex, month.from, month.to, null),
    trend: await reportsPerDay(backend.knex, chinaDay(now - 29 * DAY_MS), chinaDay(now + DAY_MS), null),
    regionsVersion: (await backend.regionIndex()).version,
  };
  return snapshot;
};

export const dashboardHandler: Handler<'dashboard.data'> = async ({ period, streetId }, { backend }) => {
  const now = backend.now();
  const spec = period ?? monthOf(now);
  const bounds = periodBounds(spec);
  const definition = await scheme(backend);
  const today = chinaDay(now);
  const totals = await PeriodTotals.load(backend.knex, bounds.fromDay, bounds.toDay, today);
  if (weighsFreshness(definition, ['grid'])) await addRegisterFreshness(backend.knex, totals, bounds.fromDay, bounds.toDay, now);
  const allGrids = await loadTargets(backend.knex, 'grid');
  const streetGrids = streetId ? (await loadTargets(backend.knex, 'street')).find((s) => s.id === streetId)?.grids ?? [] : null;
  const grids = streetGrids ? allGrids.filter((g) => streetGrids.includes(g.id)) : allGrids;
  const gridIds = grids.map((g) => g.id);

  const trends = [];
  let month = monthOf(now);
  for (let i = 0; i < 6; i++) {
    const b = periodBounds(month);
    const rows = (await PeriodTotals.load(backend.knex, b.fromDay, b.toDay, today)).rowsFor([{ dim: 'grid', ids: gridIds }]);
    trends.unshift({
      periodLabel: b.label,
      values: TREND_INDICATORS.map((indicator) => {
        const m = INDICATOR_MEASURES[indicator];
        const den = m.denominator ? evaluateMeasure(m.denominator, rows) : 0;
        return { indicator, value: den > 0 ? evaluateMeasure(m.numerator, rows) / den : null };
      }),
    });
    month = previousPeriod(month);
  }

  // Counted per category id on the (category, report time) index, one category at a time, then
  // named from the small catalogue: no join and no row reads over the month's cases.
  const catalogue = (await backend.knex('categories').select('id', 'name', 'major_code', 'major_name')) as Array<{ id: string; name: string; major_code: string; major_name: string }>;
  const categoryCounts = backend.knex('cases').whereIn('category_id', catalogue.map((c) => c.id))
    .where('reported_at', '>=', bounds.from).where('reported_at', '<', bounds.to).groupBy('category_id').select('category_id').count({ n: '*' });
  if (streetGrids) categoryCounts.whereIn('grid_id', gridIds);
  const counted = new Map(((await categoryCounts) as Array<{ category_id: string; n: number }>).map((r) => [r.category_id, Number(r.n)]));
  const majors = new Map<string, { majorCode: string; majorName: string; total: number; minors: Array<{ categoryId: string; name: string; count: number }> }>();
  for (const c of catalogue) {
    const n = counted.get(c.id);
    if (!n) continue;
    const m = majors.get(c.major_code) ?? { majorCode: c.major_code, majorName: c.major_name, total: 0, minors: [] };
    m.total += n;
    m.minors.push({ categoryId: c.id, name: c.name, count: n });
    majors.set(c.major_code, m);
  }
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const keys = await keyNumbers(backend.knex, now, totals, streetGrids ? gridIds : null);
  const inGrids = <T extends { whereIn: (c: string, v: string[]) => T }>(q: T) => (streetGrids ? q.whereIn('grid_id', gridIds) : q);
  const green = Number(((await inGrids(backend.knex('cases').where('stage_warn_at', '>', now)).count({ n: '*' })) as Array<{ n: number }>)[0]?.n ?? 0);
  return {
    periodLabel: bounds.label,
    keys,
    departments: await departmentRanking(backend.knex, definition, totals),
    streets: await streetRadar(backend.knex, definition, totals, streetId),
    trends,
    funnel: await funnel(backend.knex, bounds.from, bounds.to, streetGrids ? gridIds : null),
    categories: [...majors.values()].sort((a, b) => a.majorCode.localeCompare(b.majorCode)),
    calendar: await reportsPerDay(backend.knex, yearStart, chinaDay(now + DAY_MS), streetGrids ? gridIds : null),
    limits: { green, yellow: keys.dueSoonYellow, red: keys.overdueRed },
    grids: await gridMetrics(backend.knex, definition, totals, now, grids),
    regionsVersion: (await backend.regionIndex()).version,
    organisations: (await participationBoard(backend.knex, bounds)).totals,
  };
};

/** The key a wall PC puts in its kiosk URL; issuing a new one retires the old. */
export const displayKeyHandler: Handler<'settings.displayKey'> = async ({ rotate }, { backend, user }) => {
  const key = await displayKey(backend, rotate);
  await audit(backend, user, { action: rotate ? 'display_key.rotate' : 'display_key.read', targetType: 'setting', detail: { key: 'display_key' } });
  return { key };
};
