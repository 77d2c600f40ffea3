import { ApiError } from '../../../core/api/errors';
import type { historyImportMethods } from '../../../core/api/contracts/historyImport';
import { TableRefusal } from '../../../db/import/history/historyTable';
import { requireUser, type HandlersFor } from '../handlerTypes';
import { historyProgress, inspectHistoryFile, runHistoryImport } from '../services/historyImport';

const bytesOf = (input: { name: string; dataBase64: string }) => ({ name: input.name, bytes: Buffer.from(input.dataBase64, 'base64') });

/** A file the reader refuses is the user's to fix: a validation error with the reader's Chinese reason. */
async function refusalsAsValidation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TableRefusal) throw new ApiError('VALIDATION_FAILED', error.message);
    throw error;
  }
}

export const historyImportHandlers: HandlersFor<keyof typeof historyImportMethods> = {
  'history.inspect': (input, ctx) => refusalsAsValidation(() => inspectHistoryFile(ctx.backend, bytesOf(input))),
  'history.run': (input, ctx) => refusalsAsValidation(() => runHistoryImport(ctx.backend, requireUser(ctx), bytesOf(input), input.mapping, input.dryRun)),
  'history.progress': async (_input, ctx) => historyProgress(ctx.backend),
};
