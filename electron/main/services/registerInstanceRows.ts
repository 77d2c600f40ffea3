import type { FreshnessDrillRow } from '../../../core/api/registryTypes';
import { maskName } from '../../../core/domain/masking';
import { instanceState } from '../../../core/registry/freshness';
import { RECORD_KIND_LABELS } from '../../../core/registry/tags';
import type { Knex } from 'knex';
import type { DrillInstance } from '../../../db/repositories/registry/freshness';
import { TABLE_OF } from '../../../db/repositories/registry/verification';

/**
 * Decided due instances as list rows, each labelled by its record (a resident masked: name and
 * ID number as every list shows them). Shared by 基础数据 → 更新率 and the scorecard's drill-down.
 */
export async function registerInstanceRows(knex: Knex, instances: readonly DrillInstance[], now: number): Promise<FreshnessDrillRow[]> {
  const labels = new Map<string, string>();
  for (const kind of ['resident', 'house', 'component'] as const) {
    const ids = instances.filter((i) => i.kind === kind).map((i) => i.recordId);
    for (let i = 0; i < ids.length; i += 500) {
      const cols = kind === 'resident' ? ['id', 'name', 'id_masked'] : ['id', 'code'];
      const rows = (await knex(TABLE_OF[kind]).whereIn('id', ids.slice(i, i + 500)).select(cols)) as Array<{ id: string; name?: string; id_masked?: string; code?: string }>;
      for (const r of rows) labels.set(r.id, kind === 'resident' ? `${maskName(r.name ?? '')} ${r.id_masked ?? ''}` : `${RECORD_KIND_LABELS[kind]} ${r.code}`);
    }
  }
  return instances.flatMap((i) => {
    // A frozen instance was decided when its run was published, so it still is now.
    const state = instanceState(i, now);
    if (state === 'undecided') return [];
    return [{ kind: i.kind, recordId: i.recordId, label: labels.get(i.recordId) ?? '', dueAt: i.dueAt, answeredAt: i.answeredAt, outcome: i.outcome, state }];
  });
}
