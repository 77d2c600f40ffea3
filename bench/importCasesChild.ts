/** Child of bench/importCases.ts: imports one history file into one database and prints its figures. */
import { HISTORY_HEADER } from '../tests/support/historyRows';
import { guessHistoryMapping } from '../core/import/history';
import { findUserByUsername } from '../db/repositories/users';
import { Backend } from '../electron/main/backend';
import { runHistoryImport } from '../electron/main/services/historyImport';
import { log } from './stats';

const [dbFile, xlsx] = process.argv.slice(2);
const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile! } });
const admin = await findUserByUsername(backend.knex, 'admin');
if (!admin) throw new Error('no admin in the bench database');
let shown = 0;
const result = await runHistoryImport(backend, admin, { path: xlsx!, name: 'history.xlsx' }, guessHistoryMapping(HISTORY_HEADER), false, (p) => {
  if (p.rows - shown >= 10_000) log(`${(shown = p.rows)} rows`);
});
await backend.close();
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
if (result.faults.length > 0) log(JSON.stringify(result.faults.slice(0, 5)));
// CPU time (all threads, SQLite's included) tells a loaded machine's wall time apart from the import's own cost.
const cpu = process.cpuUsage();
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
log(`import CPU time ${cpuMs} ms`);
console.log(JSON.stringify({ imported: result.imported, refused: result.refusedRows, ms: result.ms, peak_rss_mb: peakRssMb, cpu_ms: cpuMs }));
