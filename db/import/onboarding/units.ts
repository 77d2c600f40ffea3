/** Departments and social organisations from Excel, through the administration's validators and writers. */
import type { RecordFault } from '../../../core/admin/records';
import { cleanDepartment, cleanOrganisation, validateDepartmentRecords, validateOrganisationRecords, type StoredUnit } from '../../../core/admin/units';
import type { KindSpec, RowReader } from '../../../core/import/onboarding/columns';
import { DEPARTMENTS_SPEC, ORGANISATIONS_SPEC, readDepartmentRow, readOrganisationRow, type DepartmentDraft, type OrganisationDraft } from '../../../core/import/onboarding/units';
import { saveDepartments, saveOrganisations } from '../../repositories/admin/units';
import type { ChangeSource, WriteResult } from '../../repositories/admin/recordWriter';
import type { WriteTx } from '../../writePath';
import { FaultList } from './codes';
import { noChange, type KindImporter } from './importer';

interface UnitKind<D> {
  spec: KindSpec;
  table: 'departments' | 'organisations';
  readRow: (row: RowReader) => D | null;
  clean: (draft: D) => D;
  validate: (records: readonly D[], stored: readonly StoredUnit[]) => RecordFault[];
  save: (tx: WriteTx, records: readonly D[], source: ChangeSource) => Promise<WriteResult>;
}

/** Both kinds of unit are matched by code against their own table and have no references to resolve. */
function unitImporter<D>(kind: UnitKind<D>): KindImporter<D> {
  return {
    spec: kind.spec,
    readRow: kind.readRow,
    async apply(run, rows, write) {
      const records = rows.map((r) => kind.clean(r.draft));
      const faults = new FaultList(rows);
      kind.validate(records, await run.tx.trx(kind.table).where({ deleted: 0 }).select('id', 'code')).forEach((f) => faults.add(f));
      if (faults.issues.length > 0 || !write) return noChange(faults.issues);
      const result = await kind.save(run.tx, records, { userId: run.userId, at: run.at, via: 'excel' });
      return { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, issues: [] };
    },
  };
}

export const departmentsImporter = unitImporter<DepartmentDraft>({
  spec: DEPARTMENTS_SPEC, table: 'departments', readRow: readDepartmentRow,
  clean: cleanDepartment, validate: validateDepartmentRecords, save: saveDepartments,
});

export const organisationsImporter = unitImporter<OrganisationDraft>({
  spec: ORGANISATIONS_SPEC, table: 'organisations', readRow: readOrganisationRow,
  clean: cleanOrganisation, validate: validateOrganisationRecords, save: saveOrganisations,
});
