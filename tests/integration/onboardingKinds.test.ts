import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts, type TestBackend } from '../support/backend';
import { ADMIN, issueLines, onboardingCaller, openRealOffice, workbookBytes, type OnboardingCall } from '../support/onboarding';

let t: TestBackend;
let admin: string;
let call: OnboardingCall;
const PASSWORD = 'Start-2026a';

beforeAll(async () => {
  ({ t, admin } = await openRealOffice());
  call = onboardingCaller(t, () => admin);
  const regions = await call('onboarding.confirm', 'regions', await workbookBytes('区域', [
    ['区域编码', '名称'],
    ['500112', '渝北区'],
    ['500112001', '青枫街道'],
    ['500112001001', '望湖社区'],
    ['500112001001001', '望湖一网格'],
    ['500112001001002', '望湖二网格'],
  ]));
  expect(regions.created).toBe(5);
});
afterAll(async () => t.close());

/** Imports, then imports the same file again: the second run must change nothing at all. */
async function importTwice(kind: Parameters<OnboardingCall>[1], bytes: Buffer, created: number, password?: string) {
  const dry = await call('onboarding.dryRun', kind, bytes, undefined, password);
  expect(issueLines(dry)).toEqual([]);
  expect(dry).toMatchObject({ created, written: false });
  const done = await call('onboarding.confirm', kind, bytes, undefined, password);
  expect(done).toMatchObject({ created, updated: 0, written: true });
  const counts = await tableCounts(t.backend);
  const again = await call('onboarding.confirm', kind, bytes, undefined, password);
  expect(again).toMatchObject({ created: 0, updated: 0, unchanged: done.rows, written: true });
  expect(await tableCounts(t.backend)).toEqual(counts);
  return done;
}

