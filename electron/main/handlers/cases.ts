import type { CaseWithHistory, DuplicateCandidate, SessionUser, TriageSuggestion } from '../../../core/api/types';
import { findDuplicates, type PlaceKnowledge } from '../../../core/triage';
import { actorOf } from '../../../core/workflow/actor';
import { availableMoves } from '../../../core/workflow/availability';
import { stageHistory } from '../../../core/workflow/stageHistory';
import type { CaseState } from '../../../core/workflow/state';
import { writeAudit } from '../../../db/repositories/audit';
import { stateToRow } from '../../../db/repositories/caseRows';
import { alertRows, countCases, listCases, type CaseListRow } from '../../../db/repositories/caseQueries';
import { loadCaseState, loadEvents } from '../../../db/repositories/caseStore';
import { duplicateCandidates } from '../../../db/repositories/duplicateCandidates';
import { loadUserNames } from '../../../db/repositories/users';
import type { Backend } from '../backend';
import { requireUser, type Handler } from '../handlerTypes';
import { assertVisible, inScope, scopeOf } from './caseAccess';
import { toDetail, toEventViews, toStageTimings, toSummary } from './caseViews';

const NEEDS_TRIAGE = new Set(['reported', 'verifying_report', 'accepted']);
const MAY_BE_DUPLICATE = new Set(['reported', 'verifying_report', 'accepted', 'filed']);

export const listCasesHandler: Handler<'cases.list'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { page, pageSize, sort, withTotal, ...filter } = input;
  const now = ctx.backend.now();
  const { rows, total } = await listCases(ctx.backend.knex, { filter, scope: scopeOf(user), sort, page, pageSize, now, withTotal });
  return { rows: rows.map((r) => toSummary(r, now)), total, page, pageSize };
};

export const countCasesHandler: Handler<'cases.counts'> = async (input, ctx) =>
  countCases(ctx.backend.knex, input, scopeOf(requireUser(ctx)), ctx.backend.now());

export const alertsHandler: Handler<'cases.alerts'> = async (input, ctx) => {
  const now = ctx.backend.now();
  const since = input.since ?? now;
  const { newUrgent, turnedRed } = await alertRows(ctx.backend.knex, scopeOf(requireUser(ctx)), since, now);
  return { now, newUrgent: newUrgent.map((r) => toSummary(r, now)), turnedRed: turnedRed.map((r) => toSummary(r, now)) };
};

async function suggestionFor(backend: Backend, state: CaseState): Promise<TriageSuggestion | null> {
  if (!NEEDS_TRIAGE.has(state.status)) return null;
  return (await backend.triageModel()).suggest(state.description);
}

/**
 * Which grids border which: from the office's boundaries; a grid without a boundary falls back
 * to the grids of its community (the same-grid and coordinate rules need no map at all).
 */
async function placeKnowledge(backend: Backend): Promise<{ place: PlaceKnowledge; near: (gridId: string) => string[] }> {
  const index = await backend.regionIndex();
  const sameCommunity = (a: string, b: string) => {
    const community = index.communityOf.get(a);
    return community !== undefined && community !== null && community === index.communityOf.get(b);
  };
  const bordering = (a: string, b: string) => {
    const [na, nb] = [index.neighbours.get(a), index.neighbours.get(b)];
    return na && nb ? na.has(b) : sameCommunity(a, b);
  };
  const near = (gridId: string) => {
    const known = index.neighbours.get(gridId);
    if (known) return [...known];
    return [...index.communityOf.keys()].filter((g) => g !== gridId && sameCommunity(g, gridId));
  };
  return { place: { bordering }, near };
}

async function duplicatesFor(backend: Backend, state: CaseState, user: SessionUser, now: number): Promise<DuplicateCandidate[]> {
  if (!MAY_BE_DUPLICATE.has(state.status)) return [];
  const { categories } = await backend.reference();
  const majorOf = new Map(categories.map((c) => [c.id, c.majorCode]));
  const subject = (s: CaseState) => ({
    id: s.id, gridId: s.gridId, categoryId: s.categoryId, majorCode: s.categoryId ? (majorOf.get(s.categoryId) ?? null) : null,
    text: s.description, reportedAt: s.reportedAt, lat: s.lat, lng: s.lng, address: s.address,
  });
  const { place, near } = await placeKnowledge(backend);
  // Only cases the user may open: a candidate shows its number, address and summary.
  const scope = scopeOf(user);
  const candidates = (await duplicateCandidates(backend.knex, state, near(state.gridId))).filter((c) => inScope(c, scope));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return findDuplicates(subject(state), candidates.map(subject), 5, place).map((d) => ({
    case: toSummary(stateToRow(byId.get(d.id)!) as unknown as CaseListRow, now),
    score: d.score,
    reasons: d.reasons,
  }));
}

/** Everything the detail pane shows, for this user, now. */
export async function caseWithHistory(backend: Backend, state: CaseState, user: SessionUser): Promise<CaseWithHistory> {
  const now = backend.now();
  const events = await loadEvents(backend.knex, state.id);
  const names = await loadUserNames(backend.knex, events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  const { categories } = await backend.reference();
  const category = categories.find((c) => c.id === state.categoryId);
  const actor = actorOf(user);
  return {
    case: toDetail(state, now),
    events: toEventViews(events, names),
    moves: availableMoves(state, actor),
    stages: toStageTimings(stageHistory(events), await backend.calendar(), category, state.priority, now),
    suggestion: await suggestionFor(backend, state),
    duplicates: await duplicatesFor(backend, state, user, now),
  };
}

export const getCaseHandler: Handler<'cases.get'> = async ({ id }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const state = assertVisible(await loadCaseState(backend.knex, id), user);
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, backend.now(), { userId: user.id, action: 'case.view', targetType: 'case', targetId: id }),
  );
  return caseWithHistory(backend, state, user);
};
