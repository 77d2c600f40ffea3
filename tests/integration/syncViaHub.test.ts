import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../core/api/types';
import type { SyncConflict, SyncStatus } from '../../core/api/syncTypes';
import type { CaseState } from '../../core/workflow/state';
import { createEnrolCode } from '../../server/nodes';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';
import { openHubDb, startHub, type HubDb } from '../support/hubHarness';

/**
 * Two workstations and a real hub over real HTTP: node A (the demo office) enrols through the API and
 * pushes its office, node B (a fresh PC) pulls it, both work apart and converge.
 */
let hubDb: HubDb;
let hub: FastifyInstance;
let hubUrl: string;
let a: TestBackend;
let b: TestBackend;
const tokens: Record<string, string> = {};

const key = (node: TestBackend, who: string) => `${node === a ? 'a' : 'b'}:${who}`;
async function call<R>(node: TestBackend, who: string, method: string, input: unknown): Promise<R> {
  const response = await node.dispatch(method as never, input as never, tokens[key(node, who)]!);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as R;
}
const caseState = async (node: TestBackend, id: string): Promise<CaseState> =>
  JSON.parse((await node.backend.knex('case_states').where({ id }).first('state')).state) as CaseState;

beforeAll(async () => {
  hubDb = await openHubDb('sqlite');
  hub = startHub(hubDb.knex);
  await hub.listen({ port: 0, host: '127.0.0.1' });
  hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
  a = await openTestBackend({ demo: true, demoCases: 20 });
  b = await openTestBackend();
  tokens[key(a, 'admin')] = await a.login('admin');
  tokens[key(a, 'dispatcher')] = await a.login('dispatcher');
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await hub?.close();
  await hubDb?.close();
});

