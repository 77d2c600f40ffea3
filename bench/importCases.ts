/**
 * The cases half of `npm run bench -- import`: 100,000 past cases from one .xlsx through the
 * history import (read streamed, checked, played through core's workflow, written in batches
 * through the write path). The file is made first; the import runs in a child process so its
 * peak RSS is the import's own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Backend } from '../electron/main/backend';
import { seedDemo } from '../db/seed/demo';
import { HISTORY_HEADER, pastCaseCells, pastCases, writeHistoryXlsx } from '../tests/support/historyRows';
import { log } from './stats';

const DAY = 86_400_000;

export interface CasesImportFigures {
  cases: number;
  import_ms: number;
  cases_per_s: number;
  peak_rss_mb: number;
  /** CPU time of the import process (all threads): wall time on a busy machine says little. */
  cpu_ms: number;
}

/** A demo office with no cases, and an .xlsx of `count` past cases from its last year. */
async function prepare(dir: string, count: number): Promise<{ dbFile: string; xlsx: string }> {
  const dbFile = join(dir, 'history.sqlite');
  // Inline strings, as many exporters write them: exceljs must keep a shared-strings table whole
  // in memory to resolve cells, so a shared-strings file's RSS grows with its distinct texts.
  // The reader takes both kinds (tests/integration/xlsxUtf8Chunks.test.ts).
  const xlsx = join(dir, `history-inline-${count}.xlsx`);
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}-wal`, { force: true });
  const now = Date.now();
  const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
  await seedDemo(backend.writePath, { now, cases: 0 });
  if (!existsSync(xlsx)) {
    log(`writing ${count} past cases to ${xlsx}…`);
    const cases = pastCases(await backend.reference(), count, now - 375 * DAY, now - 10 * DAY, 2026);
    await writeHistoryXlsx(xlsx, HISTORY_HEADER, cases.map((c) => pastCaseCells(c, 'date')), false);
  }
  await backend.close();
  return { dbFile, xlsx };
}

export async function benchCasesImport(count: number): Promise<CasesImportFigures> {
  const dir = resolve('bench/.data/import');
  mkdirSync(dir, { recursive: true });
  const { dbFile, xlsx } = await prepare(dir, count);
  log(`importing ${xlsx}…`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve('bench/importCasesChild.ts'), dbFile, xlsx], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const figures = JSON.parse(out.trim().split('\n').at(-1)!) as { imported: number; refused: number; ms: number; peak_rss_mb: number; cpu_ms: number };
  if (figures.imported !== count) throw new Error(`imported ${figures.imported} of ${count} (${figures.refused} refused)`);
  return { cases: figures.imported, import_ms: figures.ms, cases_per_s: Math.round((figures.imported / figures.ms) * 1000), peak_rss_mb: figures.peak_rss_mb, cpu_ms: figures.cpu_ms };
}
