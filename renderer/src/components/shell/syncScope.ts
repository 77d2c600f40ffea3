import type { NodeScope } from '@core/sync/protocol';
import type { ReferenceData } from '@core/api/types';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The node's scope in words: 全区, 街道：金港街道, 部门：城管执法局. */
export function scopeText(scope: NodeScope | null, reference: ReferenceData | null, t: Translate): string {
  if (!scope) return t('sync.scope.unknown');
  if (scope.kind === 'district') return t('sync.scope.district');
  if (scope.kind === 'street') {
    const name = reference?.regions.find((r) => r.id === scope.streetId)?.name ?? scope.streetId;
    return t('sync.scope.street', { name });
  }
  const name = reference?.departments.find((d) => d.id === scope.departmentId)?.name ?? scope.departmentId;
  return t('sync.scope.department', { name });
}
