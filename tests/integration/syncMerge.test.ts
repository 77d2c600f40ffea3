import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../core/api/types';
import type { CaseState } from '../../core/workflow/state';
import { listConflicts } from '../../db/sync/conflicts';
import { applyPullPage } from '../../db/sync/applyPage';
import { loadSyncSettings, nodeCodeFor, saveSyncSettings } from '../../db/sync/settings';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';
import { HubLog } from '../support/syncHubStandIn';

/**
 * Merge rules on two real SQLite nodes: node A (the demo office) and node B (a fresh workstation that
 * receives everything from A's outbox through a stand-in hub log), exchanging their outboxes.
 */
let clock = Date.UTC(2026, 10, 30, 2, 0, 0);
const now = () => clock;
let a: TestBackend;
let b: TestBackend;
let hub: HubLog;
let outboxAfterFirstPull = -1;
const tokens: Record<string, string> = {};

async function call<R>(node: TestBackend, who: string, method: string, input: unknown): Promise<R> {
  const response = await node.dispatch(method as never, input as never, tokens[`${node === a ? 'a' : 'b'}:${who}`]!);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as R;
}

async function caseState(node: TestBackend, id: string): Promise<CaseState> {
  const row = await node.backend.knex('case_states').where({ id }).first('state');
  return JSON.parse(row.state) as CaseState;
}

async function exchange(): Promise<void> {
  await hub.push(a.backend);
  await hub.push(b.backend);
  await hub.pull(a.backend);
  await hub.pull(b.backend);
}

beforeAll(async () => {
  a = await openTestBackend({ demo: true, demoCases: 30, now });
  b = await openTestBackend({ now });
  hub = new HubLog();
  await hub.push(a.backend);
  await hub.pull(b.backend);
  outboxAfterFirstPull = Number((await b.backend.knex('outbox').count({ n: '*' }).first())?.n);
  for (const node of [a, b]) {
    for (const who of ['dispatcher', 'admin']) tokens[`${node === a ? 'a' : 'b'}:${who}`] = await node.login(who);
  }
  await exchange(); // the logins rehashed the demo passwords on each node
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('a fresh node fed from another node’s outbox', () => {
  it('holds the same cases, folded the same, and its outbox stayed empty (nothing echoes back)', async () => {
    const [ca, cb] = [await tableCounts(a.backend), await tableCounts(b.backend)];
    for (const table of ['regions', 'departments', 'users', 'categories', 'case_events', 'cases', 'case_states']) expect(cb[table], table).toBe(ca[table]);
    const states = (node: TestBackend) => node.backend.knex('case_states').orderBy('id').select('id', 'state');
    expect(await states(b)).toEqual(await states(a));
    expect(outboxAfterFirstPull).toBe(0);
  });

  it('takes its own changes coming back from the hub as already there: no outbox rows, no new versions', async () => {
    const dept = await a.backend.knex('departments').orderBy('code').offset(2).first();
    clock += 1000;
    await a.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { phone: '023-3333333' }));
    await hub.push(a.backend);
    const before = await a.backend.knex('departments').where({ id: dept.id }).first();
    await hub.pull(a.backend); // the stand-in hub forwards A's own change to A as well
    expect(await a.backend.knex('departments').where({ id: dept.id }).first()).toEqual(before);
    expect(await a.backend.knex('outbox').count({ n: '*' }).first()).toEqual({ n: 0 });
    await hub.pull(b.backend);
    expect((await b.backend.knex('departments').where({ id: dept.id }).first()).phone).toBe('023-3333333');
    expect(await b.backend.knex('outbox').count({ n: '*' }).first()).toEqual({ n: 0 });
  });
});

