import { OPEN_STATUSES, type CaseStatus } from '@core/domain/case';

export interface StatusTab {
  key: string;
  /** i18n key under queue.tabs */
  labelKey: string;
  /** undefined: no status filter at all */
  statuses: readonly CaseStatus[] | undefined;
}

/** The dispatcher's work buckets, in workflow order; 'open' is the default view. */
export const STATUS_TABS: readonly StatusTab[] = [
  { key: 'open', labelKey: 'open', statuses: OPEN_STATUSES },
  { key: 'reported', labelKey: 'reported', statuses: ['reported'] },
  { key: 'verifying_report', labelKey: 'verifyingReport', statuses: ['verifying_report'] },
  { key: 'accepted', labelKey: 'accepted', statuses: ['accepted'] },
  { key: 'filed', labelKey: 'filed', statuses: ['filed'] },
  { key: 'dispatched', labelKey: 'dispatched', statuses: ['dispatched'] },
  { key: 'handling', labelKey: 'handling', statuses: ['handling'] },
  { key: 'verifying', labelKey: 'verifying', statuses: ['verifying'] },
  { key: 'closing', labelKey: 'closing', statuses: ['closing'] },
  { key: 'callback', labelKey: 'callback', statuses: ['callback'] },
  { key: 'archived', labelKey: 'archived', statuses: ['archived'] },
  { key: 'parked', labelKey: 'parked', statuses: ['parked'] },
  { key: 'void_merged', labelKey: 'closedOther', statuses: ['voided', 'merged'] },
  { key: 'all', labelKey: 'all', statuses: undefined },
];

export const DEFAULT_TAB = 'open';
export const tabByKey = (key: string): StatusTab | undefined => STATUS_TABS.find((t) => t.key === key);
