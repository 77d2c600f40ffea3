import type { Knex } from 'knex';
import type { WritePath } from '../writePath';
import { projectionsOutOfStep, rebuildAllProjections } from './rebuildProjections';

/**
 * Migrations that change what is derived from the case events (the facts behind the
 * scores, for one) mark the derived tables for a rebuild instead of rewriting them in SQL:
 * the derivation lives in core, and a migration must not change when core does.
 */
export async function pendingRebuilds(db: Knex | Knex.Transaction): Promise<string[]> {
  return (await db('derived_rebuilds').orderBy('marked_at').select('reason')).map((r) => r.reason as string);
}

/** After a full rebuild: the marks it answered are done. */
export async function clearRebuilds(db: Knex | Knex.Transaction, reasons: readonly string[]): Promise<void> {
  if (reasons.length > 0) await db('derived_rebuilds').whereIn('reason', reasons).delete();
}

/**
 * Rebuilds every derived table when a migration asked for it, or when they are out of step
 * with the events (see `projectionsOutOfStep`); says how many cases it rebuilt, or null when
 * nothing needed it.
 */
export async function rebuildIfMarked(writePath: WritePath, onProgress?: (done: number) => void): Promise<number | null> {
  const reasons = await pendingRebuilds(writePath.knex);
  if (reasons.length === 0 && !(await projectionsOutOfStep(writePath.knex))) return null;
  const cases = await rebuildAllProjections(writePath, onProgress);
  await clearRebuilds(writePath.knex, reasons);
  return cases;
}
