import type { CategoryRef, MatterKind } from '../api/types';

export const MATTER_KIND_LABELS: Record<MatterKind, string> = {
  licensing: '行政许可',
  approval: '行政审批',
  enforcement: '行政执法',
  certificate: '办证办照',
};

/**
 * The matter admission list (网格事项准入清单): licensing, approval, enforcement and
 * certificate work must not be pushed down to grids (the paper's first problem).
 */
export function admissionRefusal(category: CategoryRef | undefined): string | null {
  if (!category) return '案件尚未确定事项类别，不能交由网格自处置';
  if (category.matterKind) {
    return `「${category.name}」属于${MATTER_KIND_LABELS[category.matterKind]}事项，按《网格事项准入清单》不得交由网格处置`;
  }
  if (!category.gridAdmissible) return `「${category.name}」未列入《网格事项准入清单》，不能交由网格自处置`;
  return null;
}
