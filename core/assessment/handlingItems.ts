import type { CaseHandler } from '../api/types';

/** The results that count as "handled" (DESIGN §3): one meaning in 处置率, 按期处置率 and 返工率. */
export type HandlingOutcome = 'handled' | 'transferred' | 'parked';

/** One handler's time with the case: from taking it on until it gave a result or the case was taken back. */
interface Stint {
  /** Which handling start this was, counting every start and rework restart: the handle fact's number. */
  ordinal: number;
  key: string;
  handler: CaseHandler;
  departmentId: string | null;
  at: number;
  /** The handling deadline, as extended by approvals. */
  dueAt: number;
  /** The result verification has not failed (yet): when it came in, and what it was. */
  result: { at: number; outcome: HandlingOutcome } | null;
  parkAskedAt: number | null;
  failed: boolean;
}

export interface HandlingItem {
  ordinal: number;
  handler: CaseHandler;
  departmentId: string | null;
  at: number;
  dueAt: number;
  doneAt: number | null;
  outcome: HandlingOutcome | null;
  /** Failed verification at least once while with this handler. */
  failed: boolean;
  /** The case's current handling: what its grid, community and street count. */
  place: boolean;
}

export interface HandlingSummary {
  items: HandlingItem[];
  /** The case failed verification at least once, with any handler. */
  caseFailed: boolean;
}

/**
 * A case is one item due to handle for each handler that took it on, however many results
 * it took: a rework restarts the desk's stage clock but not the item's deadline. A handler
 * that takes the case on again (a transfer back, a reopened case) answers for its latest
 * time with it. A stint ended by a return before any result (the lead department sending
 * back a joint dispatch another department had signed) was never the handler's to do.
 */
export class HandlingLog {
  private readonly stints: Stint[] = [];
  private caseFailed = false;
  private ordinal = 0;
  private current: Stint | null = null;

  start(who: { key: string; handler: CaseHandler; departmentId: string | null }, at: number, dueAt: number): void {
    this.current = { ordinal: this.ordinal++, ...who, at, dueAt, result: null, parkAskedAt: null, failed: false };
    this.stints.push(this.current);
  }

  /** The handling deadline the current item is judged by: null when no one is handling. */
  get dueAt(): number | null {
    return this.current?.dueAt ?? null;
  }

  extend(dueAt: number): void {
    if (this.current) this.current.dueAt = dueAt;
  }

  submit(at: number, outcome: 'handled' | 'transferred'): void {
    if (!this.current) return;
    this.current.result = { at, outcome };
    if (outcome === 'transferred') this.current = null;
  }

  askPark(at: number): void {
    if (this.current) this.current.parkAskedAt = at;
  }

  refusePark(): void {
    if (this.current) this.current.parkAskedAt = null;
  }

  /** An approved park is the department's result, given when it asked. */
  approvePark(at: number): void {
    if (!this.current) return;
    this.current.result = { at: this.current.parkAskedAt ?? at, outcome: 'parked' };
    this.current = null;
  }

  /** Verification failed: the result no longer counts, and the handler owes another. */
  fail(): void {
    this.ordinal++;
    if (!this.current) return;
    this.current.result = null;
    this.current.failed = true;
    this.caseFailed = true;
  }

  /** The case went back to the dispatcher: an item with no result yet was never this handler's. */
  takeBack(): void {
    if (this.current && !this.current.result) this.stints.splice(this.stints.indexOf(this.current), 1);
    this.current = null;
  }

  summary(): HandlingSummary {
    const latest = new Map<string, Stint>();
    const failedKeys = new Set<string>();
    for (const s of this.stints) {
      latest.set(s.key, s);
      if (s.failed) failedKeys.add(s.key);
    }
    const last = this.stints.at(-1) ?? null;
    const items = [...latest.values()].map((s): HandlingItem => ({
      ordinal: s.ordinal, handler: s.handler, departmentId: s.departmentId, at: s.at, dueAt: s.dueAt,
      doneAt: s.result?.at ?? null, outcome: s.result?.outcome ?? null, failed: failedKeys.has(s.key), place: s === last,
    }));
    return { items, caseFailed: this.caseFailed };
  }
}
