import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationAdminRow } from '../../core/api/adminTypes';
import type { DashboardData } from '../../core/api/dashboardTypes';
import type { ParticipationBoard } from '../../core/api/organisationTypes';
import type { CaseListResult, CaseWithHistory, ReferenceData } from '../../core/api/types';
import { openTestBackend, type TestBackend } from '../support/backend';

// Issue 12 §3: a case referred to a social organisation is accepted or declined by it, handled on the
// same clocks as a department's, verified and called back; the participation board counts it all.

let t: TestBackend;
let ref: ReferenceData;
const tokens: Record<string, string> = {};

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}
async function refused(who: string, method: string, input: unknown) {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

const grid = () => ref.regions.find((r) => r.code === '500112004001001')!; // 金港社区第一网格
const org = (code: string) => ref.organisations.find((o) => o.name === ORG_NAMES[code])!;
const ORG_NAMES: Record<string, string> = {};
const move = (who: string, id: string, m: Record<string, unknown>) => call<CaseWithHistory>(who, 'cases.move', { id, move: m });

/** A report filed by the dispatcher and referred to the organisation. */
async function referred(code: string, description: string): Promise<string> {
  const { id } = await call<{ id: string }>('dispatcher', 'cases.report', {
    source: 'hotline', gridId: grid().id, address: '金港国际3栋2单元', description, reporterName: '王阿姨', reporterPhone: '13812345678',
  });
  await move('dispatcher', id, { move: 'accept' });
  const category = ref.categories.find((c) => c.majorCode === '11') ?? ref.categories[0]!;
  await move('dispatcher', id, { move: 'file', categoryId: category.id });
  await move('dispatcher', id, { move: 'refer', organisationId: org(code).id, note: '请上门了解情况' });
  return id;
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0 });
  for (const user of ['dispatcher', 'admin', 'leader', 'gw004001001', 'org-s01', 'org-s02']) tokens[user] = await t.login(user);
  for (const o of await t.backend.knex('organisations').select('code', 'name')) ORG_NAMES[o.code as string] = o.name as string;
  ref = await call('dispatcher', 'reference.get', {});
});
afterAll(async () => t.close());

describe('referral through to callback', () => {
  let accepted: string;
  let declined: string;
  let onBehalf: string;

  it('a referral waits for the organisation on the signing clock, and only that organisation sees it', async () => {
    accepted = await referred('S01', '独居老人王阿姨行动不便，需要上门巡诊');
    const d = await call<CaseWithHistory>('org-s01', 'cases.get', { id: accepted });
    expect(d.case).toMatchObject({ status: 'dispatched', handler: 'organisation', organisationId: org('S01').id });
    expect(d.stages.at(-1)).toMatchObject({ stage: 'sign', endedAt: null });
    expect(d.moves.sort()).toEqual(['accept_referral', 'decline_referral']);
    expect((await refused('org-s02', 'cases.get', { id: accepted })).code).toBe('NOT_FOUND');
    const list = await call<CaseListResult>('org-s02', 'cases.list', {});
    expect(list.rows.map((r) => r.id)).not.toContain(accepted);
  });

  it('the organisation accepts through its own account and handles the case; it is verified, closed and called back', async () => {
    let d = await move('org-s01', accepted, { move: 'accept_referral', note: '明天上午上门' });
    expect(d.case.status).toBe('handling');
    expect(d.events.at(-1)).toMatchObject({ type: 'referral_accepted', actorRole: 'organisation_staff' });
    expect(d.stages.at(-1)).toMatchObject({ stage: 'handle', endedAt: null });
    d = await move('org-s01', accepted, { move: 'handle', result: 'resolved', note: '已上门巡诊，签约家庭医生' });
    expect(d.case.status).toBe('verifying');
    await move('gw004001001', accepted, { move: 'verify_pass', note: '已回访核实' });
    await move('dispatcher', accepted, { move: 'close' });
    d = await move('dispatcher', accepted, { move: 'record_callback', satisfaction: 'satisfied' });
    expect(d.case.status).toBe('archived');
    expect(d.events.map((e) => e.type)).toEqual([
      'reported', 'accepted', 'filed', 'referred', 'referral_accepted', 'handled', 'verification_passed', 'closed', 'callback_recorded',
    ]);
    expect(d.stages.map((s) => s.stage)).toEqual(['accept', 'sign', 'handle', 'verify', 'callback']);
    // The organisation still sees the case it took, to the end.
    expect((await call<CaseWithHistory>('org-s01', 'cases.get', { id: accepted })).case.status).toBe('archived');
  });

  it('a decline returns the case to the dispatcher with the reason; the organisation no longer sees it', async () => {
    declined = await referred('S01', '居民需要心理咨询服务');
    const d = await move('org-s01', declined, { move: 'decline_referral', reason: '本中心无心理咨询资质' });
    expect(d.case).toMatchObject({ status: 'filed', handler: null, organisationId: null });
    expect(d.events.at(-1)).toMatchObject({ type: 'referral_declined', actorRole: 'organisation_staff', payload: { reason: '本中心无心理咨询资质' } });
    expect((await refused('org-s01', 'cases.get', { id: declined })).code).toBe('NOT_FOUND');
    const back = await call<CaseWithHistory>('dispatcher', 'cases.get', { id: declined });
    expect(back.moves).toEqual(expect.arrayContaining(['dispatch', 'refer', 'assign_grid']));
  });

  it('the dispatcher can record an organisation\'s answer on its behalf; the event names who recorded it', async () => {
    onBehalf = await referred('S02', '老人需要上门护理');
    const d = await move('dispatcher', onBehalf, { move: 'accept_referral', note: '电话联系陈主任，同意接收' });
    expect(d.events.at(-1)).toMatchObject({ type: 'referral_accepted', actorRole: 'dispatcher', actorName: '李敏' });
    // Another organisation's account cannot act on it.
    expect((await refused('org-s01', 'cases.move', { id: onBehalf, move: { move: 'handle', result: 'resolved', note: '已办' } })).code).toBe('NOT_FOUND');
  });

  it('an organisation account sees only the cases referred to it, and no register or assessment data', async () => {
    const list = await call<CaseListResult>('org-s01', 'cases.list', { pageSize: 500 });
    expect(list.rows.map((r) => r.id).sort()).toEqual([accepted].sort());
    expect(list.rows.every((r) => r.organisationId === org('S01').id)).toBe(true);
    for (const method of ['cases.report', 'organisations.participation', 'registry.atCase', 'dashboard.data', 'registry.residents']) {
      expect((await refused('org-s01', method, {})).code, method).toBe('FORBIDDEN');
    }
  });

  it('the participation board and the dashboard count referrals, answers, on-time results and satisfaction', async () => {
    const board = await call<ParticipationBoard>('leader', 'organisations.participation', {});
    const row = (code: string) => board.rows.find((r) => r.organisationId === org(code).id)!;
    expect(row('S01')).toMatchObject({
      name: ORG_NAMES.S01, referred: 2, accepted: 1, declined: 1, awaiting: 0, answeredOnTime: 2, handled: 1, handledOnTime: 1, callbacks: 1, satisfied: 1,
    });
    expect(row('S02')).toMatchObject({ referred: 1, accepted: 1, declined: 0, handled: 0, callbacks: 0 });
    expect(board.totals).toMatchObject({ referred: 3, accepted: 2, declined: 1, handled: 1, satisfied: 1 });
    expect(board.rows[0]!.organisationId).toBe(org('S01').id);
    const dashboard = await call<DashboardData>('leader', 'dashboard.data', {});
    expect(dashboard.organisations).toEqual(board.totals);
    // A month with no referrals shows zeros, not last month's numbers.
    const empty = await call<ParticipationBoard>('leader', 'organisations.participation', { period: { kind: 'year', year: 2020 } });
    expect(empty.totals.referred).toBe(0);
  });
});

