/** Result types of the administration methods (issue 9 §1). */
import type { Role } from '../domain/roles';
import type { CategoryRef } from './types';

export interface DepartmentAdminRow {
  id: string;
  code: string;
  name: string;
  shortName: string;
  vertical: boolean;
  contactPerson: string;
  phone: string;
  dutyHours: string;
  active: boolean;
}

export interface OrganisationAdminRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  services: string[];
  contactName: string;
  contactPhone: string;
  address: string;
  dutyHours: string;
  /** Streets and communities served; empty: the whole office. */
  areaRegionIds: string[];
  /** Cases it takes at a time; 0: not stated. */
  capacity: number;
  active: boolean;
}

export interface UserAdminRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  phone: string;
  departmentId: string | null;
  organisationId: string | null;
  gridIds: string[];
  gridLeader: boolean;
  active: boolean;
  mustChangePassword: boolean;
  /** Seconds left of a lock-out after too many wrong passwords; 0 when not locked. */
  lockedSeconds: number;
}

export interface CategoryAdminRow extends CategoryRef {
  /** How many earlier versions are kept (0 for a category never edited). */
  versions: number;
}

export interface CategoryVersionRow {
  validFrom: number;
  category: CategoryRef;
}

export interface CalendarYear {
  year: number;
  days: Array<{ date: string; kind: 'holiday' | 'workday'; name: string }>;
}

export type SetupStepKey = 'admin' | 'regions' | 'departments' | 'catalogue' | 'users' | 'calendar';

export interface SetupStep {
  key: SetupStepKey;
  done: boolean;
  skipped: boolean;
  /** Shipped defaults cover this step, so it may be skipped. */
  skippable: boolean;
  /** What is there now, e.g. "12 个网格". */
  summary: string;
}

export interface SetupChecklist {
  steps: SetupStep[];
  /** The admin closed the checklist; it stays reachable from 系统管理. */
  dismissed: boolean;
  complete: boolean;
}

/** Where the personal-data key is kept (see README «个人信息密钥»). */
export type PersonalDataKeyStore = 'keychain' | 'key_file' | 'passphrase' | 'provided';

export interface PersonalDataKeyStatus {
  /** False when the workstation was started without a key (browser mode without a key file or passphrase). */
  configured: boolean;
  store: PersonalDataKeyStore | null;
  /** 1 for the database's first key, +1 for each rotation; ciphertexts carry it. */
  version: number;
  rotatedAt: number | null;
  /** Rows a rotation re-writes (tombstoned ones included). */
  residents: number;
  /** False for a passphrase: the command line (`npm run rotate-key`) rotates it with a new passphrase. */
  canRotateHere: boolean;
}

export interface PersonalDataKeyRotation {
  version: number;
  residents: number;
  ms: number;
}
