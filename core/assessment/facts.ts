import type { CaseHandler } from '../api/types';
import type { SupervisionLevel } from '../domain/case';
import type { CaseEvent, EventOf } from '../workflow/events';
import { applyEvent, orderEvents } from '../workflow/fold';
import { initialState } from '../workflow/reduce';
import type { CaseState } from '../workflow/state';

/**
 * What the scorecards count, derived from a case's history: every dispatch a department
 * had to sign, every handling stage, verification, rework, extension, callback,
 * supervision and report. Stage facts carry their deadline (due) and when they ended.
 */
export const FACT_KINDS = [
  'sign', 'handle', 'verify', 'close', 'rework', 'extension', 'callback', 'supervision', 'report', 'found_by_others',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Facts bucketed into periods by their deadline; the others by when they happened. */
export const DUE_FACTS: readonly FactKind[] = ['sign', 'handle', 'verify', 'close'];

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
  /** sign: signed|returned; handle: handled|transferred|parked; verify: passed|failed; close: closed|parked;
   *  callback: the satisfaction; report: filed|voided|merged; null while open. */
  outcome: string | null;
  /** Supervision points (普通 0, 黄牌 5, 红牌 10); 1 for every other fact. */
  weight: number;
}

export const SUPERVISION_WEIGHT: Record<SupervisionLevel, number> = { normal: 0, yellow: 5, red: 10 };

class FactBook {
  readonly facts: CaseFact[] = [];
  private readonly counters = new Map<FactKind, number>();

  constructor(private readonly place: Pick<CaseFact, 'caseId' | 'gridId' | 'communityId' | 'streetId'>) {}

  add(kind: FactKind, fields: Partial<CaseFact> & { at: number }): CaseFact {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    const fact: CaseFact = {
      id: `${this.place.caseId}:${kind}:${n}`, ...this.place, kind, handler: null, departmentId: null, userId: null,
      dueAt: null, doneAt: null, outcome: null, weight: 1, ...fields,
    };
    this.facts.push(fact);
    return fact;
  }
}

function handlerOf(s: CaseState): Pick<CaseFact, 'handler' | 'departmentId'> {
  return { handler: s.handler, departmentId: s.handler === 'department' ? (s.departmentIds[0] ?? null) : null };
}

/** Replays the case's applied events and records the facts each one opens or closes. */
export function caseFacts(events: readonly CaseEvent[]): CaseFact[] {
  const ordered = orderEvents(events);
  const report = ordered.find((e): e is EventOf<'reported'> => e.type === 'reported');
  if (!report) return [];
  let state = initialState(report);
  const book = new FactBook({ caseId: state.id, gridId: state.gridId, communityId: state.communityId, streetId: state.streetId });
  const fromGridWorker = report.actorRole === 'grid_worker';
  const reportFact = book.add('report', { at: report.at, userId: fromGridWorker ? report.actorId : null });
  if (!fromGridWorker) book.add('found_by_others', { at: report.at });

  const signs = new Map<string, CaseFact>();
  // The stage facts still open, which later events close.
  const open: { handle: CaseFact | null; verify: CaseFact | null; close: CaseFact | null } = { handle: null, verify: null, close: null };
  const startHandle = (at: number, dueAt: number) => {
    open.handle = book.add('handle', { at, dueAt, ...handlerOf(state) });
    open.close ??= book.add('close', { at, dueAt });
    // The case's closure is answered for by whoever handles it last.
    Object.assign(open.close, { dueAt, ...handlerOf(state) });
  };

  for (const e of ordered) {
    if (e === report) continue;
    const before = state;
    const result = applyEvent(state, e);
    if (!result.applied) continue;
    state = result.state;
    switch (e.type) {
      case 'filed':
        reportFact.outcome ??= 'filed';
        break;
      case 'voided':
      case 'merged':
        reportFact.outcome ??= e.type === 'voided' ? 'voided' : 'merged';
        break;
      case 'dispatched':
        for (const departmentId of e.payload.departmentIds) {
          signs.set(departmentId, book.add('sign', { at: e.at, dueAt: e.payload.deadlineAt, handler: 'department', departmentId }));
        }
        break;
      case 'signed': {
        const sign = signs.get(e.payload.departmentId);
        if (sign) Object.assign(sign, { doneAt: e.at, outcome: 'signed' });
        if (before.status === 'dispatched') startHandle(e.at, e.payload.deadlineAt);
        break;
      }
      case 'returned': {
        const sign = signs.get(e.payload.departmentId);
        if (sign) Object.assign(sign, { doneAt: e.at, outcome: 'returned' });
        break;
      }
      case 'referred':
      case 'grid_assigned':
        startHandle(e.at, e.payload.deadlineAt);
        break;
      case 'extension_approved':
        if (open.handle) open.handle.dueAt = e.payload.deadlineAt;
        if (open.close) open.close.dueAt = e.payload.deadlineAt;
        book.add('extension', { at: e.at, ...handlerOf(state) });
        break;
      case 'park_approved':
        if (open.handle) Object.assign(open.handle, { doneAt: e.at, outcome: 'parked' });
        if (open.close) Object.assign(open.close, { doneAt: e.at, outcome: 'parked' });
        break;
      case 'handled':
        if (open.handle) Object.assign(open.handle, { doneAt: e.at, outcome: e.payload.result === 'not_our_duty' ? 'transferred' : 'handled' });
        if (e.payload.result !== 'not_our_duty') {
          open.verify = book.add('verify', { at: e.at, dueAt: e.payload.deadlineAt, ...handlerOf(state) });
          // Once handled, the case should be closed by the time its verification is due.
          if (open.close) open.close.dueAt = e.payload.deadlineAt;
        }
        break;
      case 'verification_passed':
      case 'verification_failed':
        if (open.verify) Object.assign(open.verify, { doneAt: e.at, outcome: e.type === 'verification_passed' ? 'passed' : 'failed' });
        if (e.type === 'verification_failed') {
          book.add('rework', { at: e.at, ...handlerOf(state) });
          startHandle(e.at, e.payload.deadlineAt);
        }
        break;
      case 'closed':
        if (open.close) Object.assign(open.close, { doneAt: e.at, outcome: 'closed' });
        break;
      case 'callback_recorded':
        book.add('callback', { at: e.at, outcome: e.payload.satisfaction, ...handlerOf(state) });
        if (e.payload.reopen && open.close) Object.assign(open.close, { doneAt: null, outcome: null });
        break;
      case 'supervised':
        book.add('supervision', { at: e.at, weight: SUPERVISION_WEIGHT[e.payload.level], outcome: e.payload.level, ...handlerOf(state) });
        break;
      default:
        break;
    }
  }
  return book.facts;
}
