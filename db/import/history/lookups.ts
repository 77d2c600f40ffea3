import type { ReferenceData } from '../../../core/api/types';
import type { HistoryGrid, HistoryLookups } from '../../../core/import/history';

/** The office's grids, categories and departments by code, as history rows name them. */
export function historyLookups(reference: ReferenceData): HistoryLookups {
  const byId = new Map(reference.regions.map((r) => [r.id, r]));
  const grids = new Map<string, HistoryGrid>();
  for (const r of reference.regions) {
    if (r.level !== 'grid' || !r.parentId) continue;
    const community = byId.get(r.parentId);
    if (!community?.parentId) continue;
    // Deactivated grids still count: their past cases happened there.
    grids.set(r.code, { id: r.id, communityId: community.id, streetId: community.parentId });
  }
  const categories = new Map(reference.categories.map((c) => [c.code, c]));
  const departments = new Map(reference.departments.map((d) => [d.code, { id: d.id }]));
  return {
    grid: (code) => grids.get(code),
    category: (code) => categories.get(code),
    department: (code) => departments.get(code),
  };
}
