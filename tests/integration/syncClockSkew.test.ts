import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode } from '../../server/nodes';
import { openTestBackend, type TestBackend } from '../support/backend';
import { openHubDb, startHub, type HubDb } from '../support/hubHarness';

/**
 * Found by the chaos simulation (seed 1): two workstations whose clocks are each within the hub's allowed drift
 * but more than that apart. The slow one pulls a row, warns about the clock, then edits the row: its edit must be
 * the newer version everywhere, not silently lose to the row it was made on top of.
 */
let hubDb: HubDb;
let hub: FastifyInstance;
let fast: TestBackend;
let slow: TestBackend;

beforeAll(async () => {
  hubDb = await openHubDb('sqlite');
  hub = startHub(hubDb.knex);
  await hub.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
  fast = await openTestBackend({ demo: true, demoCases: 0, now: () => Date.now() + 3 * 60_000 });
  slow = await openTestBackend({ now: () => Date.now() - 3 * 60_000 });
  for (const [node, name] of [[fast, '快钟工作站'], [slow, '慢钟工作站']] as const) {
    const { code } = await createEnrolCode(hubDb.knex, { kind: 'district' }, Date.now());
    await node.backend.sync.enrol(url, code, name);
  }
}, 120_000);
afterAll(async () => {
  await fast?.close();
  await slow?.close();
  await hub?.close();
  await hubDb?.close();
});

describe('clocks minutes apart', () => {
  it('an edit made after pulling a row from a clock 6 minutes ahead wins on the hub and on the other node', async () => {
    await fast.backend.sync.syncNow();
    await slow.backend.sync.syncNow();
    expect((await slow.backend.sync.status()).clockWarning).toContain('请检查本机的日期和时间');
    const dept = await slow.backend.knex('departments').orderBy('code').first();
    await slow.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { name: '慢钟改名的部门' }));
    await slow.backend.sync.syncNow();
    await fast.backend.sync.syncNow();
    for (const node of [slow, fast]) expect((await node.backend.knex('departments').where({ id: dept.id }).first()).name).toBe('慢钟改名的部门');
    expect(await slow.backend.knex('sync_conflicts').count({ n: '*' }).first()).toEqual({ n: 0 });
  }, 120_000);
});
