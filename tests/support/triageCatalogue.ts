import type { CategoryRef } from '../../core/api/types';
import type { TrainingExample } from '../../core/triage';
import catalogue from '../../resources/catalogue/categories.json';
import templates from '../../resources/demo/report-templates.json';

/** The shipped catalogue as reference data, with category codes as ids. */
export const catalogueCategories: CategoryRef[] = catalogue.map((c) => ({
  id: c.code,
  code: c.code,
  majorCode: c.majorCode,
  majorName: c.majorName,
  name: c.name,
  departmentId: c.departmentCode,
  gridAdmissible: c.gridAdmissible,
  matterKind: c.matterKind as CategoryRef['matterKind'],
  priority: c.priority as CategoryRef['priority'],
  filingCriteria: c.filingCriteria,
  closingCriteria: c.closingCriteria,
  limits: c.limits as CategoryRef['limits'],
  keywords: c.keywords,
}));

/** The demo office's report texts, once each, as filed history (urgent when the category is). */
export const demoHistory: TrainingExample[] = catalogueCategories.flatMap((category) =>
  ((templates as unknown as Record<string, string[]>)[category.code] ?? []).map((text) => ({ text, categoryId: category.id, urgent: category.priority === 'urgent' })),
);
