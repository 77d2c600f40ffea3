import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { pruneLog } from '../../server/changeLog';
import { districtRegions, eventRow, openHubDb, reportedPayload, stage, startHub, TestNode, type HubDb } from '../support/hubHarness';

describe.each(['sqlite', 'pg'] as const)('hub push and pull on %s', (kind) => {
  let db: HubDb;
  let app: FastifyInstance;
  let district: TestNode;
  let east: TestNode;
  let west: TestNode;
  const regions = districtRegions();

  beforeAll(async () => {
    db = await openHubDb(kind);
    app = startHub(db.knex);
    district = await TestNode.enrol(app, db.knex, { kind: 'district' }, '区指挥中心');
    east = await TestNode.enrol(app, db.knex, { kind: 'street', streetId: regions.east.street.id }, '东街');
    west = await TestNode.enrol(app, db.knex, { kind: 'street', streetId: regions.west.street.id }, '西街');
    const rows = [regions.district, ...Object.values(regions.east), ...Object.values(regions.west)];
    const answer = await district.push(rows.map((r) => district.change('regions', 'insert', r)));
    expect(answer.rejected).toEqual([]);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function reportIn(node: TestNode, place: typeof regions.east, caseNo: string) {
    const caseId = uuidv7();
    const reported = eventRow(caseId, 'reported', reportedPayload(place, caseNo));
    const answer = await node.push([node.change('case_events', 'insert', reported)]);
    expect(answer.rejected).toEqual([]);
    return { caseId, reported };
  }

  it('a street node reports into its street; the other street can neither push into it nor pull it', async () => {
    const { caseId, reported } = await reportIn(east, regions.east, 'E-1');
    const intrusion = eventRow(caseId, 'accepted', { note: '' }, String(reported.id));
    const answer = await west.push([west.change('case_events', 'insert', intrusion)]);
    expect(answer.rejected).toEqual([expect.objectContaining({ id: intrusion.id, reason: 'out_of_scope' })]);
    expect(answer.rejected[0]!.message).toContain('不在本节点的范围内');
    // Nor may it report a case into the other street.
    const foreign = eventRow(uuidv7(), 'reported', reportedPayload(regions.east, 'W-X'));
    expect((await west.push([west.change('case_events', 'insert', foreign)])).rejected[0]!.reason).toBe('out_of_scope');

    const westIds = (await west.pullAll()).changes.map((c) => c.id);
    expect(westIds).not.toContain(reported.id);
    expect(westIds).not.toContain(intrusion.id);
    expect(westIds).toContain(regions.east.grid.id); // reference data reaches every street
    const eastIds = (await east.pullAll()).changes.map((c) => c.id);
    expect(eastIds).toContain(reported.id);
    expect(eastIds).not.toContain(intrusion.id);
    expect((await district.pullAll()).changes.map((c) => c.id)).toContain(reported.id);
  });

  it('a retried batch is answered the same and applied once', async () => {
    const caseId = uuidv7();
    const good = east.change('case_events', 'insert', eventRow(caseId, 'reported', reportedPayload(regions.east, 'E-2')));
    const bad = east.change('departments', 'insert', { id: uuidv7(), code: 'X', name: '越权部门', short_name: 'X', deleted: 0 });
    const before = await db.knex('hub_changes').count<{ n: number }[]>({ n: '*' });
    const first = await east.push([good, bad]);
    const again = await east.push([good, bad]);
    expect({ ...again, hubTime: 0 }).toEqual({ ...first, hubTime: 0 });
    expect(first.ackedThrough).toBe(bad.seq);
    expect(first.rejected).toEqual([expect.objectContaining({ seq: bad.seq, reason: 'forbidden_table' })]);
    const after = await db.knex('hub_changes').count<{ n: number }[]>({ n: '*' });
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    const copies = (await district.pullAll()).changes.filter((c) => c.id === good.id);
    expect(copies).toHaveLength(1);
  });

  it('a department receives a case while it is dispatched to it, and a removal when it is returned', async () => {
    const deptA = { id: uuidv7(), code: 'A', name: '城管局', short_name: '城管', deleted: 0 };
    const deptB = { id: uuidv7(), code: 'B', name: '水务局', short_name: '水务', deleted: 0 };
    await district.push([district.change('departments', 'insert', deptA), district.change('departments', 'insert', deptB)]);
    const a = await TestNode.enrol(app, db.knex, { kind: 'department', departmentId: deptA.id }, '城管局');
    const b = await TestNode.enrol(app, db.knex, { kind: 'department', departmentId: deptB.id }, '水务局');
    const { caseId, reported } = await reportIn(east, regions.east, 'E-3');
    const accepted = eventRow(caseId, 'accepted', { note: '' }, String(reported.id));
    const filed = eventRow(caseId, 'filed', { categoryId: uuidv7(), priority: 'normal', note: '' }, String(accepted.id));
    const toA = eventRow(caseId, 'dispatched', { departmentIds: [deptA.id], ...stage() }, String(filed.id));
    await east.push([accepted, filed, toA].map((r) => east.change('case_events', 'insert', r)));

    const seenByA = await a.pullAll();
    expect(seenByA.changes.filter((c) => c.row?.case_id === caseId).map((c) => c.id).sort()).toEqual([reported.id, accepted.id, filed.id, toA.id].sort());
    expect((await b.pullAll()).changes.some((c) => c.row?.case_id === caseId)).toBe(false);
    // B cannot write into a case that is not dispatched to it.
    const sneaky = eventRow(caseId, 'signed', { departmentId: deptB.id, ...stage() }, String(toA.id));
    expect((await b.push([b.change('case_events', 'insert', sneaky)])).rejected[0]!.reason).toBe('out_of_scope');

    const returned = eventRow(caseId, 'returned', { departmentId: deptA.id, reason: '非本部门职责', deadlineAt: null, warnAt: null }, String(toA.id));
    expect((await a.push([a.change('case_events', 'insert', returned)])).rejected).toEqual([]);
    const toB = eventRow(caseId, 'dispatched', { departmentIds: [deptB.id], ...stage() }, String(returned.id));
    await east.push([east.change('case_events', 'insert', toB)]);

    const laterA = await a.pullAll(seenByA.cursor);
    expect(laterA.removals).toEqual([expect.objectContaining({ table: 'cases', id: caseId })]);
    expect(laterA.changes.some((c) => c.id === toB.id)).toBe(false);
    const seenByB = await b.pullAll();
    expect(seenByB.changes.filter((c) => c.row?.case_id === caseId)).toHaveLength(6);
    expect(seenByB.removals).toEqual([]);
    // District nodes get each event once: the history re-sent to B is for B only.
    const atDistrict = (await district.pullAll()).changes.filter((c) => c.row?.case_id === caseId).map((c) => c.id);
    expect(atDistrict).toHaveLength(6);
    expect(new Set(atDistrict).size).toBe(6);
  });

  it('reference rows merge per column by HLC, last writer wins', async () => {
    const other = await TestNode.enrol(app, db.knex, { kind: 'district' }, '区二号机');
    const user = { id: uuidv7(), username: 'wang', display_name: '王', role: 'dispatcher', password_hash: 'x', phone: '1', region_id: regions.east.street.id, deleted: 0 };
    await district.push([district.change('users', 'insert', user)]);
    const early = district.hlc();
    const late = other.hlc(1000);
    // The later write to `phone` arrives first; the earlier one to phone and display_name second.
    await other.push([other.change('users', 'update', { ...user, phone: '2' }, { hlc: late, columns: ['phone'] })]);
    await district.push([district.change('users', 'update', { ...user, phone: '3', display_name: '王五' }, { hlc: early, columns: ['phone', 'display_name'] })]);
    const stored = await db.knex('hub_rows').where({ table_name: 'users', id: user.id }).first();
    expect(JSON.parse(stored.row)).toMatchObject({ phone: '2', display_name: '王五' });
    const pulled = (await east.pullAll()).changes.filter((c) => c.id === user.id);
    expect(pulled.at(-1)).toMatchObject({ columns: ['display_name'], row: expect.objectContaining({ phone: '2', display_name: '王五' }) });
  });

  it('places register rows by their grid’s street, also when the grid arrives in the same batch', async () => {
    const community = { id: uuidv7(), code: 'EC2', name: '东街二社区', level: 'community', parent_id: regions.east.street.id, deleted: 0 };
    const grid = { id: uuidv7(), code: 'EG2', name: '东街二网格', level: 'grid', parent_id: community.id, deleted: 0 };
    const household = { id: uuidv7(), grid_id: grid.id, code: 'H-1', building: '1栋', deleted: 0 };
    const answer = await district.push([district.change('regions', 'insert', community), district.change('regions', 'insert', grid), district.change('households', 'insert', household)]);
    expect(answer.rejected).toEqual([]);
    expect((await east.pullAll()).changes.map((c) => c.id)).toContain(household.id);
    expect((await west.pullAll()).changes.map((c) => c.id)).not.toContain(household.id);
    // A street node adds a grid to its own street and a worker in it, in one batch; not to the other street.
    const ownGrid = { id: uuidv7(), code: 'EG3', name: '东街三网格', level: 'grid', parent_id: community.id, deleted: 0 };
    const worker = { id: uuidv7(), username: 'gw-eg3', display_name: '赵', role: 'grid_worker', password_hash: 'x', region_id: ownGrid.id, deleted: 0 };
    const foreignGrid = { id: uuidv7(), code: 'WG9', name: '西街九网格', level: 'grid', parent_id: regions.west.community.id, deleted: 0 };
    const own = await east.push([east.change('regions', 'insert', ownGrid), east.change('users', 'insert', worker), east.change('regions', 'insert', foreignGrid)]);
    expect(own.rejected.map((r) => [r.id, r.reason])).toEqual([[foreignGrid.id, 'out_of_scope']]);
  });

  it('takes a row in an older shape (fewer columns) and keeps the columns it lacks', async () => {
    const org = { id: uuidv7(), code: 'O1', name: '志愿者协会', kind: 'volunteer', region_id: regions.east.community.id, duty_hours: '9-17', deleted: 0 };
    expect((await east.push([east.change('organisations', 'insert', org)])).rejected).toEqual([]);
    const { duty_hours: _dropped, ...older } = org; // a node whose schema predates duty_hours
    expect((await east.push([east.change('organisations', 'update', { ...older, name: '青年志愿者协会' }, { columns: ['name'] })])).rejected).toEqual([]);
    const stored = await db.knex('hub_rows').where({ table_name: 'organisations', id: org.id }).first();
    expect(JSON.parse(stored.row)).toMatchObject({ name: '青年志愿者协会', duty_hours: '9-17' });
  });

  it('refuses clocks too far ahead, unknown columns, and street writes of district data, each with a reason', async () => {
    const ahead = east.change('case_events', 'insert', eventRow(uuidv7(), 'reported', reportedPayload(regions.east, 'E-4')), { hlc: east.hlc(10 * 60_000) });
    const unknown = east.change('regions', 'update', { ...regions.east.grid, colour: 'red' }, { columns: ['colour'] });
    const settings = east.change('settings', 'insert', { id: uuidv7(), key: 'k', value: 'v', deleted: 0 });
    const otherStreetUser = east.change('users', 'insert', { id: uuidv7(), username: 'li', display_name: '李', role: 'grid_worker', password_hash: 'x', region_id: regions.west.grid.id, deleted: 0 });
    const answer = await east.push([ahead, unknown, settings, otherStreetUser]);
    expect(answer.rejected.map((r) => [r.seq, r.reason])).toEqual([
      [ahead.seq, 'clock_drift'], [unknown.seq, 'invalid_row'], [settings.seq, 'forbidden_table'], [otherStreetUser.seq, 'out_of_scope'],
    ]);
    expect(answer.clockWarning).toMatch(/本机时钟比中心快 \d+ 秒/);
    expect(answer.ackedThrough).toBe(otherStreetUser.seq);
  });

  it('bootstraps a scope from a gzip snapshot, resumes it, and tells a node past the retained log to bootstrap', async () => {
    const { reported: eastCase } = await reportIn(east, regions.east, 'E-5');
    const { reported: westCase } = await reportIn(west, regions.west, 'W-5');
    const fresh = await TestNode.enrol(app, db.knex, { kind: 'street', streetId: regions.east.street.id }, '东街新机');
    const lines = await fresh.snapshot();
    const header = lines[0] as { kind: string; cursor: number; tables: string[] };
    expect(header.kind).toBe('header');
    expect(header.tables).not.toContain('audit_log');
    const rows = lines.filter((l) => l.kind === 'row') as { table: string; row: { id: string } }[];
    const ids = rows.map((l) => l.row.id);
    expect(ids).toContain(eastCase.id);
    expect(ids).not.toContain(westCase.id);
    expect(ids).toContain(regions.west.grid.id);
    expect(lines.at(-1)).toEqual({ kind: 'end', rows: rows.length });

    // Resume after the third row: the rest arrives, under the first header's cursor.
    const cut = rows[2]!;
    const resumed = await fresh.snapshot(`?table=${cut.table}&after=${cut.row.id}&cursor=${header.cursor}`);
    expect((resumed[0] as { cursor: number }).cursor).toBe(header.cursor);
    expect(resumed.filter((l) => l.kind === 'row').map((l) => (l as { row: { id: string } }).row.id)).toEqual(ids.slice(3));

    const { reported: later } = await reportIn(east, regions.east, 'E-6');
    expect((await fresh.pullAll(header.cursor)).changes.map((c) => c.id)).toContain(later.id);

    const floor = await pruneLog(db.knex, header.cursor);
    expect(floor).toBe(header.cursor + 1);
    const stale = await fresh.pull(0);
    expect(stale).toMatchObject({ snapshotRequired: true, changes: [], cursor: 0 });
    expect((await fresh.pull(header.cursor)).snapshotRequired).toBeUndefined();
  });
});
