import type { Role } from '../domain/roles';

/**
 * What each role sees of personal data, decided once (issue 13) and applied on every surface.
 * - residents: reporters' names and phones, and phone-/ID-number-like sequences in free text
 *   (descriptions, notes, addresses) of cases, lists, history, exports.
 * - staffInScores: grid workers' names in assessment results (scorecards, comparisons,
 *   profiles and their exported files). Scores of named individuals are personnel data.
 */
export interface MaskingPolicy {
  residents: 'full' | 'masked';
  staffInScores: 'full' | 'masked';
}

export const MASKING_BY_ROLE: Readonly<Record<Role, MaskingPolicy>> = {
  admin: { residents: 'full', staffInScores: 'full' },
  dispatcher: { residents: 'full', staffInScores: 'masked' },
  shift_leader: { residents: 'full', staffInScores: 'masked' },
  leader: { residents: 'masked', staffInScores: 'full' },
  department_staff: { residents: 'masked', staffInScores: 'masked' },
  grid_worker: { residents: 'masked', staffInScores: 'masked' },
  organisation_staff: { residents: 'masked', staffInScores: 'masked' },
};

/** A wall in a public hall, whoever signed it in: nothing personal. */
export const WALL_POLICY: MaskingPolicy = { residents: 'masked', staffInScores: 'masked' };

export const policyFor = (role: Role): MaskingPolicy => MASKING_BY_ROLE[role];
