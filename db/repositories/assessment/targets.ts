import type { Knex } from 'knex';
import type { TargetKind, TargetPlace } from '../../../core/assessment';
import { gridIdsOf } from '../users';

export interface AssessmentTarget extends TargetPlace {
  kind: TargetKind;
  name: string;
  parentName: string | null;
}

/** Everyone a kind of target covers, with the grids each answers for. */
export async function loadTargets(db: Knex | Knex.Transaction, kind: TargetKind): Promise<AssessmentTarget[]> {
  if (kind === 'department') {
    const rows = await db('departments').where('deleted', 0).orderBy('code').select('id', 'name');
    return rows.map((r) => ({ kind, id: r.id, name: r.name, parentName: null, grids: [] }));
  }
  const regions = await db('regions').where('deleted', 0).orderBy('code').select('id', 'name', 'level', 'parent_id');
  const byId = new Map(regions.map((r) => [r.id as string, r]));
  const gridsUnder = (id: string): string[] =>
    regions.filter((r) => r.level === 'grid' && (r.parent_id === id || byId.get(r.parent_id)?.parent_id === id)).map((r) => r.id as string);
  if (kind === 'grid_worker') {
    // A grid worker answers for every grid they cover (home grid first), not only the home grid.
    const users = await db('users').where({ role: 'grid_worker', deleted: 0, active: 1 }).whereNotNull('region_id').orderBy('username').select('id', 'display_name', 'region_id', 'grid_ids');
    return users.map((u) => ({ kind, id: u.id, name: u.display_name, parentName: byId.get(u.region_id)?.name ?? null, grids: gridIdsOf(u.region_id, u.grid_ids) }));
  }
  return regions
    .filter((r) => r.level === (kind === 'grid' ? 'grid' : kind))
    .map((r) => ({
      kind,
      id: r.id,
      name: r.name,
      parentName: byId.get(r.parent_id)?.name ?? null,
      grids: kind === 'grid' ? [r.id as string] : gridsUnder(r.id as string),
    }));
}
