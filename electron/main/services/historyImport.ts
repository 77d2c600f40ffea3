import type { HistoryInspection, HistoryProgress, HistoryRunResult } from '../../../core/api/historyTypes';
import { cellText, guessHistoryMapping, HISTORY_FIELDS, mappingProblems, type HistoryMapping } from '../../../core/import/history';
import { importHistory } from '../../../db/import/history/historyImport';
import { loadHistoryMapping, saveHistoryMapping } from '../../../db/import/history/historyMappingSetting';
import { peekHistoryTable, readHistoryTable, type HistorySource } from '../../../db/import/history/historyTable';
import { historyLookups } from '../../../db/import/history/lookups';
import type { SessionUser } from '../../../core/api/types';
import { ApiError } from '../../../core/api/errors';
import type { Backend } from '../backend';
import { writeAudit } from '../../../db/repositories/audit';

const SAMPLE_ROWS = 5;

/** One import at a time per backend; the UI polls its progress. */
const progressOf = new WeakMap<Backend, HistoryProgress>();

export const historyProgress = (backend: Backend): HistoryProgress => progressOf.get(backend) ?? { running: false, rows: 0, imported: 0 };

const fitsHeaders = (mapping: HistoryMapping, headers: readonly string[]): boolean =>
  Object.values(mapping).every((h) => h !== undefined && headers.includes(h)) && mappingProblems(mapping, headers).length === 0;

export async function inspectHistoryFile(backend: Backend, source: HistorySource): Promise<HistoryInspection> {
  const { header, sample } = await peekHistoryTable(source, SAMPLE_ROWS);
  const headers = header.filter((h) => h !== '');
  const saved = await loadHistoryMapping(backend.writePath);
  const remembered = saved !== undefined && fitsHeaders(saved, headers);
  return {
    headers,
    mapping: remembered ? saved : guessHistoryMapping(headers),
    remembered,
    sample: sample.map((row) => headers.map((h) => cellText(row.cells[header.indexOf(h)] ?? null))),
  };
}

/** Only the known fields, and only those given a column. */
function cleanMapping(mapping: HistoryMapping): HistoryMapping {
  const clean: HistoryMapping = {};
  for (const field of HISTORY_FIELDS) if (mapping[field]) clean[field] = mapping[field];
  return clean;
}

/**
 * Checks (dry run) or imports a history file. The mapping is remembered either way. The
 * reference data and the calendar are read once, before the batches: they do not change under an import.
 */
export async function runHistoryImport(backend: Backend, user: SessionUser, source: HistorySource, rawMapping: HistoryMapping, dryRun: boolean,
  onProgress?: (progress: HistoryProgress) => void,
): Promise<HistoryRunResult> {
  const started = Date.now();
  const mapping = cleanMapping(rawMapping);
  const { header } = await peekHistoryTable(source, 1);
  const problems = mappingProblems(mapping, header);
  if (problems.length > 0) {
    return { dryRun, rows: 0, imported: 0, alreadyThere: 0, refusedRows: 0, faults: [], faultCount: 0, mappingProblems: problems, ms: Date.now() - started };
  }
  if (historyProgress(backend).running) throw new ApiError('CONFLICT', '已有历史导入正在进行，请等它完成');
  const progress: HistoryProgress = { running: true, rows: 0, imported: 0 };
  progressOf.set(backend, progress);
  try {
    await saveHistoryMapping(backend.writePath, mapping);
    const reference = await backend.reference();
    const context = await backend.decideContext(user);
    const report = await importHistory(backend.writePath, readHistoryTable(source), {
      mapping,
      lookups: historyLookups(reference),
      play: context,
      now: backend.now(),
      dryRun,
      onProgress: (p) => onProgress?.(Object.assign(progress, p)),
    });
    if (!dryRun) {
      await backend.writePath.transaction((tx) => writeAudit(tx, backend.now(), {
        userId: user.id,
        action: 'history.import',
        targetType: 'file',
        detail: { file: 'name' in source ? source.name : null, rows: report.rows, imported: report.imported, alreadyThere: report.alreadyThere, refusedRows: report.refusedRows },
      }));
      // New cases can teach triage, and the dashboards' caches key on the regions only.
      backend.forgetTriageModel();
    }
    return { dryRun, ...report, mappingProblems: [], ms: Date.now() - started };
  } finally {
    progress.running = false;
  }
}
