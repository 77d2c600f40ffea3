import type { SessionUser } from '../../core/api/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids in a call's input (`id`, `caseId`, `departmentIds` …): enough to find the record, nothing a resident said. */
function idsOf(input: unknown): Record<string, string | string[]> {
  const ids: Record<string, string | string[]> = {};
  if (!input || typeof input !== 'object') return ids;
  for (const [key, value] of Object.entries(input)) {
    if (!/(^id$|Id$|Ids$)/.test(key)) continue;
    if (typeof value === 'string' && UUID.test(value)) ids[key] = value;
    if (Array.isArray(value)) ids[key] = value.filter((v): v is string => typeof v === 'string' && UUID.test(v)).slice(0, 20);
  }
  return ids;
}

/**
 * One log line for a failed call: method, user, error code and ids. Never the error's message
 * or SQL: a database error's message carries the statement with its values (a reporter's name
 * and phone), so only its code and where in our code it was thrown are kept.
 */
export function describeFailure(method: string, user: SessionUser | null, input: unknown, err: unknown): string {
  const e = err as { code?: unknown; errno?: unknown; name?: unknown; stack?: unknown } | null;
  const frames = typeof e?.stack === 'string' ? e.stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8) : [];
  return JSON.stringify({
    method,
    user: user?.id ?? null,
    role: user?.role ?? null,
    error: typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'unknown',
    ...(typeof e?.errno === 'number' ? { errno: e.errno } : {}),
    ids: idsOf(input),
    at: frames.map((l) => l.trim().slice(3)),
  });
}
