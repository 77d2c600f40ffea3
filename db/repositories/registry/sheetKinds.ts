/** Each register's importer, by the kind the API names. */
import type { RegisterSheetKind } from '../../../core/registry/sheetKinds';
import { ORGANISATIONS_SPEC, readOrganisationRow, type OrganisationDraft } from '../../../core/import/onboarding/units';
import { organisationsImporter } from '../../import/onboarding/units';
import { componentsImporter, housesImporter } from './placeImport';
import { residentsImporter } from './residentImport';
import { applyRegisterSheet, readRegisterSheet, type RegisterImporter, type RegisterImportResult, type RegisterRun } from './sheetImport';
import type { TableSource } from '../../import/tableReader';
import type { ApplyResult } from '../../import/onboarding/importer';
import type { WritePath } from '../../writePath';

/** Organisations are the administration's records: the register imports them through the same validator and writer as onboarding. */
const organisationsRegister: RegisterImporter<OrganisationDraft> = {
  spec: ORGANISATIONS_SPEC,
  readRow: (row) => readOrganisationRow(row),
  apply: (run, rows) => organisationsImporter.apply(run, rows, true),
};

export interface RegisterImportRequest {
  kind: RegisterSheetKind;
  file: TableSource;
  run: Omit<RegisterRun, 'tx'>;
  write: boolean;
  after: (run: RegisterRun, result: ApplyResult) => Promise<void>;
}

/** Reads, checks and (all or nothing) writes one register's sheet. */
export async function importRegisterSheet(writePath: WritePath, request: RegisterImportRequest): Promise<RegisterImportResult & { rows: number }> {
  const run = async <D>(importer: RegisterImporter<D>) => {
    const sheet = await readRegisterSheet(importer, request.file, new Set(request.run.gridIds.keys()));
    return { ...(await applyRegisterSheet(writePath, importer, sheet, request.run, request.write, request.after)), rows: sheet.rowCount };
  };
  switch (request.kind) {
    case 'residents': return run(residentsImporter);
    case 'houses': return run(housesImporter);
    case 'components': return run(componentsImporter);
    case 'organisations': return run(organisationsRegister);
  }
}

export const REGISTER_SPECS = {
  residents: residentsImporter.spec, houses: housesImporter.spec, components: componentsImporter.spec, organisations: ORGANISATIONS_SPEC,
} as const;
