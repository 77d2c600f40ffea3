/** Departments and social organisations from Excel, through the administration's validators and writers. */
import { cleanDepartment, cleanOrganisation, validateDepartmentRecords, validateOrganisationRecords } from '../../../core/admin/units';
import { DEPARTMENTS_SPEC, ORGANISATIONS_SPEC, readDepartmentRow, readOrganisationRow, type DepartmentDraft, type OrganisationDraft } from '../../../core/import/onboarding/units';
import { saveDepartments, saveOrganisations } from '../../repositories/admin/units';
import { FaultList } from './codes';
import { noChange, type KindImporter } from './importer';

export const departmentsImporter: KindImporter<DepartmentDraft> = {
  spec: DEPARTMENTS_SPEC,
  readRow: readDepartmentRow,
  async apply(run, rows, write) {
    const records = rows.map((r) => cleanDepartment(r.draft));
    const faults = new FaultList(rows);
    validateDepartmentRecords(records, await run.tx.trx('departments').where({ deleted: 0 }).select('id', 'code')).forEach((f) => faults.add(f));
    if (faults.issues.length > 0 || !write) return noChange(faults.issues);
    const result = await saveDepartments(run.tx, records, { userId: run.userId, at: run.at, via: 'excel' });
    return { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, issues: [] };
  },
};

export const organisationsImporter: KindImporter<OrganisationDraft> = {
  spec: ORGANISATIONS_SPEC,
  readRow: readOrganisationRow,
  async apply(run, rows, write) {
    const records = rows.map((r) => cleanOrganisation(r.draft));
    const faults = new FaultList(rows);
    validateOrganisationRecords(records, await run.tx.trx('organisations').where({ deleted: 0 }).select('id', 'code')).forEach((f) => faults.add(f));
    if (faults.issues.length > 0 || !write) return noChange(faults.issues);
    const result = await saveOrganisations(run.tx, records, { userId: run.userId, at: run.at, via: 'excel' });
    return { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, issues: [] };
  },
};
