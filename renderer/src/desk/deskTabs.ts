import type { CaseStatus } from '@core/domain/case';
import { QUEUE_TABS, type QueueTab } from '@core/domain/queueTabs';
import type { Role } from '@core/domain/roles';

/** The queue tabs of the desk: the API's work buckets, plus 全部 and the grid worker's 待核实. */
export type DeskTabKey = QueueTab | 'confirming' | 'all';

export interface DeskTab {
  key: DeskTabKey;
  /** What the tab adds to the list filters. */
  tab?: QueueTab;
  statuses?: CaseStatus[];
  /** Narrows the tab to cases handled this way (a grid worker's own 网格自处置). */
  handler?: 'department' | 'grid' | 'organisation';
}

const queueTab = (tab: QueueTab): DeskTab => ({ key: tab, tab });
const ALL: DeskTab = { key: 'all' };
/** Reports a grid worker was asked to confirm on site; to_accept would also hold ones only the centre can accept. */
const CONFIRMING: DeskTab = { key: 'confirming', statuses: ['verifying_report'] };

interface RoleTabs {
  tabs: DeskTab[];
  defaultTab: DeskTabKey;
}

/** Everyone in the command centre sees every bucket; only those who approve see 待审批. */
const CENTRE: RoleTabs = { tabs: [...QUEUE_TABS.filter((t) => t !== 'pending_approval').map(queueTab), ALL], defaultTab: 'to_accept' };
const APPROVERS: RoleTabs = { tabs: [...QUEUE_TABS.map(queueTab), ALL], defaultTab: 'to_accept' };

/**
 * Each role sees only the tabs that can hold its work: a department never sees cases before
 * they are dispatched to it, a grid worker confirms reports, checks results and calls back.
 */
const ROLE_TABS: Record<Role, RoleTabs> = {
  dispatcher: CENTRE,
  shift_leader: APPROVERS,
  admin: { ...CENTRE, defaultTab: 'all' },
  leader: { ...APPROVERS, defaultTab: 'pending_approval' },
  department_staff: {
    tabs: [queueTab('to_sign'), queueTab('handling'), queueTab('overdue'), queueTab('supervised'), ALL],
    defaultTab: 'to_sign',
  },
  grid_worker: {
    tabs: [CONFIRMING, { key: 'handling', tab: 'handling', handler: 'grid' }, queueTab('to_verify'), queueTab('to_call_back'), ALL],
    defaultTab: 'to_verify',
  },
  // A social organisation answers referrals (待签收 holds those awaiting its answer) and handles what it took.
  organisation_staff: {
    tabs: [queueTab('to_sign'), queueTab('handling'), queueTab('overdue'), ALL],
    defaultTab: 'to_sign',
  },
};

export const tabsFor = (role: Role | undefined): DeskTab[] => ROLE_TABS[role ?? 'dispatcher'].tabs;
export const defaultTabFor = (role: Role | undefined): DeskTabKey => ROLE_TABS[role ?? 'dispatcher'].defaultTab;
export const findTab = (role: Role | undefined, key: string): DeskTab | undefined => tabsFor(role).find((t) => t.key === key);
