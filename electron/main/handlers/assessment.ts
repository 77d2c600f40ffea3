import { INDICATORS, INDICATOR_MEASURES, TARGET_KINDS, chinaDay, factSources, periodOf, previousPeriod, type PeriodSpec, type TargetKind } from '../../../core/assessment';
import type { RunSummary, Scorecard, ScorecardRow } from '../../../core/api/assessmentTypes';
import { ApiError } from '../../../core/api/errors';
import type { SessionUser } from '../../../core/api/types';
import { drillFacts } from '../../../db/repositories/assessment/drill';
import { freezeRegisterFreshness } from '../../../db/repositories/assessment/registerFreshness';
import { getRun, insertRun, latestPublished, listRuns, publishRun, type StoredRun } from '../../../db/repositories/assessment/runs';
import { activeScheme, getScheme } from '../../../db/repositories/assessment/schemes';
import { loadTargets } from '../../../db/repositories/assessment/targets';
import { LIST_COLUMNS, type CaseListRow } from '../../../db/repositories/caseQueries';
import type { Backend } from '../backend';
import { requireUser, type Handler } from '../handlerTypes';
import { ledgerEntries } from '../services/ledgerEntries';
import { computeScorecards, weighsFreshness, type ScorecardSet } from '../services/scorecards';
import { registerDrill } from '../services/registerDrill';
import { toSummary } from './caseViews';

const summaryOf = ({ results: _results, ...run }: StoredRun): RunSummary => run;

async function schemeOrActive(backend: Backend, schemeId?: string) {
  const scheme = schemeId ? await getScheme(backend.knex, schemeId) : await activeScheme(backend.knex);
  if (!scheme) throw new ApiError('NOT_FOUND', '考核方案不存在');
  return scheme;
}

async function storedRun(backend: Backend, id: string): Promise<StoredRun> {
  const run = await getRun(backend.knex, id);
  if (!run) throw new ApiError('NOT_FOUND', '考核结果不存在');
  return run;
}

export const scorecardHandler: Handler<'assessment.scorecard'> = async ({ runId, schemeId, period, kind }, { backend }): Promise<Scorecard> => {
  if (runId) {
    const run = await storedRun(backend, runId);
    const set = JSON.parse(run.results) as ScorecardSet;
    return { run: summaryOf(run), kind, periodLabel: set.periodLabel, previousPeriodLabel: set.previousPeriodLabel, rows: set.kinds[kind] };
  }
  const scheme = await schemeOrActive(backend, schemeId);
  const set = await computeScorecards(backend.knex, scheme.definition, period!, backend.now(), [kind]);
  return { run: null, kind, periodLabel: set.periodLabel, previousPeriodLabel: set.previousPeriodLabel, rows: set.kinds[kind] };
};

/** A draft: every target kind scored now and saved, so it can be compared with later ones. */
export const computeHandler: Handler<'assessment.compute'> = async ({ schemeId, period }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const scheme = await schemeOrActive(backend, schemeId);
  const results = await computeScorecards(backend.knex, scheme.definition, period, backend.now());
  const id = await backend.writePath.transaction((tx) => insertRun(tx, { schemeId: scheme.id, period, results, by: user.id, at: backend.now() }));
  return summaryOf(await storedRun(backend, id));
};

/**
 * Publishing scores the period once more and freezes it: the results and a copy of the
 * facts behind them, in one transaction, so later edits to cases or schemes change nothing.
 */
export const publishHandler: Handler<'assessment.publish'> = async ({ id }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const draft = await storedRun(backend, id);
  if (draft.status === 'published') throw new ApiError('CONFLICT', '该考核结果已发布');
  const scheme = await schemeOrActive(backend, draft.schemeId);
  const publishedId = await backend.writePath.transaction(async (tx) => {
    const at = backend.now();
    const results = await computeScorecards(tx.trx, scheme.definition, draft.period, at);
    const runId = await insertRun(tx, { schemeId: scheme.id, period: draft.period, results, by: user.id, at });
    await publishRun(tx, (await getRun(tx.trx, runId))!);
    if (weighsFreshness(scheme.definition, TARGET_KINDS)) await freezeRegisterFreshness(tx.trx, runId, periodOf(draft.period).fromDay, periodOf(draft.period).toDay, at);
    return runId;
  });
  return summaryOf(await storedRun(backend, publishedId));
};

export const runsHandler: Handler<'assessment.runs'> = async ({ period }, { backend }) => listRuns(backend.knex, period);

export const compareHandler: Handler<'assessment.compare'> = async ({ a, b, kind }, { backend }) => {
  const [runA, runB] = [await storedRun(backend, a), await storedRun(backend, b)];
  const rowsA = new Map((JSON.parse(runA.results) as ScorecardSet).kinds[kind].map((r) => [r.target.id, r]));
  const rowsB = new Map((JSON.parse(runB.results) as ScorecardSet).kinds[kind].map((r) => [r.target.id, r]));
  // Every target of either run: one added or removed between them still shows.
  const targets = new Map<string, ScorecardRow['target']>([...rowsA.values(), ...rowsB.values()].map((r) => [r.target.id, r.target]));
  return {
    a: summaryOf(runA),
    b: summaryOf(runB),
    kind,
    rows: [...targets.values()].map((target) => {
      const ra = rowsA.get(target.id);
      const rb = rowsB.get(target.id);
      const a = ra?.score ?? null;
      const b = rb?.score ?? null;
      return { target, a, b, change: a === null || b === null ? null : Math.round((b - a) * 100) / 100, rankA: ra?.rank ?? null, rankB: rb?.rank ?? null };
    }),
  };
};

