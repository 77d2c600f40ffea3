/** Excel onboarding: templates, dry runs and confirmed imports (admin only; see db/import/onboarding). */
import { ApiError } from '../../../core/api/errors';
import { ISSUES_SHOWN, type OnboardingOutcome } from '../../../core/api/onboardingTypes';
import type { OnboardingKind } from '../../../core/import/onboarding/columns';
import { KIND_SPECS } from '../../../core/import/onboarding/kinds';
import { runOnboarding } from '../../../db/import/onboarding';
import { issueReportWorkbook } from '../../../db/import/reportWorkbook';
import { templateWorkbook } from '../../../db/import/templateWorkbook';
import { hashPassword } from '../../../db/repositories/users';
import { requireUser, type Handler, type HandlerContext } from '../handlerTypes';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const onboardingTemplateHandler: Handler<'onboarding.template'> = async ({ kind }) => {
  const spec = KIND_SPECS[kind];
  return { name: `${spec.label}导入模板.xlsx`, mime: XLSX_MIME, dataBase64: (await templateWorkbook(spec)).toString('base64') };
};

interface FileInput {
  kind: OnboardingKind;
  fileName: string;
  dataBase64: string;
  initialPassword?: string;
}

async function onboard(input: FileInput, ctx: HandlerContext, write: boolean): Promise<OnboardingOutcome> {
  const user = requireUser(ctx);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0 && input.dataBase64.length > 0) throw new ApiError('VALIDATION_FAILED', '文件内容无法读取（不是有效的上传数据）');
  // Hashing is slow on purpose: once for all new accounts, before the transaction holds the database.
  const initialPasswordHash = write && input.kind === 'users' && input.initialPassword ? await hashPassword(input.initialPassword) : undefined;
  const result = await runOnboarding(ctx.backend.writePath, {
    kind: input.kind,
    file: { name: input.fileName, bytes },
    userId: user.id,
    at: ctx.backend.now(),
    write,
    initialPassword: input.initialPassword,
    initialPasswordHash,
  });
  if (result.written) {
    ctx.backend.invalidateCaches();
    for (const id of result.disabledUserIds ?? []) ctx.backend.sessions.revokeUser(id);
  }
  const spec = KIND_SPECS[input.kind];
  const report = result.issues.length > 0
    ? { name: `${spec.label}导入检查报告.xlsx`, mime: XLSX_MIME, dataBase64: (await issueReportWorkbook(result.issues)).toString('base64') }
    : null;
  return {
    kind: input.kind, rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged,
    issues: result.issues.slice(0, ISSUES_SHOWN), issueCount: result.issues.length, written: result.written, report,
  };
}

export const onboardingDryRunHandler: Handler<'onboarding.dryRun'> = (input, ctx) => onboard(input, ctx, false);
export const onboardingConfirmHandler: Handler<'onboarding.confirm'> = (input, ctx) => onboard(input, ctx, true);