describe('case events: a union, folded the same on both nodes', () => {
  it('keeps both of two conflicting moves made while apart, one superseded, and flags the case on both', async () => {
    const ref = await call<ReferenceData>(a, 'dispatcher', 'reference.get', {});
    const grid = ref.regions.find((r) => r.level === 'grid' && r.active)!;
    const { id } = await call<{ id: string }>(a, 'dispatcher', 'cases.report', {
      source: 'hotline', gridId: grid.id, address: '同步测试路1号', description: '路灯不亮，晚上行人看不清路', reporterName: '李女士', reporterPhone: '13800001111',
    });
    clock += 1000;
    await exchange();
    expect((await caseState(b, id)).status).toBe('reported');
    // Partitioned: A voids the report, B accepts it a second later.
    clock += 1000;
    await call(a, 'dispatcher', 'cases.move', { id, move: { move: 'void', reason: '重复上报' } });
    clock += 1000;
    await call(b, 'dispatcher', 'cases.move', { id, move: { move: 'accept' } });
    clock += 1000;
    await exchange();
    await exchange(); // a second round changes nothing
    const [sa, sb] = [await caseState(a, id), await caseState(b, id)];
    expect(sb).toEqual(sa);
    expect(sa.conflict).toBe(true);
    expect(sa.supersededEventIds).toHaveLength(1);
    const events = (node: TestBackend) => node.backend.knex('case_events').where({ case_id: id }).orderBy('id').select('id', 'hlc', 'type');
    expect(await events(b)).toEqual(await events(a));
    const row = (node: TestBackend) => node.backend.knex('cases').where({ id }).first();
    expect(await row(b)).toEqual(await row(a));
  });
});

describe('reference rows: last writer wins per column', () => {
  it('keeps the newer write of each column and lists the overwritten local edit in the inbox', async () => {
    const dept = await a.backend.knex('departments').orderBy('code').first();
    // Apart: B edits the phone first, A edits the phone later, then B edits the duty hours.
    clock += 1000;
    await b.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { phone: '023-1111111' }));
    clock += 1000;
    await a.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { phone: '023-2222222' }));
    clock += 1000;
    await b.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { duty_hours: '8:00-20:00' }));
    clock += 1000;
    // B pulls before it pushes: its phone edit is still in its outbox when A's newer one arrives.
    await hub.push(a.backend);
    await hub.pull(b.backend);
    await exchange();
    for (const node of [a, b]) {
      const d = await node.backend.knex('departments').where({ id: dept.id }).first();
      expect(d.phone).toBe('023-2222222');
      expect(d.duty_hours).toBe('8:00-20:00');
    }
    const inboxB = await listConflicts(b.backend.knex, { includeAcknowledged: false, limit: 50 });
    expect(inboxB.filter((c) => c.rowId === dept.id)).toEqual([
      expect.objectContaining({ kind: 'overwritten', table: 'departments', column: 'phone', localValue: '023-1111111', remoteValue: '023-2222222' }),
    ]);
    // A's newer phone won, and B's duty hours edited a row A only created: nothing for A to look at.
    expect((await listConflicts(a.backend.knex, { includeAcknowledged: false, limit: 50 })).filter((c) => c.rowId === dept.id)).toEqual([]);
  });
});

