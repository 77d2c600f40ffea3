/**
 * registry: the base-data registers on 1,000,000 residents, through the app's dispatcher
 * (session → role → validation → handler → SQL → masked view): a filtered list page, a lookup
 * by phone (keyed hash), a grid worker's due list; and 100,000 residents imported from .xlsx
 * (read, checked row by row, written in one transaction through the write path) into a fresh office.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../electron/main/backend';
import { createDispatcher } from '../electron/main/dispatcher';
import { handlers } from '../electron/main/handlers';
import { seedDemo } from '../db/seed/demo';
import { FieldCipher, keyFromPassphrase } from '../db/registry/fieldCipher';
import { residentsImporter } from '../db/repositories/registry/residentImport';
import { applyRegisterSheet, readRegisterSheet } from '../db/repositories/registry/sheetImport';
import { setPersonalDataKey } from '../electron/main/services/personalDataKey';
import { benchPhone, demoGrids, ensureImportSheet, ensureRegistryDatabase, freshFile } from './registrySeed';
import { log, percentile, round } from './stats';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/.data/registry-1m.sqlite' },
    residents: { type: 'string', default: '1000000' },
    import: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '1000' },
  },
});
const residents = Number(values.residents);
const runs = Number(values.runs);
const passphrase = process.env.GRIDDESK_PASSPHRASE ?? 'griddesk bench passphrase';
const masterKey = keyFromPassphrase(passphrase);
const cipher = new FieldCipher(masterKey);
const dbFile = resolve(values.db);

await ensureRegistryDatabase(dbFile, residents, cipher);

// --- 100,000 residents from .xlsx into a fresh office ---
const importDb = join(dirname(dbFile), 'registry-import.sqlite');
mkdirSync(dirname(importDb), { recursive: true });
freshFile(importDb);
const fresh = await Backend.open({ db: { client: 'sqlite', filename: importDb } });
await seedDemo(fresh.writePath, { now: Date.now(), cases: 0 });
const freshGrids = await demoGrids(fresh);
const sheetFile = join(dirname(dbFile), `residents-${values.import}.xlsx`);
await ensureImportSheet(sheetFile, Number(values.import), freshGrids.map((g) => g.code));
log('importing…');
const importStart = performance.now();
const importCpu = process.cpuUsage();
const sheet = await readRegisterSheet(residentsImporter, { path: sheetFile }, new Set(freshGrids.map((g) => g.code)));
if (sheet.issueCount > 0) throw new Error(`import sheet has issues: ${JSON.stringify(sheet.issues.slice(0, 3))}`);
const readCpu = process.cpuUsage(importCpu);
log(`read and checked ${sheet.rowCount} rows in ${round(performance.now() - importStart)} ms (cpu ${round((readCpu.user + readCpu.system) / 1000)} ms)`);
// The handler's path: one write-path transaction, all or nothing (the audit row aside).
const gridIds = new Map(freshGrids.map((g) => [g.code, g.id]));
const imported = await applyRegisterSheet(fresh.writePath, residentsImporter, sheet, { userId: null, at: Date.now(), gridIds, ownGridOnly: false, cipher }, true, async () => {});
const importMs = performance.now() - importStart;
const cpu = process.cpuUsage(importCpu);
const importCpuMs = (cpu.user + cpu.system) / 1000;
log(`imported ${imported.created} in ${round(importMs)} ms (cpu ${round(importCpuMs)} ms, all threads)`);
await fresh.close();
freshFile(importDb);

// --- reads on 1,000,000 residents ---
const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
setPersonalDataKey(backend, async () => masterKey);
const dispatch = createDispatcher(backend, handlers);
const count = Number((await backend.knex('residents').count({ n: '*' }))[0]?.n);
const grids = await demoGrids(backend);
async function login(username: string): Promise<string> {
  const r = await dispatch('auth.login', { username, password: 'Demo@2026' }, null);
  if (!r.ok) throw new Error(r.error.message);
  return (r.result as { token: string }).token;
}
const dispatcher = await login('dispatcher');
const workers = await Promise.all(grids.slice(0, 20).map((g) => login(`gw${g.code.slice(6)}`)));

async function time(label: string, call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call(i);
    samples.push(performance.now() - start);
  }
  const p95 = percentile(samples, 95);
  log(`${label}: p50 ${round(percentile(samples, 50), 2)} ms, p95 ${round(p95, 2)} ms`);
  return p95;
}

async function ok(method: string, input: unknown, token: string): Promise<unknown> {
  const r = await dispatch(method, input, token);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result;
}

// A dispatcher's masked list: one grid, one building, a page of 50 (the first pages are what people read).
const listP95 = await time('list page', (i) =>
  ok('registry.residents', { gridId: grids[i % grids.length]!.id, ...(i % 2 ? { building: `幸福路${(i % 200) + 1}号` } : {}), page: (i % 5) + 1, pageSize: 50 }, dispatcher),
);
const phoneP95 = await time('phone lookup', async (i) => {
  const r = (await ok('registry.residents', { lookup: benchPhone((i * 104_729) % count) }, dispatcher)) as { total: number };
  if (r.total !== 1) throw new Error('lookup by phone found nothing');
});
const dueP95 = await time('due list', (i) => ok('registry.due', { withinDays: 7, limit: 100 }, workers[i % workers.length]!));
await backend.close();

console.log(JSON.stringify({
  bench: 'registry', residents: count, import_100k_ms: Math.round(importMs), import_100k_cpu_ms: Math.round(importCpuMs), list_p95_ms: round(listP95, 2),
  phone_lookup_p95_ms: round(phoneP95, 2), due_list_p95_ms: round(dueP95, 2),
}));