describe('onboarding each kind from its template', () => {
  it('departments: new ones created with contacts and duty hours, shipped ones updated by code, audited as excel', async () => {
    const bytes = await workbookBytes('部门', [
      ['部门编码*', '部门名称*', '简称', '垂直管理', '联系人', '联系电话', '值班时间', '状态'],
      ['D50', '青枫街道综合行政执法大队', '执法大队', '否', '李军', '023-6789 1234', '工作日 8:30–17:30', '启用'],
      ['D51', '望湖物业服务中心', null, null, null, '+86 13800138000', null, null],
    ]);
    await importTwice('departments', bytes, 2);
    const d50 = await t.backend.knex('departments').where({ code: 'D50' }).first();
    expect(d50).toMatchObject({ name: '青枫街道综合行政执法大队', short_name: '执法大队', contact_person: '李军', phone: '023-67891234', duty_hours: '工作日 8:30–17:30', active: 1, vertical: 0 });
    expect((await t.backend.knex('departments').where({ code: 'D51' }).first()).phone).toBe('13800138000');
    const audit = await t.backend.knex('audit_log').where({ action: 'department.create', target_id: d50.id }).first();
    expect(JSON.parse(audit.detail)).toMatchObject({ via: 'excel', before: null, after: { code: 'D50', name: '青枫街道综合行政执法大队' } });

    const renamed = await call('onboarding.confirm', 'departments', await workbookBytes('部门', [['部门编码', '部门名称', '状态'], ['D01', '渝北区公安分局', '停用']]));
    expect(renamed).toMatchObject({ updated: 1, written: true });
    expect(await t.backend.knex('departments').where({ code: 'D01' }).first()).toMatchObject({ name: '渝北区公安分局', active: 0 });
  });

  it('social organisations, with their services as a list', async () => {
    const bytes = await workbookBytes('社会组织', [
      ['组织编码*', '组织名称*', '类型', '服务项目', '联系人', '联系电话', '地址'],
      ['SO90', '望湖社区志愿服务队', '志愿服务', '助老、环境整治，义诊', '赵敏', '13700137000', '望湖路 1 号'],
    ]);
    await importTwice('organisations', bytes, 1);
    const row = await t.backend.knex('organisations').where({ code: 'SO90' }).first();
    expect(JSON.parse(row.services)).toEqual(['助老', '环境整治', '义诊']);
  });

  it('categories: a new one with its limits, and an edit that is versioned', async () => {
    const header = ['类别编码*', '大类名称*', '小类名称*', '立案标准*', '结案标准*', '默认处置部门编码', '关键词', '网格可受理', '事项性质', '优先级', '受理时限*', '签收时限*', '处置时限*', '核查时限*', '回访时限*'];
    const bytes = await workbookBytes('事项类别', [
      header,
      ['0199', '市容环境', '共享单车乱停', '公共区域共享单车堆放影响通行', '车辆清理归位', 'D50', '单车、共享单车、乱停', '是', null, '普通', '2工作小时', '1工作小时', '1工作日', '4工作小时', '2工作日'],
    ]);
    await importTwice('categories', bytes, 1);
    const created = await t.backend.knex('categories').where({ code: '0199' }).first();
    expect(JSON.parse(created.limits)).toEqual({
      accept: { amount: 2, unit: 'working_hours' }, sign: { amount: 1, unit: 'working_hours' }, handle: { amount: 1, unit: 'working_days' },
      verify: { amount: 4, unit: 'working_hours' }, callback: { amount: 2, unit: 'working_days' },
    });
    expect(created.grid_admissible).toBe(1);
    const edited = await call('onboarding.confirm', 'categories', await workbookBytes('事项类别', [
      header,
      ['0199', '市容环境', '共享单车乱停放', '公共区域共享单车堆放影响通行', '车辆清理归位', 'D50', '单车、共享单车', '是', null, '紧急', '2工作小时', '1工作小时', '24小时', '4工作小时', '2工作日'],
    ]));
    expect(edited).toMatchObject({ updated: 1, written: true });
    expect(await t.backend.knex('category_versions').where({ category_id: created.id })).toHaveLength(2);
  });

  it('users: staff and grid workers with their grids; new accounts share the initial password and must change it', async () => {
    const bytes = await workbookBytes('用户', [
      ['用户名*', '姓名*', '角色*', '手机号', '所属部门编码', '负责网格编码', '网格长', '状态'],
      ['zhangwei', '张伟', '调度员', 13800138000, null, null, null, null],
      ['liuyang', '刘洋', '部门人员', '023-67891234', 'D50', null, null, '启用'],
      ['chenjing', '陈静', '网格员', '13900139000', null, '500112001001001、500112001001002', '是', null],
    ]);
    await importTwice('users', bytes, 3, PASSWORD);
    const chen = await t.backend.knex('users').where({ username: 'chenjing' }).first();
    const grids = await t.backend.knex('regions').whereIn('code', ['500112001001001', '500112001001002']).orderBy('code').pluck('id');
    expect(chen).toMatchObject({ role: 'grid_worker', grid_leader: 1, must_change_password: 1, region_id: grids[0], phone: '13900139000' });
    expect(JSON.parse(chen.grid_ids)).toEqual(grids);
    const login = await t.dispatch('auth.login', { username: 'liuyang', password: PASSWORD }, null);
    expect(login.ok).toBe(true);
    expect((login as { result: { mustChangePassword?: boolean } }).result.mustChangePassword).toBe(true);
    // The same file with another password leaves existing accounts' passwords alone.
    await call('onboarding.confirm', 'users', bytes, undefined, 'Other-pass-9');
    expect((await t.dispatch('auth.login', { username: 'zhangwei', password: PASSWORD }, null)).ok).toBe(true);
  });

  it('users: disabling an account in the file ends its sessions', async () => {
    const token = await t.login('zhangwei', PASSWORD);
    expect((await t.dispatch('auth.me', {}, token)).ok).toBe(true);
    const done = await call('onboarding.confirm', 'users', await workbookBytes('用户', [['用户名', '姓名', '角色', '状态'], ['zhangwei', '张伟', '调度员', '停用']]));
    expect(done).toMatchObject({ updated: 1, written: true });
    expect((await t.dispatch('auth.me', {}, token)).ok).toBe(false);
    expect((await t.dispatch('auth.login', { username: 'zhangwei', password: PASSWORD }, null)).ok).toBe(false);
  });

  it('a UTF-8 CSV works like the workbook; the admin account itself is matched, not duplicated', async () => {
    const csv = Buffer.from(`\uFEFF用户名,姓名,角色\r\n${ADMIN.username},王主任,系统管理员\r\nwangfang,王芳,值班长\r\n`);
    const outcome = await call('onboarding.confirm', 'users', csv, 'users.csv', PASSWORD);
    expect(issueLines(outcome)).toEqual([]);
    expect(outcome).toMatchObject({ created: 1, unchanged: 1, written: true });
  });
});
