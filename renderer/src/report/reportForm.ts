import type { InputOf } from '@core/api/contract';
import type { CaseSource, Priority } from '@core/domain/case';
import type { Role } from '@core/domain/roles';

/** The new-report form as the user fills it in; also what the draft keeps. */
export interface ReportForm {
  source: CaseSource;
  reporterName: string;
  reporterPhone: string;
  streetId: string;
  communityId: string;
  gridId: string;
  address: string;
  description: string;
  categoryId: string;
  priority: Priority;
  /** Once the user picks the urgency themselves, the triage no longer changes it. */
  priorityTouched: boolean;
  photos: string[];
}

/** Where reports usually come from for each role: the hotline at the centre, a patrol in a department. */
const DEFAULT_SOURCE: Partial<Record<Role, CaseSource>> = { grid_worker: 'grid_worker', department_staff: 'patrol' };

export function emptyReport(role: Role | undefined): ReportForm {
  return {
    source: (role && DEFAULT_SOURCE[role]) ?? 'hotline',
    reporterName: '',
    reporterPhone: '',
    streetId: '',
    communityId: '',
    gridId: '',
    address: '',
    description: '',
    categoryId: '',
    priority: 'normal',
    priorityTouched: false,
    photos: [],
  };
}

/** True when the form holds something worth keeping as a draft. */
export function hasContent(f: ReportForm): boolean {
  return !!(f.reporterName.trim() || f.reporterPhone.trim() || f.address.trim() || f.description.trim() || f.photos.length || f.categoryId);
}

export const MIN_DESCRIPTION = 5;
export const MAX_DESCRIPTION = 2000;
export const MAX_ADDRESS = 200;
export const MAX_NAME = 32;
/** The same rule the server applies: a mobile, a landline with area code, or a short service number. */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{3,8})?$/;

export function toReportInput(f: ReportForm): InputOf<'cases.report'> {
  return {
    source: f.source,
    gridId: f.gridId,
    address: f.address.trim(),
    description: f.description.trim(),
    reporterName: f.reporterName.trim(),
    reporterPhone: f.reporterPhone.trim(),
    priority: f.priority,
    photos: [...f.photos],
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
  };
}
