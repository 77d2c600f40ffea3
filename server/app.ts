import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { isSqlite } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import {
  PROTOCOL_VERSION, enrolRequestSchema, pullQuerySchema, pushRequestSchema, snapshotQuerySchema,
  type EnrolResponse, type HubError, type HubHealth,
} from '../core/sync/protocol';
import { HubMetrics } from './metrics';
import { EnrolError, enrolNode, nodeByToken, type HubNode } from './nodes';
import { applyPush } from './push/applyPush';
import { pullPage } from './pull';
import { snapshotLines } from './snapshot';

export interface HubOptions {
  maxDriftMs: number;
  now?: () => number;
  /** JSON logs to stdout (pino); off in tests. */
  logger?: boolean;
  /** Tests only: runs inside each push transaction, after sequences are taken, before commit. */
  beforePushCommit?: () => Promise<void>;
}

export const HUB_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.name;

const fail = (reply: FastifyReply, status: number, body: HubError) => reply.code(status).send(body);

/** The hub's HTTP API over a migrated database. Keeps nothing between requests but counters. */
export function buildHub(knex: Knex, options: HubOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 * 1024 });
  const now = options.now ?? Date.now;
  const metrics = new HubMetrics();
  const database: HubHealth['database'] = isSqlite(knex) ? 'sqlite' : 'postgresql';

  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<HubNode | null> {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const node = token ? await nodeByToken(knex, token) : null;
    if (!node) {
      request.log.warn({ event: 'unauthorized', url: request.url }, 'refused: unknown or revoked token');
      fail(reply, 401, { code: 'unauthorized', message: '节点令牌无效或已被吊销，请重新注册' });
    }
    return node;
  }

  app.setErrorHandler((err, request, reply) => {
    request.log.error({ err }, 'request failed');
    fail(reply, 500, { code: 'internal', message: '中心处理请求时出错，请稍后重试' });
  });

  app.get('/health', async (_request, reply) => {
    try {
      await knex.raw('select 1');
      const health: HubHealth = { ok: true, protocol: PROTOCOL_VERSION, schemaVersion: HUB_SCHEMA_VERSION, database };
      return health;
    } catch {
      return reply.code(503).send({ ok: false, protocol: PROTOCOL_VERSION, schemaVersion: HUB_SCHEMA_VERSION, database });
    }
  });

  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4').send(await metrics.render(knex)));

  app.post('/v1/enrol', async (request, reply) => {
    const parsed = enrolRequestSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, { code: 'invalid_request', message: '注册请求格式不正确' });
    try {
      const { token, scope } = await enrolNode(knex, parsed.data, now());
      request.log.info({ event: 'enrolled', node: parsed.data.nodeId, scope }, 'node enrolled');
      const body: EnrolResponse = { token, scope, hubSchemaVersion: HUB_SCHEMA_VERSION, hubTime: now() };
      return body;
    } catch (err) {
      if (err instanceof EnrolError) return fail(reply, 403, { code: 'enrol_code_invalid', message: err.message });
      throw err;
    }
  });

  app.post('/v1/push', async (request, reply) => {
    const node = await authenticate(request, reply);
    if (!node) return reply;
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, { code: 'invalid_request', message: `推送格式不正确：${parsed.error.issues[0]?.message ?? ''}` });
    if (parsed.data.nodeId !== node.nodeId) return fail(reply, 403, { code: 'node_mismatch', message: '推送的节点编号与令牌不符' });
    const result = await applyPush(knex, node, parsed.data, { now: now(), maxDriftMs: options.maxDriftMs, beforeCommit: options.beforePushCommit });
    metrics.pushes += 1;
    metrics.pushedChanges += parsed.data.changes.length;
    metrics.countRejections(result.rejected.map((r) => r.reason));
    request.log.info({ event: 'push', node: node.nodeId, changes: parsed.data.changes.length, rejected: result.rejected.length, ackedThrough: result.ackedThrough }, 'push applied');
    return result;
  });

  app.get('/v1/pull', async (request, reply) => {
    const node = await authenticate(request, reply);
    if (!node) return reply;
    const parsed = pullQuerySchema.safeParse(request.query);
    if (!parsed.success) return fail(reply, 400, { code: 'invalid_request', message: '拉取参数不正确' });
    const page = await pullPage(knex, node.nodeId, node.scope, parsed.data.after, parsed.data.limit, now());
    metrics.pulls += 1;
    metrics.pulledChanges += page.changes.length + page.removals.length;
    request.log.info({ event: 'pull', node: node.nodeId, after: parsed.data.after, cursor: page.cursor, changes: page.changes.length, removals: page.removals.length, snapshotRequired: page.snapshotRequired ?? false }, 'pull answered');
    return page;
  });

  app.get('/v1/snapshot', async (request, reply) => {
    const node = await authenticate(request, reply);
    if (!node) return reply;
    const parsed = snapshotQuerySchema.safeParse(request.query);
    if (!parsed.success) return fail(reply, 400, { code: 'invalid_request', message: '快照参数不正确' });
    request.log.info({ event: 'snapshot', node: node.nodeId, from: parsed.data }, 'snapshot started');
    const lines = Readable.from((async function* () {
      for await (const line of snapshotLines(knex, node.scope, parsed.data)) yield JSON.stringify(line) + '\n';
    })());
    return reply.header('content-type', 'application/x-ndjson').header('content-encoding', 'gzip').send(lines.pipe(createGzip()));
  });

  return app;
}