describe('two workstations through a real hub', () => {
  it('enrols through the API (admin only) and pushes the whole office, leaving nothing pending', async () => {
    const { code } = await createEnrolCode(hubDb.knex, { kind: 'district' }, Date.now());
    const refused = await a.dispatch('sync.enrol', { hubUrl, code, nodeName: '区指挥中心' }, tokens[key(a, 'dispatcher')]!);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const enrolled = await call<SyncStatus>(a, 'admin', 'sync.enrol', { hubUrl, code, nodeName: '区指挥中心' });
    expect(enrolled).toMatchObject({ enrolled: true, scope: { kind: 'district' }, nodeName: '区指挥中心' });
    expect(enrolled.pendingWrites).toBeGreaterThan(100);
    const again = await a.dispatch('sync.enrol', { hubUrl, code, nodeName: 'x' }, tokens[key(a, 'admin')]!);
    expect(again.ok ? null : again.error.message).toContain('不能重复注册');
    const status = await call<SyncStatus>(a, 'dispatcher', 'sync.now', {});
    expect(status).toMatchObject({ state: 'online', pendingWrites: 0, conflicts: 0, lastError: null });
    expect(status.lastSyncAt).not.toBeNull();
  }, 120_000);

  it('a fresh workstation pulls the office and folds every case the same', async () => {
    const { code } = await createEnrolCode(hubDb.knex, { kind: 'district' }, Date.now());
    await b.backend.sync.enrol(hubUrl, code, '第二工作站');
    await b.backend.sync.syncNow();
    const status = await b.backend.sync.status();
    expect(status).toMatchObject({ state: 'online', lastError: null, pendingWrites: 0 });
    const [ca, cb] = [await tableCounts(a.backend), await tableCounts(b.backend)];
    for (const table of ['regions', 'departments', 'users', 'categories', 'calendar_days', 'case_events', 'cases', 'case_states']) expect(cb[table], table).toBe(ca[table]);
    const states = (node: TestBackend) => node.backend.knex('case_states').orderBy('id').select('id', 'state');
    expect(await states(b)).toEqual(await states(a));
    expect(await b.backend.knex('sync_parked').count({ n: '*' }).first()).toEqual({ n: 0 });
    tokens[key(b, 'dispatcher')] = await b.login('dispatcher');
    tokens[key(b, 'admin')] = await b.login('admin');
  }, 120_000);

  it('conflicting moves made apart end the same on both, the loser superseded and the case flagged', async () => {
    const ref = await call<ReferenceData>(a, 'dispatcher', 'reference.get', {});
    const grid = ref.regions.find((r) => r.level === 'grid' && r.active)!;
    const { id, caseNo } = await call<{ id: string; caseNo: string }>(a, 'dispatcher', 'cases.report', {
      source: 'hotline', gridId: grid.id, address: '中心同步路1号', description: '小区门口路面塌陷，车辆无法通行', reporterName: '周先生', reporterPhone: '13800004444',
    });
    expect(caseNo).toMatch(/^\d{8}-[A-Z]{4}-\d{4}$/); // enrolled: the node code is in the number
    await a.backend.sync.syncNow();
    await b.backend.sync.syncNow();
    expect((await caseState(b, id)).status).toBe('reported');
    await call(a, 'dispatcher', 'cases.move', { id, move: { move: 'void', reason: '重复上报' } });
    await new Promise((r) => setTimeout(r, 5));
    await call(b, 'dispatcher', 'cases.move', { id, move: { move: 'accept' } });
    for (const node of [a, b, a]) await node.backend.sync.syncNow();
    const [sa, sb] = [await caseState(a, id), await caseState(b, id)];
    expect(sb).toEqual(sa);
    expect(sa.conflict).toBe(true);
    expect(sa.supersededEventIds).toHaveLength(1);
    for (const node of [a, b]) expect((await node.backend.sync.status()).pendingWrites).toBe(0);
  }, 60_000);

  it('an edit overwritten by a newer one from the other workstation is in the inbox, and can be acknowledged', async () => {
    const dept = await a.backend.knex('departments').orderBy('code').first();
    await b.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { phone: '023-5550001' }));
    await new Promise((r) => setTimeout(r, 5));
    await a.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { phone: '023-5550002' }));
    await a.backend.sync.syncNow();
    await b.backend.sync.syncNow(); // B pushes its older phone (the hub keeps A's) and pulls A's
    await a.backend.sync.syncNow();
    for (const node of [a, b]) expect((await node.backend.knex('departments').where({ id: dept.id }).first()).phone).toBe('023-5550002');
    const inbox = await call<SyncConflict[]>(b, 'dispatcher', 'sync.conflicts', {});
    const mine = inbox.filter((c) => c.rowId === dept.id);
    expect(mine).toEqual([expect.objectContaining({ kind: 'overwritten', column: 'phone', localValue: '023-5550001', remoteValue: '023-5550002' })]);
    expect((await b.backend.sync.status()).conflicts).toBe(inbox.length);
    expect(await call(b, 'dispatcher', 'sync.acknowledge', { ids: mine.map((c) => c.id) })).toEqual({ acknowledged: 1 });
    expect((await call<SyncConflict[]>(b, 'dispatcher', 'sync.conflicts', {})).filter((c) => c.rowId === dept.id)).toEqual([]);
  }, 60_000);

  it('works offline when the hub is down, and says so', async () => {
    await hub.close();
    const ref = await call<ReferenceData>(a, 'dispatcher', 'reference.get', {});
    const grid = ref.regions.find((r) => r.level === 'grid' && r.active)!;
    await call(a, 'dispatcher', 'cases.report', {
      source: 'hotline', gridId: grid.id, address: '中心同步路2号', description: '消防栓漏水，路面结冰', reporterName: '吴女士', reporterPhone: '13800005555',
    });
    const status = await call<SyncStatus>(a, 'dispatcher', 'sync.now', {});
    expect(status.state).toBe('offline');
    expect(status.lastError).toContain('无法连接同步服务器');
    expect(status.pendingWrites).toBeGreaterThan(0);
  }, 60_000);
});
