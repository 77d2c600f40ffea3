/**
 * The category catalogue in and out. Every edit is versioned: the category's state before its
 * first edit (valid from the beginning) and after each edit (valid from the edit) are kept in
 * `category_versions`, so a case is timed by the category it was filed under.
 */
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { cleanCategory, validateCategoryRecords, type CategoryRecord, type CategoryVersion } from '../../../core/admin/catalogue';
import type { CategoryAdminRow, CategoryVersionRow } from '../../../core/api/adminTypes';
import type { CategoryRef } from '../../../core/api/types';
import type { WriteTx } from '../../writePath';
import { loadCategories } from '../reference';
import { recordFaultsError, writeRecords, type ChangeSource, type WriteResult } from './recordWriter';

type Db = Knex | Knex.Transaction;

/** Every category's versions, oldest first, by category id. */
export type CategoryVersionIndex = Map<string, CategoryVersion[]>;

export async function loadCategoryVersions(db: Db): Promise<CategoryVersionIndex> {
  const rows = await db('category_versions').where({ deleted: 0 }).orderBy([{ column: 'category_id' }, { column: 'valid_from' }, { column: 'id' }]);
  const index: CategoryVersionIndex = new Map();
  for (const r of rows) {
    const list = index.get(r.category_id) ?? [];
    list.push({ validFrom: Number(r.valid_from), category: JSON.parse(r.snapshot) as CategoryRef });
    index.set(r.category_id, list);
  }
  return index;
}

export async function saveCategories(tx: WriteTx, input: readonly CategoryRecord[], source: ChangeSource): Promise<WriteResult> {
  const records = input.map(cleanCategory);
  const before = new Map((await loadCategories(tx.trx)).map((c) => [c.id, c]));
  const departments = await tx.trx('departments').where({ deleted: 0, active: 1 }).select('id');
  const faults = validateCategoryRecords(records, {
    stored: [...before.values()].map((c) => ({ id: c.id, code: c.code, majorCode: c.majorCode, majorName: c.majorName })),
    departmentIds: new Set(departments.map((d) => d.id as string)),
  });
  if (faults.length) throw recordFaultsError(faults);
  const result = await writeRecords(tx, { table: 'categories', keyColumn: 'code', entity: 'category' }, records.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    key: r.code,
    columns: {
      major_code: r.code.slice(0, 2), major_name: r.majorName, name: r.name,
      filing_criteria: r.filingCriteria, closing_criteria: r.closingCriteria,
      department_id: r.departmentId, grid_admissible: r.gridAdmissible ? 1 : 0, matter_kind: r.matterKind,
      priority: r.priority, limits: JSON.stringify(r.limits), keywords: JSON.stringify(r.keywords),
    },
  })), source);
  if (result.updated.length === 0) return result;
  const after = new Map((await loadCategories(tx.trx)).map((c) => [c.id, c]));
  const versioned = new Set((await tx.trx('category_versions').distinct('category_id')).map((r) => r.category_id as string));
  const rows: Array<Record<string, unknown>> = [];
  for (const code of result.updated) {
    const id = result.ids.get(code)!;
    // The first edit also keeps the state every earlier case was filed under.
    if (!versioned.has(id)) rows.push({ id: uuidv7(), category_id: id, valid_from: 0, snapshot: JSON.stringify(before.get(id)) });
    rows.push({ id: uuidv7(), category_id: id, valid_from: source.at, snapshot: JSON.stringify(after.get(id)) });
  }
  await tx.insert('category_versions', rows);
  return result;
}

export async function listCategoriesForAdmin(db: Db): Promise<CategoryAdminRow[]> {
  const [categories, versions] = await Promise.all([loadCategories(db), loadCategoryVersions(db)]);
  return categories.map((c) => ({ ...c, versions: Math.max(0, (versions.get(c.id)?.length ?? 0) - 1) }));
}

export async function categoryHistory(db: Db, categoryId: string): Promise<CategoryVersionRow[]> {
  return ((await loadCategoryVersions(db)).get(categoryId) ?? []).map((v) => ({ validFrom: v.validFrom, category: v.category }));
}