describe('the directory of social organisations', () => {
  it('keeps the area served and the capacity, audited; bad values get a Chinese reason and change nothing', async () => {
    const [s01] = (await call<OrganisationAdminRow[]>('admin', 'organisations.list', {})).filter((o) => o.code === 'S01');
    const community = ref.regions.find((r) => r.level === 'community')!;
    const saved = await call<OrganisationAdminRow>('admin', 'organisations.save', { ...s01, contactPhone: '13823186724', areaRegionIds: [community.id], capacity: 30 });
    expect(saved).toMatchObject({ areaRegionIds: [community.id], capacity: 30 });
    const audit = await t.backend.knex('audit_log').where({ action: 'organisation.update', target_id: s01!.id }).orderBy('at', 'desc').first();
    expect(JSON.parse(audit.detail)).toMatchObject({ after: { capacity: 30 } });
    expect((await refused('admin', 'organisations.save', { ...saved, capacity: -1 })).message).toContain('承接能力须为 0–10000 的整数');
    // A grid is not an area an organisation serves: streets and communities are.
    expect((await refused('admin', 'organisations.save', { ...saved, areaRegionIds: [grid().id] })).message).toContain('服务区域须为现有的街道或社区');
    expect((await call<OrganisationAdminRow[]>('admin', 'organisations.list', {})).find((o) => o.id === s01!.id)).toMatchObject({ capacity: 30 });
    const reference = await call<ReferenceData>('dispatcher', 'reference.get', {});
    expect(reference.organisations.find((o) => o.id === s01!.id)).toMatchObject({ capacity: 30, areaRegionIds: [community.id], active: true });
  });

  it('an organisation account must name an active organisation', async () => {
    const base = { username: 'org-new', displayName: '新社工', role: 'organisation_staff', password: 'Welcome2026x' };
    expect((await refused('admin', 'users.save', base)).message).toContain('社会组织人员须指定所属社会组织');
    const made = await call<{ organisationId: string }>('admin', 'users.save', { ...base, organisationId: org('S02').id });
    expect(made.organisationId).toBe(org('S02').id);
    expect((await refused('admin', 'users.save', { ...base, username: 'org-x', role: 'dispatcher', organisationId: org('S02').id })).message)
      .toContain('只有社会组织人员可以指定所属社会组织');
  });
});
