/** The category catalogue from Excel, through the administration's validator and versioned writer. */
import { cleanCategory, validateCategoryRecords, type CategoryRecord } from '../../../core/admin/catalogue';
import { CATEGORIES_SPEC, readCategoryRow, type CategoryDraft } from '../../../core/import/onboarding/catalogue';
import { saveCategories } from '../../repositories/admin/categories';
import { loadCategories } from '../../repositories/reference';
import { activeIdsByCode, FaultList } from './codes';
import { noChange, type KindImporter } from './importer';

export const categoriesImporter: KindImporter<CategoryDraft> = {
  spec: CATEGORIES_SPEC,
  readRow: readCategoryRow,
  async apply(run, rows, write) {
    const db = run.tx.trx;
    const [departments, stored] = await Promise.all([activeIdsByCode(db, 'departments'), loadCategories(db)]);
    const faults = new FaultList(rows);
    const records: CategoryRecord[] = rows.map(({ draft }, index) => {
      const { departmentCode, ...rest } = draft;
      const departmentId = departmentCode === null ? null : departments.get(departmentCode.toLowerCase());
      if (departmentId === undefined) {
        faults.add({ index, field: 'departmentId', reason: `部门编码“${departmentCode}”不存在或已停用：请先导入部门，或核对编码` });
      }
      return cleanCategory({ ...rest, departmentId: departmentId ?? null });
    });
    validateCategoryRecords(records, {
      stored: stored.map((c) => ({ id: c.id, code: c.code, majorCode: c.majorCode, majorName: c.majorName })),
      departmentIds: new Set(departments.values()),
    }).forEach((f) => faults.add(f));
    if (faults.issues.length > 0 || !write) return noChange(faults.issues);
    // saveCategories versions every edited category, so cases keep the limits they were filed under.
    const result = await saveCategories(run.tx, records, { userId: run.userId, at: run.at, via: 'excel' });
    return { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, issues: [] };
  },
};
