import type { CaseEventView } from '@core/api/types';
import { formatDateTime } from '../../utils/time';

/** One "label: value" line under a history entry; caseId turns the value into a link to that case. */
export interface EventDetail {
  label: string;
  value: string;
  caseId?: string;
}

export interface DetailLookups {
  t: (key: string, named?: Record<string, unknown>) => string;
  label: (table: string, value: string | null | undefined) => string;
  departmentName: (id: string) => string;
  organisationName: (id: string) => string;
  categoryName: (id: string) => string;
  regionPath: (ids: Array<string | undefined>) => string;
}

// Payloads come from stored events of any age: read every field defensively and skip what is missing.
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** What each event's deadlineAt is the deadline of: the stage it starts. */
function deadlineKey(type: string, payload: Record<string, unknown>): string {
  switch (type) {
    case 'reported':
      return 'acceptDeadline';
    case 'dispatched':
      return 'signDeadline';
    case 'referred':
    case 'grid_assigned':
    case 'signed':
      return 'handleDeadline';
    case 'returned':
      return 'redispatchDeadline';
    case 'extension_approved':
      return 'newDeadline';
    case 'handled':
      return payload.result === 'not_our_duty' ? 'redispatchDeadline' : 'verifyDeadline';
    case 'verification_failed':
      return 'reworkDeadline';
    case 'closed':
      return 'callbackDeadline';
    default:
      return 'deadline';
  }
}

export function eventDetails(event: Pick<CaseEventView, 'type' | 'payload'>, l: DetailLookups): EventDetail[] {
  const p = event.payload ?? {};
  const out: EventDetail[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value) out.push({ label: l.t(`timeline.${key}`), value });
  };

  switch (event.type) {
    case 'reported': {
      add('source', str(p.source) && l.label('source', str(p.source)));
      add('category', str(p.categoryId) && l.categoryName(str(p.categoryId)!));
      add('location', l.regionPath([str(p.streetId), str(p.communityId), str(p.gridId)]) || undefined);
      add('address', str(p.address));
      add('reporter', [str(p.reporterName), str(p.reporterPhone)].filter(Boolean).join(' ') || undefined);
      if (p.priority === 'urgent') add('priority', l.label('priority', 'urgent'));
      break;
    }
    case 'filed':
      add('category', str(p.categoryId) && l.categoryName(str(p.categoryId)!));
      add('priority', str(p.priority) && l.label('priority', str(p.priority)));
      break;
    case 'dispatched':
      add('departments', strings(p.departmentIds).map(l.departmentName).join('、') || undefined);
      break;
    case 'referred':
      add('organisation', str(p.organisationId) && l.organisationName(str(p.organisationId)!));
      break;
    case 'signed':
    case 'returned':
      add('department', str(p.departmentId) && l.departmentName(str(p.departmentId)!));
      break;
    case 'extension_requested': {
      const extra = p.extra as { amount?: unknown; unit?: unknown } | undefined;
      const amount = num(extra?.amount);
      if (amount !== undefined) add('extra', l.t('limit.amount', { amount, unit: l.label('limitUnit', str(extra?.unit)) }));
      break;
    }
    case 'handled':
      add('result', str(p.result) && l.label('handlingResult', str(p.result)));
      break;
    case 'callback_recorded':
      add('satisfaction', str(p.satisfaction) && l.label('satisfaction', str(p.satisfaction)));
      if (p.reopen === true) add('reopen', l.t('timeline.yes'));
      break;
    case 'supervised':
      add('level', str(p.level) && l.label('supervision', str(p.level)));
      break;
    case 'merged': {
      const into = str(p.intoCaseId);
      if (into) out.push({ label: l.t('timeline.mergedInto'), value: l.t('timeline.mainCase'), caseId: into });
      break;
    }
    case 'duplicate_absorbed': {
      const dup = str(p.duplicateCaseId);
      const dupNo = str(p.duplicateCaseNo);
      if (dup || dupNo) out.push({ label: l.t('timeline.duplicate'), value: dupNo ?? l.t('timeline.duplicate'), ...(dup ? { caseId: dup } : {}) });
      add('duplicateReporter', str(p.reporterName));
      break;
    }
  }

  const deadline = num(p.deadlineAt);
  if (deadline !== undefined) add(deadlineKey(event.type, p), formatDateTime(deadline));
  return out;
}
