import { contract, isMethodName } from '../../core/api/contract';

/**
 * Input no form can produce: U+0000 inside a string (SQLite's full-text search and LIKE treat
 * it as the end of the text, PostgreSQL refuses it outright). Refused before any handler runs.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

// Read before the session is checked, so small: a login or a form.
export const ANONYMOUS_BODY_BYTES = 64 * 1024;
const SESSION_BODY_BYTES = 1024 * 1024;
// A string inside JSON grows when escaped (a GeoJSON file's quotes become \"), and the rest of the input needs room.
const ESCAPING = 1.25;
const ENVELOPE_BYTES = 64 * 1024;

const largestString = (method: string): number => {
  if (!isMethodName(method)) return 0;
  const shape = (contract[method].input as { shape?: Record<string, { maxLength?: unknown }> }).shape ?? {};
  return Math.max(0, ...Object.values(shape).map((field) => (typeof field.maxLength === 'number' ? field.maxLength : 0)));
};

const limits = new Map<string, number>();

/**
 * How large a body a signed-in caller may send to this method: 1 MB, or more for the methods
 * whose input takes a file (photos, GeoJSON, Excel sheets), as large as their schema allows.
 * Derived from the contract, so an area's new upload method needs no entry here.
 */
export function sessionBodyLimit(method: string): number {
  let limit = limits.get(method);
  if (limit === undefined) {
    limit = Math.max(SESSION_BODY_BYTES, Math.ceil(largestString(method) * ESCAPING) + ENVELOPE_BYTES);
    limits.set(method, limit);
  }
  return limit;
}
