/**
 * When to try the hub again: after a success, the regular interval; after n failures in a row,
 * base × 2^(n-1) capped at max, with "equal jitter" (half fixed, half random) so that the nodes of a
 * district coming back after an outage do not all knock at once.
 */
export interface BackoffPolicy {
  intervalMs: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { intervalMs: 30_000, baseMs: 2_000, maxMs: 5 * 60_000 };

export function nextDelay(policy: BackoffPolicy, failures: number, random: () => number = Math.random): number {
  if (failures === 0) return policy.intervalMs;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
