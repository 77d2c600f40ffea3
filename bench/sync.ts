/**
 * sync: case events from several workstations through the district hub and back (issue 10).
 *
 * A real hub (server/app.ts) listens on 127.0.0.1 over HTTP with its database in a private schema of the
 * test PostgreSQL. Node 1 writes the demo office (reference data) and pushes it; nodes 2..N pull it, as a
 * new workstation does. Then every node gets simulated cases written through the write path (so the outbox
 * holds what the app would have put there), and all nodes push at once with their own SyncService loop
 * (readPushBatch → POST /v1/push → applyPushAnswer). Then a fresh district node pulls everything with its
 * SyncService (GET /v1/pull pages applied in local transactions): that is also its bootstrap. The hub's
 * snapshot stream is timed separately (download and parse only: the node cannot apply a snapshot yet).
 *
 * Hub and nodes share this process: CPU figures are the whole process (hub + nodes + HTTP both sides).
 * The machine is shared, so the load average is printed with the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Backend } from '../electron/main/backend';
import { ingestNewCases } from '../db/repositories/caseStore';
import { writeDemoOffice } from '../db/seed/reference';
import { Random } from '../db/seed/random';
import { caseNumberer, simulateCases } from '../db/seed/world';
import { loadSyncSettings } from '../db/sync/settings';
import { createEnrolCode } from '../server/nodes';
import { openHubDb, startHub } from '../tests/support/hubHarness';
import { log, round } from './stats';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    nodes: { type: 'string', default: '4' },
    // Cases per generated batch on a node (one write-path transaction each).
    batch: { type: 'string', default: '500' },
  },
});
const targetEvents = Number(values.events);
const nodeCount = Number(values.nodes);
const batchSize = Number(values.batch);

interface Timed<T> { value: T; wallS: number; cpuS: number }
async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  return { value, wallS: (performance.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 };
}
const count = async (backend: Backend, table: string): Promise<number> => Number((await backend.knex(table).count({ n: '*' }).first())?.n ?? 0);
const load = () => loadavg().map((l) => round(l, 1));

const dir = mkdtempSync(join(tmpdir(), 'griddesk-syncbench-'));
const hubDb = await openHubDb('pg');
const hub = startHub(hubDb.knex, { logger: false });
await hub.listen({ port: 0, host: '127.0.0.1' });
const hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
const openNode = (name: string) => Backend.open({ db: { client: 'sqlite', filename: join(dir, `${name}.sqlite`) } });
/** The hub's own count of changes it sent in pull pages (hub_pulled_changes_total on /metrics). */
async function pulledChanges(): Promise<number> {
  const text = await (await fetch(`${hubUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('hub_pulled_changes_total'));
  if (!line) throw new Error('hub_pulled_changes_total missing from /metrics');
  return Number(line.split(' ').pop());
}
async function enrol(backend: Backend, name: string): Promise<void> {
  const { code } = await createEnrolCode(hubDb.knex, { kind: 'district' }, Date.now());
  await backend.sync.enrol(hubUrl, code, name);
}

try {
  log(`hub on ${hubUrl} (PostgreSQL, private schema); nodes in ${dir}; load ${load().join(' ')}`);
  const nodes: Backend[] = [];
  for (let i = 0; i < nodeCount; i++) nodes.push(await openNode(`node${i + 1}`));
  const rng = new Random(7);
  const { world } = await nodes[0]!.writePath.transaction((tx) => writeDemoOffice(tx, rng));
  for (const [i, node] of nodes.entries()) await enrol(node, `街道工作站${i + 1}`);
  await nodes[0]!.sync.syncNow();
  for (const node of nodes.slice(1)) await node.sync.syncNow();
  for (const node of nodes) {
    const status = await node.sync.status();
    if (status.lastError || status.pendingWrites > 0) throw new Error(`office sync failed: ${status.lastError ?? `${status.pendingWrites} pending`}`);
  }
  const officeSeq = Number((await hubDb.knex('hub_counters').where({ name: 'district_seq' }).first())?.value ?? 0);
  log(`office pushed by node 1 and pulled by the others (district seq ${officeSeq})`);

  // Cases until the nodes hold the target number of case events between them; one numberer so numbers are unique.
  const nextNo = caseNumberer();
  const now = Date.now();
  let events = 0;
  for (let round_ = 0; events < targetEvents; round_++) {
    const node = nodes[round_ % nodeCount]!;
    const before = await count(node, 'case_events');
    const batch = simulateCases(world, rng, now, batchSize, 365, { nextNo });
    await node.writePath.transaction((tx) => ingestNewCases(tx, batch));
    events += (await count(node, 'case_events')) - before;
  }
  let outbox = 0;
  let cases = 0;
  for (const node of nodes) {
    outbox += await count(node, 'outbox');
    cases += await count(node, 'cases');
  }
  log(`${cases} cases, ${events} case events, ${outbox} outbox entries on ${nodeCount} nodes; pushing all at once…`);

  const push = await timed(() => Promise.all(nodes.map((n) => n.sync.syncNow())));
  for (const node of nodes) {
    const status = await node.sync.status();
    if (status.lastError || status.pendingWrites > 0) throw new Error(`push failed: ${status.lastError ?? `${status.pendingWrites} pending`}`);
  }
  const pushLoad = load();
  log(`push: ${outbox} entries in ${round(push.wallS, 2)} s wall, ${round(push.cpuS, 2)} s CPU; load ${pushLoad.join(' ')}`);

  const district = await openNode('district');
  await enrol(district, '区指挥中心');
  const pulledBefore = await pulledChanges();
  const pull = await timed(() => district.sync.syncNow());
  const pulled = (await pulledChanges()) - pulledBefore;
  const pulledStatus = await district.sync.status();
  if (pulledStatus.lastError) throw new Error(`pull failed: ${pulledStatus.lastError}`);
  const pulledEvents = await count(district, 'case_events');
  const pulledCases = await count(district, 'cases');
  const seq = Number((await hubDb.knex('hub_counters').where({ name: 'district_seq' }).first())?.value ?? 0);
  if (pulledEvents !== events || pulledCases !== cases) throw new Error(`district node has ${pulledCases} cases / ${pulledEvents} events, expected ${cases} / ${events}`);
  const pullLoad = load();
  log(`pull (fresh district node, from 0): ${pulled} changes (log at ${seq}), ${pulledEvents} events in ${round(pull.wallS, 2)} s wall, ${round(pull.cpuS, 2)} s CPU; load ${pullLoad.join(' ')}`);

  const { token } = await loadSyncSettings(district.knex);
  const snapshot = await timed(async () => {
    const res = await fetch(`${hubUrl}/v1/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    // fetch undoes the Content-Encoding: gzip itself.
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { kind: string; rows?: number });
    const end = lines[lines.length - 1]!;
    if (end.kind !== 'end') throw new Error('snapshot stream did not end');
    return end.rows!;
  });
  log(`snapshot stream (download + parse, not applied): ${round(snapshot.wallS, 2)} s wall, ${round(snapshot.cpuS, 2)} s CPU`);

  await district.close();
  for (const node of nodes) await node.close();
  console.log(JSON.stringify({
    bench: 'sync',
    nodes: nodeCount,
    cases,
    ops: outbox,
    case_events: events,
    push_s: round(push.wallS, 2),
    push_cpu_s: round(push.cpuS, 2),
    push_ops_s: Math.round(outbox / push.wallS),
    push_ops_cpu_s: Math.round(outbox / push.cpuS),
    pull_changes: pulled,
    hub_log_seq: seq,
    pull_s: round(pull.wallS, 2),
    pull_cpu_s: round(pull.cpuS, 2),
    pull_ops_s: Math.round(pulled / pull.wallS),
    pull_ops_cpu_s: Math.round(pulled / pull.cpuS),
    bootstrap_cases: pulledCases,
    bootstrap_mode: 'pull from 0 (the node cannot apply a snapshot yet)',
    bootstrap_s: round(pull.wallS, 2),
    snapshot_rows: snapshot.value,
    snapshot_download_s: round(snapshot.wallS, 2),
    snapshot_cpu_s: round(snapshot.cpuS, 2),
    load_push: pushLoad,
    load_pull: pullLoad,
    hub: 'postgresql',
  }));
} finally {
  await hub.close();
  await hubDb.close();
  rmSync(dir, { recursive: true, force: true });
}
