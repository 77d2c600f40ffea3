import { maskFreeText } from './freeText';
import { maskName, maskPhone } from './names';
import type { MaskingPolicy } from './policy';

/** Fields of API results that hold what people typed: masked wherever they appear. */
const FREE_TEXT_KEYS = new Set(['description', 'summary', 'note', 'reason', 'address', 'comment', 'remark']);
const MAX_DEPTH = 12;

function walk(value: unknown, policy: MaskingPolicy, depth: number): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, policy, depth + 1));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const staffTarget = policy.staffInScores === 'masked' && source.kind === 'grid_worker';
  // A reporter's own name, where the text repeats it (住户王秀英反映).
  const reporter = typeof source.reporterName === 'string' && source.reporterName.trim().length >= 2 ? source.reporterName.trim() : null;
  const maskText = (text: string) => maskFreeText(reporter ? text.replaceAll(reporter, maskName(reporter)) : text);
  for (const [key, v] of Object.entries(source)) {
    if (typeof v !== 'string') out[key] = walk(v, policy, depth + 1);
    else if (staffTarget && key === 'name') out[key] = maskName(v);
    else if (policy.residents === 'full') out[key] = v;
    else if (key === 'reporterName') out[key] = maskName(v);
    else if (key === 'reporterPhone') out[key] = maskPhone(v);
    else out[key] = FREE_TEXT_KEYS.has(key) ? maskText(v) : v;
  }
  return out;
}

/**
 * The one masking step, applied to every API result at the handler boundary (the
 * dispatcher): reporters' names and phones, phone- and ID-like numbers in free text, and
 * grid workers' names in scores, as the policy of the caller's role says.
 */
export function maskResult<T>(result: T, policy: MaskingPolicy): T {
  if (policy.residents === 'full' && policy.staffInScores === 'full') return result;
  return walk(result, policy, 0) as T;
}
