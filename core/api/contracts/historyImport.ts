// History import of past cases (issue 9 §3); spread into contracts/import.ts.
import type { HistoryInspection, HistoryProgress, HistoryRunResult } from '../historyTypes';
import { historyInspectInput, historyRunInput } from '../historySchemas';
import { method } from '../method';
import { empty } from '../schemas';

export const historyImportMethods = {
  'history.inspect': method<HistoryInspection>()({ input: historyInspectInput, access: ['admin'] }),
  'history.run': method<HistoryRunResult>()({ input: historyRunInput, access: ['admin'] }),
  'history.progress': method<HistoryProgress>()({ input: empty, access: ['admin'] }),
} as const;
