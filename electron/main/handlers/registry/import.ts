import { ApiError } from '../../../../core/api/errors';
import type { RegisterImportOutcome } from '../../../../core/api/registryTypes';
import { REGISTER_SHEET_LABELS, type RegisterSheetKind } from '../../../../core/registry/sheetKinds';
import { issueReportWorkbook } from '../../../../db/import/reportWorkbook';
import { templateWorkbook } from '../../../../db/import/templateWorkbook';
import { writeAudit } from '../../../../db/repositories/audit';
import { importRegisterSheet, REGISTER_SPECS } from '../../../../db/repositories/registry/sheetKinds';
import { requireUser, type Handler, type HandlerContext } from '../../handlerTypes';
import { personalDataCipher } from '../../services/personalDataKey';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ISSUES_SHOWN = 200;

export const registerTemplateHandler: Handler<'registry.template'> = async ({ kind }) => {
  const spec = REGISTER_SPECS[kind];
  return { name: `${spec.label}导入模板.xlsx`, mime: XLSX_MIME, dataBase64: (await templateWorkbook(spec)).toString('base64') };
};

interface SheetInput {
  kind: RegisterSheetKind;
  fileName: string;
  dataBase64: string;
  dryRun: boolean;
}

/**
 * A register's sheet: checked row by row, then all written or none (a dry run writes nothing and
 * counts exactly). A grid worker imports into their own grid only; organisations are the office's
 * directory, kept by the admin. The same file again changes nothing.
 */
async function importSheet(input: SheetInput, ctx: HandlerContext): Promise<RegisterImportOutcome> {
  const user = requireUser(ctx);
  const { backend } = ctx;
  if (input.kind === 'organisations' && user.role !== 'admin') throw new ApiError('FORBIDDEN', '组织名录由管理员导入维护');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new ApiError('VALIDATION_FAILED', '文件内容无法读取（不是有效的上传数据）');
  const grids = (await backend.knex('regions').where({ level: 'grid', deleted: 0, active: 1 }).select('id', 'code')) as Array<{ id: string; code: string }>;
  const ownGridOnly = user.role === 'grid_worker';
  const allowed = ownGridOnly ? grids.filter((g) => g.id === user.regionId) : grids;
  const cipher = input.kind === 'residents' ? await personalDataCipher(backend) : null;
  const result = await importRegisterSheet(backend.writePath, {
    kind: input.kind,
    file: { name: input.fileName, bytes },
    run: { userId: user.id, at: backend.now(), gridIds: new Map(allowed.map((g) => [g.code, g.id])), ownGridOnly, cipher },
    write: !input.dryRun,
    after: (run, applied) =>
      writeAudit(run.tx, run.at, {
        userId: user.id, action: 'registry.import', targetType: input.kind,
        detail: { file: input.fileName, created: applied.created, updated: applied.updated, unchanged: applied.unchanged },
      }),
  });
  if (result.written && input.kind === 'organisations') backend.invalidateCaches();
  const report = result.issues.length > 0
    ? { name: `${REGISTER_SHEET_LABELS[input.kind]}导入检查报告.xlsx`, mime: XLSX_MIME, dataBase64: (await issueReportWorkbook(result.issues)).toString('base64') }
    : null;
  return {
    kind: input.kind, rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged,
    issues: result.issues.slice(0, ISSUES_SHOWN), issueCount: result.issueCount, written: result.written, report,
  };
}

export const registerImportHandler: Handler<'registry.import'> = (input, ctx) => importSheet(input, ctx);

/** The residents' own button and the bench: the same import with the kind fixed. */
export const importResidentsHandler: Handler<'registry.importResidents'> = (input, ctx) => importSheet({ ...input, kind: 'residents' }, ctx);
