/**
 * Social organisations' participation (issue 12 §3): what became of each referral, replayed from a
 * case's events through the same fold as the desk, and the board's numbers per organisation.
 * Pure: the repository loads the events of cases referred in the period.
 */
import type { Satisfaction } from '../domain/case';
import type { CaseEvent } from '../workflow/events';
import { applyEvent, orderEvents } from '../workflow/fold';
import { initialState } from '../workflow/reduce';
import type { CaseState } from '../workflow/state';

/** One referral of a case to an organisation, followed until the case left the organisation or was called back. */
export interface Referral {
  caseId: string;
  caseNo: string;
  organisationId: string;
  referredAt: number;
  /** Referrals made before organisations answered went straight to handling: counted as accepted. */
  answer: 'accepted' | 'declined' | null;
  answeredAt: number | null;
  /** Answered by the signing deadline the referral carried. */
  answeredOnTime: boolean | null;
  /** The organisation's latest result (resolved / partly resolved), and whether it came by the handling deadline in force. */
  handledAt: number | null;
  handledOnTime: boolean | null;
  /** The callback made while the case was the organisation's. */
  satisfaction: Satisfaction | null;
}

export interface ParticipationRow {
  organisationId: string;
  referred: number;
  accepted: number;
  declined: number;
  /** Neither accepted nor declined yet. */
  awaiting: number;
  /** Accepted or declined by the signing deadline. */
  answeredOnTime: number;
  handled: number;
  handledOnTime: number;
  /** Callbacks that reached the resident (unreachable ones are left out, as in 满意率). */
  callbacks: number;
  /** Satisfied or basically satisfied. */
  satisfied: number;
}

const isOrganisations = (s: CaseState, organisationId: string) => s.handler === 'organisation' && s.organisationId === organisationId;

/** Every referral in a case's history, with its outcome. */
export function referralsOf(events: readonly CaseEvent[]): Referral[] {
  const ordered = orderEvents(events);
  const report = ordered.find((e) => e.type === 'reported');
  if (!report || report.type !== 'reported') return [];
  let state = initialState(report);
  const referrals: Referral[] = [];
  let open: Referral | null = null;
  for (const e of ordered) {
    if (e === report) continue;
    const before = state;
    const result = applyEvent(state, e);
    if (!result.applied) continue;
    state = result.state;
    if (e.type === 'referred') {
      const legacy = !e.payload.awaitsAcceptance;
      open = {
        caseId: state.id, caseNo: state.caseNo, organisationId: e.payload.organisationId, referredAt: e.at,
        answer: legacy ? 'accepted' : null, answeredAt: legacy ? e.at : null, answeredOnTime: legacy ? true : null,
        handledAt: null, handledOnTime: null, satisfaction: null,
      };
      referrals.push(open);
      continue;
    }
    if (!open || !isOrganisations(before, open.organisationId)) continue;
    if (e.type === 'referral_accepted' || e.type === 'referral_declined') {
      open.answer = e.type === 'referral_accepted' ? 'accepted' : 'declined';
      open.answeredAt = e.at;
      open.answeredOnTime = before.stageDeadlineAt === null || e.at <= before.stageDeadlineAt;
    } else if (e.type === 'handled' && e.payload.result !== 'not_our_duty') {
      open.handledAt = e.at;
      open.handledOnTime = before.stageDeadlineAt === null || e.at <= before.stageDeadlineAt;
    } else if (e.type === 'callback_recorded') {
      open.satisfaction = e.payload.satisfaction;
    }
    // Declined, handed back as not its duty, or reopened to the dispatcher: the organisation's part is over.
    if (!isOrganisations(state, open.organisationId)) open = null;
  }
  return referrals;
}

/** The board: referrals made in [from, to), per organisation, in the order of `organisationIds`. */
export function participation(referrals: readonly Referral[], organisationIds: readonly string[], from: number, to: number): ParticipationRow[] {
  const rows = new Map<string, ParticipationRow>(organisationIds.map((id) => [id, emptyRow(id)]));
  for (const r of referrals) {
    if (r.referredAt < from || r.referredAt >= to) continue;
    const row = rows.get(r.organisationId) ?? rows.set(r.organisationId, emptyRow(r.organisationId)).get(r.organisationId)!;
    row.referred++;
    if (r.answer === 'accepted') row.accepted++;
    else if (r.answer === 'declined') row.declined++;
    else row.awaiting++;
    if (r.answeredOnTime) row.answeredOnTime++;
    if (r.handledAt !== null) row.handled++;
    if (r.handledOnTime) row.handledOnTime++;
    if (r.satisfaction && r.satisfaction !== 'unreachable') {
      row.callbacks++;
      if (r.satisfaction === 'satisfied' || r.satisfaction === 'basically_satisfied') row.satisfied++;
    }
  }
  return [...rows.values()];
}

/** The office-wide sums of the board, for the dashboard's panel. */
export function participationTotals(rows: readonly ParticipationRow[]): Omit<ParticipationRow, 'organisationId'> {
  const total = emptyRow('');
  for (const r of rows) {
    for (const key of Object.keys(total) as Array<keyof ParticipationRow>) {
      if (key !== 'organisationId') total[key] += r[key];
    }
  }
  const { organisationId: _omit, ...sums } = total;
  return sums;
}

function emptyRow(organisationId: string): ParticipationRow {
  return { organisationId, referred: 0, accepted: 0, declined: 0, awaiting: 0, answeredOnTime: 0, handled: 0, handledOnTime: 0, callbacks: 0, satisfied: 0 };
}