describe('a pulled page', () => {
  it('applied twice changes nothing the second time', async () => {
    await hub.push(a.backend);
    await b.backend.knex('sync_settings').update({ pull_cursor: 0 }); // as if the cursor save had been lost
    const page = await hub.page(b.backend);
    const before = await tableCounts(b.backend);
    const states = await b.backend.knex('case_states').orderBy('id').select();
    const inbox = await listConflicts(b.backend.knex, { includeAcknowledged: true, limit: 500 });
    await applyPullPage(b.backend.writePath, page, now());
    expect(await tableCounts(b.backend)).toEqual(before);
    expect(await b.backend.knex('case_states').orderBy('id').select()).toEqual(states);
    expect(await listConflicts(b.backend.knex, { includeAcknowledged: true, limit: 500 })).toEqual(inbox);
    expect((await loadSyncSettings(b.backend.knex)).pullCursor).toBe(hub.log.length);
  });

  it('commits with its cursor or not at all', async () => {
    const ref = await call<ReferenceData>(a, 'dispatcher', 'reference.get', {});
    const grid = ref.regions.find((r) => r.level === 'grid' && r.active)!;
    clock += 1000;
    const { id } = await call<{ id: string }>(a, 'dispatcher', 'cases.report', {
      source: 'hotline', gridId: grid.id, address: '同步测试路2号', description: '井盖缺失，有人差点踩空', reporterName: '王先生', reporterPhone: '13800002222',
    });
    await hub.push(a.backend);
    const cursor = (await loadSyncSettings(b.backend.knex)).pullCursor;
    await b.backend.knex.raw("create trigger refuse_cursor before update of pull_cursor on sync_settings begin select raise(abort, 'cursor refused'); end");
    await expect(hub.pull(b.backend)).rejects.toThrow(/cursor refused/);
    expect(await b.backend.knex('case_events').where({ case_id: id }).first()).toBeUndefined();
    expect(await b.backend.knex('cases').where({ id }).first()).toBeUndefined();
    expect((await loadSyncSettings(b.backend.knex)).pullCursor).toBe(cursor);
    await b.backend.knex.raw('drop trigger refuse_cursor');
    await hub.pull(b.backend);
    expect((await caseState(b, id)).status).toBe('reported');
  });

  it('removes a case that left the node’s scope, with its events and derived rows', async () => {
    const victim = await b.backend.knex('cases').orderBy('id').first('id');
    const page = { changes: [], removals: [{ seq: hub.log.length + 1, table: 'cases', id: victim.id as string }], cursor: hub.log.length, hasMore: false, hubTime: now() };
    await applyPullPage(b.backend.writePath, page, now());
    for (const [table, column] of [['cases', 'id'], ['case_states', 'id'], ['case_events', 'case_id'], ['case_departments', 'case_id'], ['case_facts', 'case_id']] as const) {
      expect(await b.backend.knex(table).where(column, victim.id).first(), table).toBeUndefined();
    }
    expect(await b.backend.knex('outbox').count({ n: '*' }).first()).toEqual({ n: 0 });
  });
});

describe('push answers', () => {
  it('trim the acknowledged outbox, put refusals in the inbox, and read twice add nothing twice', async () => {
    const dept = await b.backend.knex('departments').orderBy('code').offset(1).first();
    clock += 1000;
    await b.backend.writePath.transaction((tx) => tx.update('departments', dept.id, { contact_person: '赵主任' }));
    const refusal = '街道节点不能修改部门资料';
    const answer = await hub.push(b.backend, (c) => (c.table === 'departments' ? refusal : null));
    expect(answer.rejected).toHaveLength(1);
    expect(await b.backend.knex('outbox').count({ n: '*' }).first()).toEqual({ n: 0 });
    const inbox = (await listConflicts(b.backend.knex, { includeAcknowledged: false, limit: 50 })).filter((c) => c.kind === 'rejected');
    expect(inbox).toEqual([expect.objectContaining({ table: 'departments', rowId: dept.id, reason: 'conflict', message: refusal })]);
  });
});

describe('case numbers', () => {
  it('stay plain on a node working alone and carry the node code once enrolled, so two nodes never collide', async () => {
    const ref = await call<ReferenceData>(a, 'dispatcher', 'reference.get', {});
    const grid = ref.regions.find((r) => r.level === 'grid' && r.active)!;
    const report = (node: TestBackend) =>
      call<{ caseNo: string }>(node, 'dispatcher', 'cases.report', {
        source: 'hotline', gridId: grid.id, address: '同步测试路3号', description: '楼道堆放杂物，堵塞消防通道', reporterName: '陈先生', reporterPhone: '13800003333',
      });
    clock += 1000;
    expect((await report(a)).caseNo).toMatch(/^\d{8}-\d{4}$/);
    for (const node of [a, b]) await saveSyncSettings(node.backend.knex, { nodeCode: nodeCodeFor(node.backend.writePath.nodeId) });
    const codeA = nodeCodeFor(a.backend.writePath.nodeId);
    const codeB = nodeCodeFor(b.backend.writePath.nodeId);
    expect(codeA).not.toBe(codeB);
    const [na, nb] = [(await report(a)).caseNo, (await report(b)).caseNo];
    expect(na).toMatch(new RegExp(`^\\d{8}-${codeA}-0001$`));
    expect(nb).toMatch(new RegExp(`^\\d{8}-${codeB}-0001$`));
    expect((await report(a)).caseNo).toMatch(new RegExp(`-${codeA}-0002$`));
    await exchange();
    for (const node of [a, b]) expect(await node.backend.knex('cases').whereIn('case_no', [na, nb]).count({ n: '*' }).first()).toEqual({ n: 2 });
  });
});
