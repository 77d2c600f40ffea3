import type { CaseEvent, EventOf } from './events';
import { initialState, reduce } from './reduce';
import { eventGuard } from './rules';
import type { CaseState } from './state';

const byVersion = (a: CaseEvent, b: CaseEvent): number =>
  a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * A deterministic linear order: parents before children, and otherwise by HLC (which
 * embeds the node) and id. Any permutation of the same events yields the same order.
 * An event whose parent is unknown (not yet synced) is ordered as if it had no parent.
 */
export function orderEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const ids = new Set(events.map((e) => e.id));
  const children = new Map<string, CaseEvent[]>();
  const ready: CaseEvent[] = [];
  for (const e of events) {
    if (e.parentId && ids.has(e.parentId) && e.parentId !== e.id) {
      const list = children.get(e.parentId) ?? [];
      list.push(e);
      children.set(e.parentId, list);
    } else {
      ready.push(e);
    }
  }
  const ordered: CaseEvent[] = [];
  ready.sort(byVersion);
  while (ready.length > 0) {
    const next = ready.shift()!;
    ordered.push(next);
    const released = children.get(next.id);
    if (released) {
      ready.push(...released);
      ready.sort(byVersion);
    }
  }
  return ordered;
}

export type FoldResult = { state: CaseState; applied: boolean; reason: string | null };

/** Applies one event, or keeps it as superseded when a concurrent move made it illegal. */
export function applyEvent(state: CaseState, event: CaseEvent): FoldResult {
  const reason = eventGuard(state, event.type, event.payload);
  const version = { lastEventId: event.id, lastHlc: event.hlc > state.lastHlc ? event.hlc : state.lastHlc, eventCount: state.eventCount + 1 };
  if (reason) {
    return {
      state: { ...state, ...version, conflict: true, supersededEventIds: [...state.supersededEventIds, event.id] },
      applied: false,
      reason,
    };
  }
  return { state: { ...reduce(state, event), ...version }, applied: true, reason: null };
}

export class FoldError extends Error {}

/** Watches a fold: what derives more than the state from a case's history (its facts) rides on the same pass. */
export interface FoldVisitor {
  /** The report the fold starts from, and the state it makes. */
  start(report: EventOf<'reported'>, state: CaseState): void;
  /** An event that applied (not the report, nor one superseded), with the state before and after it. */
  applied(event: CaseEvent, before: CaseState, after: CaseState): void;
}

/** Rebuilds a case from its events, in any order they arrive. */
export function foldCase(events: readonly CaseEvent[], visitor?: FoldVisitor): CaseState {
  const ordered = orderEvents(events);
  const report = ordered.find((e): e is EventOf<'reported'> => e.type === 'reported');
  if (!report) throw new FoldError('案件缺少上报事件');
  let state = initialState(report);
  visitor?.start(report, state);
  for (const e of ordered) {
    if (e === report) continue;
    if (e.type === 'reported') {
      state = { ...state, conflict: true, supersededEventIds: [...state.supersededEventIds, e.id], eventCount: state.eventCount + 1 };
      continue;
    }
    const before = state;
    const result = applyEvent(state, e);
    state = result.state;
    if (result.applied) visitor?.applied(e, before, state);
  }
  return state;
}
