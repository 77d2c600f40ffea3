import type { CaseHandler, MatterKind } from '../api/types';
import type { CaseStatus, SupervisionLevel } from '../domain/case';
import type { CaseEvent, EventOf } from '../workflow/events';
import { foldCase, type FoldVisitor } from '../workflow/fold';
import type { CaseState } from '../workflow/state';
import { HandlingLog } from './handlingItems';

/**
 * What the scorecards count, derived from a case's history (DESIGN §3, and the choices in
 * docs/architecture.md "Indicator definitions"):
 * - sign: each dispatch to a department; handle: the case once for each handler that took it
 *   on (a rework adds no second item); reworked: such an item that was handled after failing
 *   verification at least once; verify: each verification request; close: the case once;
 * - rework, extension, callback, supervision: each event;
 * - report: a grid worker's own report; other_report: anyone else's; found_by_others: a
 *   problem someone else reported first that was filed and was the grid worker's to find.
 */
export const FACT_KINDS = [
  'sign', 'handle', 'reworked', 'verify', 'close', 'rework', 'extension', 'callback', 'supervision', 'report', 'other_report', 'found_by_others',
  // Not a case fact: a register record's due re-verification (基础数据更新率), totalled from the
  // registers by db/repositories/registry/freshness.ts and added to the period's rows per grid.
  'register_verify',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Facts bucketed into periods by their deadline; the others by when they happened. */
export const DUE_FACTS: readonly FactKind[] = ['sign', 'handle', 'reworked', 'verify', 'close'];

/** Every report, the grid worker's own and everyone else's. */
export const REPORT_KINDS: FactKind[] = ['report', 'other_report'];

/**
 * Matters only the applicant can bring (applications for approvals, licences and
 * certificates, and questions about them, e.g. 12345 consultations): no grid worker could
 * have found one on patrol, so another's report of one is not a missed report.
 */
export const OUTSIDE_GRID_DUTY: readonly MatterKind[] = ['approval', 'licensing', 'certificate'];

export interface CaseFact {
  /** Stable across refolds: case, kind and the fact's number within that kind. */
  id: string;
  caseId: string;
  kind: FactKind;
  handler: CaseHandler | null;
  departmentId: string | null;
  gridId: string;
  communityId: string;
  streetId: string;
  /** The grid worker a report fact belongs to. */
  userId: string | null;
  at: number;
  dueAt: number | null;
  doneAt: number | null;
  /** sign: signed|returned|withdrawn; handle: handled|transferred|parked; verify: passed|failed; close: closed|parked;
   *  callback: the satisfaction; supervision: the level; report, other_report: filed|voided|merged; null while open. */
  outcome: string | null;
  /** Supervision points (普通 0, 黄牌 5, 红牌 10); 1 for every other fact. */
  weight: number;
  /** Counts for its grid, community and street; false for a handler's earlier item the case moved on from. */
  place: boolean;
}

export interface FactContext {
  /** The matter kind of a category, to tell which problems were a grid worker's to find. */
  matterKind?: (categoryId: string) => MatterKind | null | undefined;
}

export const SUPERVISION_WEIGHT: Record<SupervisionLevel, number> = { normal: 0, yellow: 5, red: 10 };

class FactBook {
  readonly facts: CaseFact[] = [];
  private readonly counters = new Map<FactKind, number>();

  constructor(private readonly place: Pick<CaseFact, 'caseId' | 'gridId' | 'communityId' | 'streetId'>) {}

  add(kind: FactKind, fields: Partial<CaseFact> & { at: number }, number?: number): CaseFact {
    const n = number ?? this.counters.get(kind) ?? 0;
    if (number === undefined) this.counters.set(kind, n + 1);
    const fact: CaseFact = {
      id: `${this.place.caseId}:${kind}:${n}`, ...this.place, kind, handler: null, departmentId: null, userId: null,
      dueAt: null, doneAt: null, outcome: null, weight: 1, place: true, ...fields,
    };
    this.facts.push(fact);
    return fact;
  }
}

function handlerOf(s: CaseState): Pick<CaseFact, 'handler' | 'departmentId'> {
  return { handler: s.handler, departmentId: s.handler === 'department' ? (s.departmentIds[0] ?? null) : null };
}

function handlerKey(s: CaseState): string {
  return s.handler === 'department' ? `department:${s.departmentIds[0]}` : s.handler === 'organisation' ? `organisation:${s.organisationId}` : 'grid';
}

/** While a dispatch can still be signed. */
const SIGNABLE: readonly CaseStatus[] = ['dispatched', 'handling', 'verifying'];

/** Ends dispatches the case has moved on from before their department answered (a lead's return, the case closed). */
function withdrawUnanswered(open: Map<string, CaseFact>, s: CaseState, at: number): void {
  for (const [departmentId, sign] of open) {
    if (s.handler === 'department' && s.departmentIds.includes(departmentId) && SIGNABLE.includes(s.status)) continue;
    Object.assign(sign, { doneAt: at, outcome: 'withdrawn' });
    open.delete(departmentId);
  }
}

/** Replays the case's applied events and records the facts each one opens or closes. */
export function caseFacts(events: readonly CaseEvent[], context: FactContext = {}): CaseFact[] {
  if (!events.some((e) => e.type === 'reported')) return [];
  const collector = factCollector(context);
  return collector.facts(foldCase(events, collector.visitor));
}

/**
 * The facts of a case collected while it is folded, so that a bulk write folds each case once
 * for its projection and its facts: pass `visitor` to `foldCase`, then `facts(finalState)`.
 * The visitor sees applied events only: a superseded one changes no fact (it changes only the
 * state's conflict marks and version, which no fact reads).
 */
export function factCollector(context: FactContext = {}): { visitor: FoldVisitor; facts: (state: CaseState) => CaseFact[] } {
  // Set by `start`, which foldCase calls before any other event.
  let book!: FactBook;
  let report!: EventOf<'reported'>;
  let reportFact!: CaseFact;
  let fromGridWorker = false;
  let state!: CaseState;

  const signs = new Map<string, CaseFact>();
  const handling = new HandlingLog();
  let verify: CaseFact | null = null;
  // The verification deadline of the result awaiting or past verification: the case's closing deadline.
  let resultVerifyDue: number | null = null;
  let closure: { doneAt: number; outcome: 'closed' | 'parked' } | null = null;
  const answer = (departmentId: string, at: number, outcome: 'signed' | 'returned') => {
    const sign = signs.get(departmentId);
    if (sign) Object.assign(sign, { doneAt: at, outcome });
    signs.delete(departmentId);
  };
  const startHandling = (at: number, dueAt: number) => {
    const { handler, departmentId } = handlerOf(state);
    if (handler) handling.start({ key: handlerKey(state), handler, departmentId }, at, dueAt);
    resultVerifyDue = null;
  };

  const start = (first: EventOf<'reported'>, initial: CaseState) => {
    report = first;
    state = initial;
    book = new FactBook({ caseId: initial.id, gridId: initial.gridId, communityId: initial.communityId, streetId: initial.streetId });
    fromGridWorker = first.actorRole === 'grid_worker';
    reportFact = book.add(fromGridWorker ? 'report' : 'other_report', { at: first.at, userId: fromGridWorker ? first.actorId : null });
  };

  const applied = (e: CaseEvent, before: CaseState, after: CaseState) => {
    state = after;
    switch (e.type) {
      case 'filed':
        reportFact.outcome ??= 'filed';
        break;
      case 'voided':
      case 'merged':
        // A duplicate is not a filed report, even when it was filed before it was found out.
        reportFact.outcome = e.type;
        break;
      case 'dispatched':
        for (const departmentId of e.payload.departmentIds) {
          signs.set(departmentId, book.add('sign', { at: e.at, dueAt: e.payload.deadlineAt, handler: 'department', departmentId }));
        }
        break;
      case 'signed':
        answer(e.payload.departmentId, e.at, 'signed');
        if (before.status === 'dispatched') startHandling(e.at, e.payload.deadlineAt);
        break;
      case 'returned':
        answer(e.payload.departmentId, e.at, 'returned');
        if (state.status === 'filed') handling.takeBack();
        break;
      case 'referred':
        // A referral that waits for the organisation's answer starts handling when it is accepted.
        if (!e.payload.awaitsAcceptance) startHandling(e.at, e.payload.deadlineAt);
        break;
      case 'referral_accepted':
      case 'grid_assigned':
        startHandling(e.at, e.payload.deadlineAt);
        break;
      case 'extension_approved':
        handling.extend(e.payload.deadlineAt);
        book.add('extension', { at: e.at, ...handlerOf(state) });
        break;
      case 'park_requested':
        handling.askPark(e.at);
        break;
      case 'park_refused':
        handling.refusePark();
        break;
      case 'park_approved':
        handling.approvePark(e.at);
        closure = { doneAt: e.at, outcome: 'parked' };
        break;
      case 'handled':
        if (e.payload.result === 'not_our_duty') {
          handling.submit(e.at, 'transferred');
        } else {
          handling.submit(e.at, 'handled');
          verify = book.add('verify', { at: e.at, dueAt: e.payload.deadlineAt, ...handlerOf(state) });
          resultVerifyDue = e.payload.deadlineAt;
        }
        break;
      case 'verification_passed':
      case 'verification_failed':
        if (verify) Object.assign(verify, { doneAt: e.at, outcome: e.type === 'verification_passed' ? 'passed' : 'failed' });
        verify = null;
        if (e.type === 'verification_failed') {
          book.add('rework', { at: e.at, ...handlerOf(state) });
          handling.fail();
          resultVerifyDue = null;
        }
        break;
      case 'closed':
        closure = { doneAt: e.at, outcome: 'closed' };
        break;
      case 'callback_recorded':
        // Judged against whoever handled the case, also when the callback sends it back to the dispatcher.
        book.add('callback', { at: e.at, outcome: e.payload.satisfaction, ...handlerOf(before) });
        if (e.payload.reopen) {
          closure = null;
          resultVerifyDue = null;
        }
        break;
      case 'supervised':
        book.add('supervision', { at: e.at, weight: SUPERVISION_WEIGHT[e.payload.level], outcome: e.payload.level, ...handlerOf(state) });
        break;
      default:
        break;
    }
    withdrawUnanswered(signs, after, e.at);
  };

  const facts = (final: CaseState): CaseFact[] => {
    addHandlingFacts(book, handling, resultVerifyDue, closure);
    const matterKind = final.categoryId ? context.matterKind?.(final.categoryId) : null;
    if (!fromGridWorker && reportFact.outcome === 'filed' && !(matterKind && OUTSIDE_GRID_DUTY.includes(matterKind))) {
      book.add('found_by_others', { at: report.at });
    }
    return book.facts;
  };

  return { visitor: { start, applied }, facts };
}

/** The handling items, their rework, and the case's closure, answered for by its current handler. */
function addHandlingFacts(book: FactBook, handling: HandlingLog, resultVerifyDue: number | null, closure: { doneAt: number; outcome: string } | null): void {
  const { items, caseFailed } = handling.summary();
  for (const item of items) {
    const fields = { at: item.at, dueAt: item.dueAt, doneAt: item.doneAt, handler: item.handler, departmentId: item.departmentId, place: item.place };
    book.add('handle', { ...fields, outcome: item.outcome }, item.ordinal);
    if (item.doneAt !== null && item.failed) book.add('reworked', fields);
  }
  const current = items.find((i) => i.place);
  if (!current) return;
  // The case failed a check with an earlier handler only: its grid, community and street still count the rework.
  if (current.doneAt !== null && caseFailed && !current.failed) book.add('reworked', { at: current.at, dueAt: current.dueAt, doneAt: current.doneAt });
  // Closed by the time its latest result's check was due; before a result, by its handling deadline.
  book.add('close', {
    at: Math.min(...items.map((i) => i.at)), dueAt: resultVerifyDue ?? current.dueAt, handler: current.handler, departmentId: current.departmentId,
    doneAt: closure?.doneAt ?? null, outcome: closure?.outcome ?? null,
  });
}
