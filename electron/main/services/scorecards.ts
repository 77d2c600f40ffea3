import {
  TARGET_KINDS,
  chinaDay,
  factSources,
  periodOf,
  previousPeriod,
  scoreTargets,
  type PeriodSpec,
  type SchemeDefinition,
  type ScoredTarget,
  type TargetKind,
} from '../../../core/assessment';
import type { ScorecardRow } from '../../../core/api/assessmentTypes';
import type { Knex } from 'knex';
import { loadTargets, type AssessmentTarget } from '../../../db/repositories/assessment/targets';
import { addRegisterFreshness } from '../../../db/repositories/assessment/registerFreshness';
import { PeriodTotals } from '../../../db/repositories/assessment/totals';

export interface ScorecardSet {
  periodLabel: string;
  previousPeriodLabel: string;
  kinds: Record<TargetKind, ScorecardRow[]>;
}

function scoreKind(scheme: SchemeDefinition, kind: TargetKind, totals: PeriodTotals, targets: AssessmentTarget[]): ScoredTarget[] {
  return scoreTargets(
    scheme,
    targets.map((t) => ({ kind, id: t.id, name: t.name })),
    (ref) => totals.rowsFor(factSources(kind, targets.find((t) => t.id === ref.id)!)),
  );
}

/** Whether the scheme weighs 基础数据更新率 for any of these kinds (it is read from the registers only then). */
export function weighsFreshness(scheme: SchemeDefinition, kinds: readonly TargetKind[]): boolean {
  return kinds.some((k) => scheme.parts[k].indicators.some((i) => i.indicator === 'base_data_update_rate'));
}

const change = (now: number | null, before: number | null | undefined) =>
  now === null || before === null || before === undefined ? null : Math.round((now - before) * 10000) / 10000;

/**
 * Every kind of target scored for a period from the daily totals, with each score,
 * rank and indicator compared with the period before.
 */
export async function computeScorecards(db: Knex | Knex.Transaction, scheme: SchemeDefinition, spec: PeriodSpec, now: number, kinds: readonly TargetKind[] = TARGET_KINDS): Promise<ScorecardSet> {
  const today = chinaDay(now);
  const period = periodOf(spec);
  const previous = periodOf(previousPeriod(spec));
  const [current, before] = [await PeriodTotals.load(db, period.fromDay, period.toDay, today), await PeriodTotals.load(db, previous.fromDay, previous.toDay, today)];
  if (weighsFreshness(scheme, kinds)) {
    await addRegisterFreshness(db, current, period.fromDay, period.toDay, now);
    await addRegisterFreshness(db, before, previous.fromDay, previous.toDay, now);
  }
  const result = {} as Record<TargetKind, ScorecardRow[]>;
  for (const kind of TARGET_KINDS) {
    if (!kinds.includes(kind)) {
      result[kind] = [];
      continue;
    }
    const targets = await loadTargets(db, kind);
    const parents = new Map(targets.map((t) => [t.id, t.parentName]));
    const [scored, prior] = [scoreKind(scheme, kind, current, targets), scoreKind(scheme, kind, before, targets)];
    const priorById = new Map(prior.map((p) => [p.target.id, p]));
    result[kind] = scored.map((s) => {
      const p = priorById.get(s.target.id);
      return {
        target: { ...s.target, parentName: parents.get(s.target.id) ?? null },
        rank: s.rank,
        score: s.score,
        grade: s.grade,
        scoreChange: change(s.score, p?.score),
        rankChange: s.rank === null || !p || p.rank === null ? null : p.rank - s.rank,
        indicators: s.indicators.map((i) => ({
          ...i,
          change: change(i.value, p?.indicators.find((x) => x.indicator === i.indicator)?.value),
        })),
        adjustments: s.adjustments,
      };
    });
  }
  return { periodLabel: period.label, previousPeriodLabel: previous.label, kinds: result };
}
