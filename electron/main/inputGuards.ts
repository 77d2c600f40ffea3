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

/** Methods that may carry a large body (photos, boundary files, Excel sheets), and only with a valid session. */
const LARGE_BODY_METHODS = new Set(['attachments.upload', 'regions.previewImport', 'regions.importGeoJson', 'onboarding.dryRun', 'onboarding.confirm']);

export const mayCarryLargeBody = (method: string): boolean => LARGE_BODY_METHODS.has(method);
