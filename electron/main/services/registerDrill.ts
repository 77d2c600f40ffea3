import type { FreshnessDrillRow } from '../../../core/api/registryTypes';
import { registerInstancesFor } from '../../../db/repositories/assessment/registerFreshness';
import type { Backend } from '../backend';
import { registerInstanceRows } from './registerInstanceRows';

/**
 * One page of the register records behind a target's 基础数据更新率 (numerator: re-verified on time;
 * denominator: every decided due instance), with how many there are in all: the number's own count.
 */
export async function registerDrill(
  backend: Backend,
  q: { runId: string | null; grids: readonly string[]; fromDay: string; toDay: string; onTimeOnly: boolean },
  page: number,
  pageSize: number,
): Promise<{ total: number; records: FreshnessDrillRow[] }> {
  const now = backend.now();
  const instances = await registerInstancesFor(backend.knex, { ...q, now });
  const slice = instances.slice((page - 1) * pageSize, page * pageSize);
  return { total: instances.length, records: await registerInstanceRows(backend.knex, slice, now) };
}