/**
 * Departments and grid workers may open only their own numbers; a grid leader (网格长) also those of
 * the grids they cover (the `grid` target is the grid as a unit, answered for by its leader).
 */
function assertOwnTarget(user: SessionUser, kind: TargetKind, targetId: string): void {
  if (user.role === 'department_staff' && !(kind === 'department' && targetId === user.departmentId)) throw new ApiError('FORBIDDEN', '只能查看本部门的考核明细');
  if (user.role !== 'grid_worker') return;
  if (kind === 'grid_worker' && targetId === user.id) return;
  if (kind === 'grid' && user.gridLeader && (user.gridIds ?? []).includes(targetId)) return;
  throw new ApiError('FORBIDDEN', user.gridLeader ? '只能查看本人及本人负责网格的考核明细' : '只能查看本人的考核明细');
}

export const drillHandler: Handler<'assessment.drill'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  assertOwnTarget(user, input.kind, input.targetId);
  const run = input.runId ? await storedRun(backend, input.runId) : null;
  const spec = (run?.period ?? input.period)!;
  const target = (await loadTargets(backend.knex, input.kind)).find((t) => t.id === input.targetId);
  if (!target) throw new ApiError('NOT_FOUND', '考核对象不存在');
  const measures = INDICATOR_MEASURES[input.indicator];
  const measure = input.part === 'numerator' ? measures.numerator : measures.denominator;
  const definition = INDICATORS[input.indicator];
  if (!measure) return { indicator: input.indicator, part: input.part, formula: definition.formula, total: 0, points: null, rows: [] };
  const { fromDay, toDay } = periodOf(spec);
  const sources = factSources(input.kind, target);
  if (input.indicator === 'base_data_update_rate') {
    const grids = sources.find((s) => s.dim === 'grid')?.ids ?? [];
    const published = run?.status === 'published' ? run.id : null;
    return { indicator: input.indicator, part: input.part, formula: definition.formula, points: null, rows: [], ...(await registerDrill(backend, { runId: published, grids, fromDay, toDay, onTimeOnly: input.part === 'numerator' }, input.page, input.pageSize)) };
  }
  // A published run is judged as on its publishing day; a live view as of today.
  const today = chinaDay(run?.status === 'published' ? run.computedAt : backend.now());
  const { facts, total, weight } = await drillFacts(
    backend.knex,
    { runId: run?.status === 'published' ? run.id : null, fromDay, toDay, today, sources, measure },
    input.page,
    input.pageSize,
  );
  const cases = await backend.knex('cases').whereIn('id', [...new Set(facts.map((f) => f.case_id))]).select(LIST_COLUMNS);
  const byId = new Map((cases as CaseListRow[]).map((c) => [c.id, c]));
  const now = backend.now();
  return {
    indicator: input.indicator,
    part: input.part,
    formula: definition.formula,
    total,
    points: measure.measure === 'weight' ? weight : null,
    rows: facts.filter((f) => byId.has(f.case_id)).map((f) => ({
      case: toSummary(byId.get(f.case_id)!, now),
      fact: {
        kind: f.kind, outcome: f.outcome, at: Number(f.at),
        dueAt: f.due_at === null ? null : Number(f.due_at), doneAt: f.done_at === null ? null : Number(f.done_at),
        onTime: f.on_time === null ? null : f.on_time === 1, weight: Number(f.weight),
      },
    })),
  };
};

function monthsBack(now: number, months: number): PeriodSpec[] {
  const [y, m] = chinaDay(now).split('-').map(Number) as [number, number];
  const specs: PeriodSpec[] = [{ kind: 'month', year: y, month: m }];
  while (specs.length < months) specs.unshift(previousPeriod(specs[0]!));
  return specs;
}

export const profileHandler: Handler<'assessment.profile'> = async ({ kind, targetId, months }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  assertOwnTarget(user, kind, targetId);
  const target = (await loadTargets(backend.knex, kind)).find((t) => t.id === targetId);
  if (!target) throw new ApiError('NOT_FOUND', '考核对象不存在');
  const scheme = await schemeOrActive(backend);
  const points = [];
  for (const spec of monthsBack(backend.now(), months)) {
    // A published month shows its frozen numbers; the others are computed now.
    const published = await latestPublished(backend.knex, spec);
    const set = published
      ? (JSON.parse(published.results) as ScorecardSet)
      : await computeScorecards(backend.knex, scheme.definition, spec, backend.now(), [kind]);
    const row = set.kinds[kind].find((r) => r.target.id === targetId);
    if (!row) continue;
    points.push({
      period: spec, publishedRunId: published?.id ?? null,
      periodLabel: set.periodLabel, score: row.score, grade: row.grade, rank: row.rank, of: set.kinds[kind].length,
      indicators: row.indicators.map((i) => ({ indicator: i.indicator, value: i.value })),
    });
  }
  const current = monthsBack(backend.now(), 1)[0]!;
  const openLedger = (await ledgerEntries(backend.knex, { period: current, kind, targetId }, backend.now())).filter((e) => e.status === 'open' || e.status === 'appealed').length;
  return { target: { kind, id: target.id, name: target.name }, points, openLedger };
};

