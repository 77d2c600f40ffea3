import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { createEnrolCode, revokeNode } from '../../server/nodes';
import { sha256 } from '../../server/tokens';
import { districtRegions, eventRow, newNodeId, openHubDb, reportedPayload, startHub, TestNode, type HubDb } from '../support/hubHarness';

describe('hub enrolment, revocation, health and metrics (SQLite, no configuration)', () => {
  let db: HubDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openHubDb('sqlite');
    app = startHub(db.knex);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const enrol = (code: string, nodeId = newNodeId()) =>
    app.inject({ method: 'POST', url: '/v1/enrol', payload: { code, nodeId, name: '东街工作站', schemaVersion: '20261203450000_run_register_instances' } });

  it('exchanges a code once for a token, of which the hub keeps only the sha256', async () => {
    const streetId = uuidv7();
    const { code } = await createEnrolCode(db.knex, { kind: 'street', streetId }, Date.now());
    const first = await enrol(code.toLowerCase().replace(/(.{5})/, '$1-')); // typed by hand: case and dashes don't matter
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.scope).toEqual({ kind: 'street', streetId });
    const stored = await db.knex('hub_nodes').where({ token_hash: sha256(body.token) }).first();
    expect(stored).toBeTruthy();
    expect(JSON.stringify(await db.knex('hub_nodes').select())).not.toContain(body.token);
    expect(JSON.stringify(await db.knex('hub_enrol_codes').select())).not.toContain(code);

    const again = await enrol(code);
    expect(again.statusCode).toBe(403);
    expect(again.json()).toEqual({ code: 'enrol_code_invalid', message: expect.stringContaining('注册码无效') });
    const expired = await createEnrolCode(db.knex, { kind: 'district' }, Date.now() - 48 * 3_600_000);
    expect((await enrol(expired.code)).statusCode).toBe(403);
  });

  it('answers a revoked token 401 for everything, and a new enrolment keeps the node’s push state', async () => {
    const regions = districtRegions();
    const node = await TestNode.enrol(app, db.knex, { kind: 'district' }, '区指挥中心');
    const pushed = await node.push([node.change('regions', 'insert', regions.district)]);
    expect(pushed.ackedThrough).toBe(1);
    expect(await revokeNode(db.knex, node.nodeId, Date.now())).toBe(true);

    const event = node.change('case_events', 'insert', eventRow(uuidv7(), 'reported', reportedPayload(regions.east, 'R-1')));
    const responses = [
      await node.pushRaw([event]),
      await node.pullRaw(0),
      await app.inject({ method: 'GET', url: '/v1/snapshot', headers: { authorization: `Bearer ${node.token}` } }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'unauthorized', message: '节点令牌无效或已被吊销，请重新注册' });
    }
    expect(await db.knex('hub_rows').where({ id: event.id }).first()).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/v1/pull?after=0' })).statusCode).toBe(401);

    const { code } = await createEnrolCode(db.knex, { kind: 'district' }, Date.now());
    const back = await enrol(code, node.nodeId);
    const renewed = new TestNode(app, node.nodeId, back.json().token);
    const retry = await renewed.push([{ ...event, seq: 1 }]);
    expect(retry.ackedThrough).toBe(1); // seq 1 was applied before: not applied again
    expect(await db.knex('hub_rows').where({ id: event.id }).first()).toBeUndefined();
  });

  it('refuses a push under another node’s id and a malformed batch, in Chinese', async () => {
    const node = await TestNode.enrol(app, db.knex, { kind: 'district' });
    const other = await node.app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${node.token}` }, payload: { nodeId: newNodeId(), schemaVersion: 'x', changes: [] } });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('node_mismatch');
    const c = node.change('settings', 'insert', { id: uuidv7(), key: 'a', value: 'b', deleted: 0 });
    const unordered = await node.pushRaw([c, { ...c, seq: c.seq - 1 }]);
    expect(unordered.statusCode).toBe(400);
    expect(unordered.json().message).toContain('seq 必须严格递增');
  });

  it('reports health and Prometheus metrics: pushes, pulls, rejections and lag per node', async () => {
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toEqual({ ok: true, protocol: 1, schemaVersion: expect.stringMatching(/^\d{14}_/), database: 'sqlite' });
    const node = await TestNode.enrol(app, db.knex, { kind: 'street', streetId: uuidv7() }, '西街');
    await node.push([node.change('settings', 'insert', { id: uuidv7(), key: 'a', value: 'b', deleted: 0 })]);
    await node.pull(0);
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^hub_pushes_total [1-9]\d*$/m);
    expect(text).toMatch(/^hub_pulls_total [1-9]\d*$/m);
    expect(text).toMatch(/^hub_rejected_writes_total\{reason="forbidden_table"\} 1$/m);
    const seq = Number(/^hub_district_sequence (\d+)$/m.exec(text)![1]);
    expect(text).toContain(`hub_node_lag{node="${node.nodeId}",name="西街",scope="street"} ${seq}`);
  });
});
