import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { createKnex, migrateToLatest, type DbConfig } from '../../db/connection';
import { formatHlc } from '../../core/sync/hlc';
import type { Change, NodeScope, PullResponse, PushResponse } from '../../core/sync/protocol';
import { buildHub, type HubOptions } from '../../server/app';
import { createEnrolCode } from '../../server/nodes';

export const PG_URL = process.env.GRIDDESK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A hub database: a fresh SQLite file, or a private schema on the test PostgreSQL so tests don't collide. */
export interface HubDb {
  config: DbConfig;
  knex: Knex;
  close(): Promise<void>;
}

export async function openHubDb(kind: 'sqlite' | 'pg'): Promise<HubDb> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'griddesk-hub-'));
    const config: DbConfig = { client: 'sqlite', filename: join(dir, 'hub.sqlite') };
    const knex = createKnex(config);
    await migrateToLatest(knex);
    return { config, knex, close: async () => { await knex.destroy(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `hub_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = createKnex({ client: 'pg', connection: PG_URL });
  await admin.raw(`create schema "${schema}"`);
  const config: DbConfig = { client: 'pg', connection: PG_URL, searchPath: schema };
  const knex = createKnex(config);
  await migrateToLatest(knex);
  return {
    config,
    knex,
    close: async () => {
      await knex.destroy();
      await admin.raw(`drop schema if exists "${schema}" cascade`);
      await admin.destroy();
    },
  };
}

export const startHub = (knex: Knex, options: Partial<HubOptions> = {}): FastifyInstance => buildHub(knex, { maxDriftMs: 5 * 60_000, ...options });

let nodeCounter = 0;
/** A fresh 16-hex node id, unique within the test run. */
export const newNodeId = (): string => (Date.now() * 1000 + (nodeCounter++ % 1000)).toString(16).padStart(16, '0').slice(-16);

/** What the tests need of a hub: app.inject in-process, or the same shape over real HTTP. */
export interface HubTransport {
  inject(request: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: unknown }): Promise<{
    statusCode: number;
    body: string;
    rawPayload: Buffer;
    json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  }>;
}

/** A hub over a real port (another process). fetch undoes the gzip of a snapshot itself. */
export function httpTransport(baseUrl: string): HubTransport {
  return {
    async inject({ method, url, headers, payload }) {
      const res = await fetch(baseUrl + url, {
        method,
        headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const rawPayload = Buffer.from(await res.arrayBuffer());
      const body = rawPayload.toString('utf8');
      return { statusCode: res.status, body, rawPayload, json: () => JSON.parse(body) };
    },
  };
}

/** A node as the tests drive it: its id, token and outbox seq. */
export class TestNode {
  private seq = 0;
  private wall = Date.now();

  constructor(readonly app: HubTransport, readonly nodeId: string, readonly token: string) {}

  static async enrol(app: HubTransport, knex: Knex, scope: NodeScope, name = 'node'): Promise<TestNode> {
    const { code } = await createEnrolCode(knex, scope, Date.now());
    const nodeId = newNodeId();
    const res = await app.inject({ method: 'POST', url: '/v1/enrol', payload: { code, nodeId, name, schemaVersion: 'test' } });
    if (res.statusCode !== 200) throw new Error(`enrol failed: ${res.body}`);
    return new TestNode(app, nodeId, res.json().token);
  }

  hlc(aheadMs = 0): string {
    this.wall += 1;
    return formatHlc({ wall: this.wall + aheadMs, counter: 0, node: this.nodeId });
  }

  /** An outbox entry with the next seq. */
  change(table: string, op: Change['op'], row: Record<string, unknown> | null, extra: Partial<Change> = {}): Change {
    const hlc = extra.hlc ?? this.hlc();
    const id = String(row?.id ?? extra.id);
    return { seq: ++this.seq, table, op, id, hlc, columns: null, row: row ? { ...row, hlc } : null, ...extra };
  }

  async pushRaw(changes: Change[]) {
    return this.app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${this.token}` }, payload: { nodeId: this.nodeId, schemaVersion: 'test', changes } });
  }

  async push(changes: Change[]): Promise<PushResponse> {
    const res = await this.pushRaw(changes);
    if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body}`);
    return res.json();
  }

  async pullRaw(after: number, limit = 1000) {
    return this.app.inject({ method: 'GET', url: `/v1/pull?after=${after}&limit=${limit}`, headers: { authorization: `Bearer ${this.token}` } });
  }

  async pull(after: number, limit = 1000): Promise<PullResponse> {
    const res = await this.pullRaw(after, limit);
    if (res.statusCode !== 200) throw new Error(`pull ${res.statusCode}: ${res.body}`);
    return res.json();
  }

  /** Pulls every page from `after`; returns the changes, removals and the final cursor. */
  async pullAll(after = 0, limit = 1000): Promise<{ changes: Change[]; removals: PullResponse['removals']; cursor: number }> {
    const changes: Change[] = [];
    const removals: PullResponse['removals'] = [];
    let cursor = after;
    for (;;) {
      const page = await this.pull(cursor, limit);
      changes.push(...page.changes);
      removals.push(...page.removals);
      if (page.cursor < cursor) throw new Error('cursor moved backwards');
      cursor = page.cursor;
      if (!page.hasMore) return { changes, removals, cursor };
    }
  }

  async snapshot(query = ''): Promise<Record<string, unknown>[]> {
    const res = await this.app.inject({ method: 'GET', url: `/v1/snapshot${query}`, headers: { authorization: `Bearer ${this.token}` } });
    if (res.statusCode !== 200) throw new Error(`snapshot ${res.statusCode}: ${res.body}`);
    return gunzipSync(res.rawPayload).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  }
}

/** Region rows: a district with two streets, each with one community and one grid. */
export function districtRegions() {
  const district = { id: uuidv7(), code: '510100', name: '测试区', level: 'district', parent_id: null, deleted: 0 };
  const street = (name: string) => {
    const s = { id: uuidv7(), code: name, name, level: 'street', parent_id: district.id, deleted: 0 };
    const community = { id: uuidv7(), code: `${name}c`, name: `${name}社区`, level: 'community', parent_id: s.id, deleted: 0 };
    const grid = { id: uuidv7(), code: `${name}g`, name: `${name}一网格`, level: 'grid', parent_id: community.id, deleted: 0 };
    return { street: s, community, grid };
  };
  return { district, east: street('东街'), west: street('西街') };
}

/** The case_events row of a move, as a node's outbox would send it. */
export function eventRow(caseId: string, type: string, payload: Record<string, unknown>, parentId: string | null = null): Record<string, unknown> {
  return { id: uuidv7(), case_id: caseId, type, at: Date.now(), actor_id: null, actor_role: 'dispatcher', parent_id: parentId, payload: JSON.stringify(payload), deleted: 0 };
}

export function reportedPayload(place: { street: { id: string }; community: { id: string }; grid: { id: string } }, caseNo: string) {
  return {
    caseNo, source: 'patrol', categoryId: null, gridId: place.grid.id, communityId: place.community.id, streetId: place.street.id,
    address: '测试路1号', description: '井盖缺失', reporterName: '张三', reporterPhone: '13800000000', priority: 'normal', photos: [],
    deadlineAt: Date.now() + 3_600_000, warnAt: Date.now() + 2_700_000,
  };
}

export const stage = () => ({ deadlineAt: Date.now() + 86_400_000, warnAt: Date.now() + 64_800_000, note: '' });
