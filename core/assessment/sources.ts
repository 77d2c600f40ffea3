import type { FactKind } from './facts';
import type { TargetKind } from './indicators';

/** A slice of the facts: the rollup dimension, which targets in it, and optionally which kinds. */
export interface FactSource {
  dim: 'department' | 'grid' | 'reporter' | 'grid_self';
  ids: string[];
  kinds?: FactKind[];
}

export interface TargetPlace {
  id: string;
  /** The grids a street or community covers; the grid a grid worker serves. */
  grids: string[];
}

/**
 * Where a target's facts come from. A street or community is the sum of its grids; a
 * grid worker answers for their own reports, for what others found and for checks in
 * their grid, and for the grid's own handling (网格自处置).
 */
export function factSources(kind: TargetKind, target: TargetPlace): FactSource[] {
  switch (kind) {
    case 'department':
      return [{ dim: 'department', ids: [target.id] }];
    case 'grid':
      return [{ dim: 'grid', ids: [target.id] }];
    case 'street':
    case 'community':
      return [{ dim: 'grid', ids: target.grids }];
    case 'grid_worker':
      return [
        { dim: 'reporter', ids: [target.id], kinds: ['report'] },
        { dim: 'grid', ids: target.grids, kinds: ['found_by_others', 'verify', 'register_verify'] },
        { dim: 'grid_self', ids: target.grids, kinds: ['handle', 'reworked', 'rework', 'extension'] },
      ];
  }
}
