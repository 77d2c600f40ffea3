import type { ImportIssue } from '../../../../core/import/report';
import { writeAudit } from '../../../../db/repositories/audit';
import { importResidents, readResidentSheet } from '../../../../db/repositories/registry/residentImport';
import { requireUser, type Handler } from '../../handlerTypes';
import { personalDataCipher } from '../../services/personalDataKey';

const ISSUES_SHOWN = 200;

/** Thrown inside a dry run's transaction so that its counts are exact and nothing stays written. */
class DryRunRollback extends Error {}

/**
 * Residents from a sheet: checked row by row, then all written or none. A grid worker imports
 * their own grid only. The same file again updates the same people (matched by ID number).
 */
export const importResidentsHandler: Handler<'registry.importResidents'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const grids = (await backend.knex('regions').where({ level: 'grid', deleted: 0, active: 1 }).select('id', 'code')) as Array<{ id: string; code: string }>;
  const allowed = user.role === 'grid_worker' ? grids.filter((g) => g.id === user.regionId) : grids;
  const sheet = await readResidentSheet({ name: input.fileName, bytes: Buffer.from(input.dataBase64, 'base64') }, new Set(allowed.map((g) => g.code)));
  const issues: ImportIssue[] = sheet.issues;
  const outcome = { rows: sheet.rows, created: 0, updated: 0, issues: issues.slice(0, ISSUES_SHOWN), issueCount: issues.length, written: false };
  if (issues.length > 0 || sheet.residents.length === 0) return outcome;
  const cipher = await personalDataCipher(backend);
  const now = backend.now();
  const gridIds = new Map(allowed.map((g) => [g.code, g.id]));
  let counts = { created: 0, updated: 0 };
  try {
    await backend.writePath.transaction(async (tx) => {
      counts = await importResidents(tx, cipher, sheet.residents, gridIds, now, user.id);
      if (input.dryRun) throw new DryRunRollback();
      await writeAudit(tx, now, { userId: user.id, action: 'registry.import', targetType: 'residents', detail: { file: input.fileName, ...counts } });
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { ...outcome, ...counts, written: !input.dryRun };
};
