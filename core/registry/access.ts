import type { Role } from '../domain/roles';
import { maskName, maskPhone } from '../domain/masking';

/** Roles that open the registers at all. Department staff see residents only through a case. */
export const REGISTER_ROLES: readonly Role[] = ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'];

/** Roles that may reveal one record's ID number and phone, with a reason that is audited. */
const MAY_UNMASK: readonly Role[] = ['admin', 'dispatcher', 'shift_leader', 'grid_worker'];

export const mayUnmask = (role: Role): boolean => MAY_UNMASK.includes(role);

/** Names are shown in full to those who work with residents, masked to leaders and departments. */
export const seesFullNames = (role: Role): boolean => MAY_UNMASK.includes(role);

export const displayName = (name: string, role: Role): string => (seesFullNames(role) ? name : maskName(name));

/** 500101199001011234 → 5001**********1234: the area prefix and last four, nothing that identifies alone. */
export function maskIdNumber(id: string): string {
  const clean = id.trim().toUpperCase();
  if (clean.length <= 8) return '*'.repeat(clean.length);
  return `${clean.slice(0, 4)}${'*'.repeat(clean.length - 8)}${clean.slice(-4)}`;
}

export { maskPhone };

/** 18-digit resident ID: 17 digits and a check character (digit or X), with the ISO 7064 check. */
export function validIdNumber(id: string): boolean {
  const clean = id.trim().toUpperCase();
  return /^\d{17}[\dX]$/.test(clean) && idCheckCharacter(clean.slice(0, 17)) === clean[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of an ID number from its first 17 digits. */
export function idCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11]!;
}

/** Phones are compared by their digits only, so 138-1234-5678 finds 13812345678. */
export const normalisePhone = (phone: string): string => phone.replace(/\D/g, '');
export const normaliseIdNumber = (id: string): string => id.trim().toUpperCase();
