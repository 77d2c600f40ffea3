import type { FastifyInstance } from 'fastify';
import type { NodeScope } from '../../../core/sync/protocol';
import { createEnrolCode } from '../../../server/nodes';
import { startHub } from '../hubHarness';
import { editReference, move, newWriteLog, report } from './actions';
import { writeDistrict, type District } from './district';
import type { ChaosStores } from './hubStore';
import { checkConverged } from './invariants';
import { hubUrlFor, SimNetwork, type Fate } from './network';
import { Prng } from './prng';
import { SimNode } from './simNode';

export interface ChaosOptions {
  /** Scheduler steps of the faulty phase (each one action: a write, a network event, a sync, time passing). */
  steps: number;
}

export interface ChaosResult {
  seed: number;
  hub: 'postgresql' | 'sqlite';
  nodes: string[];
  failures: string[];
  stats: Record<string, number>;
}

const START = Date.UTC(2026, 10, 30, 1, 0, 0); // a Monday morning in Chongqing
const MAX_DRIFT_MS = 5 * 60_000;
const HEAL_ROUNDS = 6;

class SimClock {
  now = START;
}

function pickFate(rng: Prng): Fate {
  const r = rng.next();
  if (r < 0.55) return 'deliver';
  if (r < 0.65) return 'drop_request';
  if (r < 0.77) return 'drop_answer';
  if (r < 0.87) return 'duplicate';
  return 'time_out';
}

function pickScope(rng: Prng, district: District): NodeScope {
  const r = rng.int(0, 3);
  if (r === 0) return { kind: 'district' };
  if (r === 1 || r === 2) return { kind: 'street', streetId: rng.pick(district.streets).id };
  return { kind: 'department', departmentId: rng.pick(district.departments).id };
}

/**
 * One seeded run: 3–8 nodes enrol with a fresh hub, the district node writes the district, everyone bootstraps;
 * then `steps` random actions over a faulty network (partitions, lost requests and answers, duplicates,
 * requests that time out on the node and reach the hub later, out of order) with clocks minutes apart; then
 * the network heals, everyone syncs until nothing moves, and the invariants are checked.
 */
export async function runSeed(stores: ChaosStores, seed: number, options: ChaosOptions): Promise<ChaosResult> {
  const rng = new Prng(seed);
  const clock = new SimClock();
  await stores.resetHub();
  const hub: FastifyInstance = startHub(stores.knex, { now: () => clock.now, maxDriftMs: MAX_DRIFT_MS });
  const network = new SimNetwork(hub);
  const originalFetch = globalThis.fetch;
  globalThis.fetch = network.fetch as typeof fetch;
  const nodes: SimNode[] = [];
  const log = newWriteLog();
  const failures: string[] = [];
  let actions = 0;
  try {
    const count = rng.int(3, 8);
    const offset = () => rng.int(-4 * 60_000, 4 * 60_000);
    const open = async (i: number, scope: NodeScope) => {
      const node = await SimNode.open(i, stores.nodeFile(seed, i), rng.hex16(), scope, offset(), () => clock.now);
      nodes.push(node);
      return node;
    };
    const origin = await open(0, { kind: 'district' });
    const district = await writeDistrict(origin.backend.writePath, rng);
    for (let i = 1; i < count; i++) await open(i, pickScope(rng, district));
    for (const node of nodes) {
      const { code } = await createEnrolCode(stores.knex, node.scope, clock.now);
      await node.backend.sync.enrol(hubUrlFor(node.index), code, `混沌节点${node.index}`);
    }
    for (const node of nodes) await node.backend.sync.syncNow();
    for (const node of nodes) {
      const status = await node.backend.sync.status();
      if (status.lastError) throw new Error(`节点${node.index} 初始同步失败：${status.lastError}`);
      await node.recordCursor();
    }

    network.auto = false;
    network.onSend = (i) => nodes[i]!.wakeUp();
    for (let step = 0; step < options.steps; step++) {
      const node = rng.pick(nodes);
      const r = rng.next();
      if (r < 0.1) clock.now += rng.int(1_000, 10 * 60_000);
      else if (r < 0.24) await report(node, district, rng, log, step);
      else if (r < 0.44) await move(node, district, rng, log);
      else if (r < 0.5) await editReference(node, district, rng, log, step);
      else if (r < 0.64) {
        if (!node.running) await node.startSync();
      } else if (r < 0.92) {
        const flight = network.flights.length > 0 ? rng.pick(network.flights) : null;
        if (!flight) {
          // Nothing on the wire: someone syncs instead, so every step does something.
          if (!node.running) await node.startSync();
          actions += 1;
          continue;
        }
        const owner = nodes[flight.node]!;
        if (flight.ghost) await network.settleGhost(flight, rng.chance(0.7));
        else {
          const settled = owner.settled();
          await network.settle(flight, pickFate(rng));
          await settled;
        }
        await owner.recordCursor();
      } else if (network.partitioned.has(node.index)) network.partitioned.delete(node.index);
      else network.partitioned.add(node.index);
      actions += 1;
    }

    // Healing: links up, requests on the wire delivered (ghosts arrive or are lost), then sync to quiescence.
    network.partitioned.clear();
    for (let live = network.flights.find((f) => !f.ghost); live; live = network.flights.find((f) => !f.ghost)) {
      const owner = nodes[live.node]!;
      const settled = owner.settled();
      await network.settle(live, 'deliver');
      await settled;
      await owner.recordCursor();
    }
    for (const ghost of [...network.flights]) await network.settleGhost(ghost, rng.chance(0.5));
    network.auto = true;
    await Promise.all(nodes.map((n) => n.running));
    let quiet = false;
    for (let round = 0; round < HEAL_ROUNDS && !quiet; round++) {
      clock.now += 1_000;
      for (const node of nodes) {
        await node.backend.sync.syncNow();
        await node.recordCursor();
      }
      quiet = await quiescent(stores, nodes);
    }
    if (!quiet) failures.push(`${HEAL_ROUNDS} 轮同步后仍未静止`);
    for (const node of nodes) {
      const status = await node.backend.sync.status();
      if (status.lastError) failures.push(`节点${node.index}: 最后一次同步出错：${status.lastError}`);
    }
    failures.push(...(await checkConverged(stores.knex, nodes, log)));
  } catch (error) {
    failures.push(`运行出错：${(error as Error).stack ?? String(error)}`);
  } finally {
    globalThis.fetch = originalFetch;
    for (const node of nodes) {
      await node.close().catch(() => undefined);
      stores.removeFile(node.file);
    }
    await hub.close();
  }
  return {
    seed,
    hub: stores.kind,
    nodes: nodes.map((n) => `${n.index}:${n.scope.kind}${n.offsetMs >= 0 ? '+' : ''}${Math.round(n.offsetMs / 1000)}s`),
    failures,
    stats: { actions, reports: log.reports, moves: log.moves, refusedMoves: log.refusedMoves, edits: log.columns.length, events: log.events.size, ...network.counts },
  };
}

/** Nothing left to move: every outbox empty and every node's cursor at the hub's sequence. */
async function quiescent(stores: ChaosStores, nodes: readonly SimNode[]): Promise<boolean> {
  const seq = Number((await stores.knex('hub_counters').where({ name: 'district_seq' }).first('value')).value);
  for (const node of nodes) {
    const pending = Number((await node.backend.knex('outbox').count({ n: '*' }).first())?.n ?? 0);
    if (pending > 0 || node.cursors[node.cursors.length - 1] !== seq) return false;
  }
  return true;
}
