import { policyFor } from '../masking/policy';
import type { Role } from './roles';

export { maskName, maskPhone } from '../masking/names';

/** Roles that talk to reporters and so see their names and numbers in full (the table in core/masking/policy.ts). */
export const seesPersonalData = (role: Role): boolean => policyFor(role).residents === 'full';
