import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserAdminRow } from '../../core/api/adminTypes';
import type { LoginResult, ReferenceData } from '../../core/api/types';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

let t: TestBackend;
let admin: string;
let ref: ReferenceData;

async function call<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
  const response = await t.dispatch(method, input, token);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

async function refusal(method: string, input: unknown, token: string | null = admin) {
  const response = await t.dispatch(method, input, token);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

const login = (username: string, password: string) => call<LoginResult>('auth.login', { username, password }, null);
const grid = (code: string) => ref.regions.find((r) => r.code === code)!.id;
const department = (code: string) => ref.departments.find((d) => d.code === code)!.id;
const auditOf = async (action: string, targetId: string) =>
  (await t.backend.knex('audit_log').where({ action, target_id: targetId }).orderBy('at')).map((r) => JSON.parse(r.detail));

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 10 });
  admin = await t.login('admin');
  ref = await call('reference.get', {});
});
afterAll(async () => t.close());

describe('user accounts', () => {
  let worker: UserAdminRow;

  it('creates a grid worker covering two grids as 网格长; the first login must change the password', async () => {
    worker = await call<UserAdminRow>('users.save', {
      username: 'gw-zhang', displayName: '张网格', role: 'grid_worker', phone: '139 8765 4321',
      gridIds: [grid('500112003001001'), grid('500112003001002')], gridLeader: true, password: 'Start2026x',
    });
    expect(worker).toMatchObject({ role: 'grid_worker', phone: '13987654321', gridLeader: true, active: true, mustChangePassword: true });
    expect(worker.gridIds).toHaveLength(2);
    const first = await login('gw-zhang', 'Start2026x');
    expect(first.mustChangePassword).toBe(true);
    expect(first.user.regionId).toBe(grid('500112003001001'));
    const [created] = await auditOf('user.create', worker.id);
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ username: 'gw-zhang', role: 'grid_worker', password_hash: '***' });
    // The outbox carries the row: the account syncs.
    expect(await t.backend.knex('outbox').where({ table_name: 'users', row_id: worker.id }).first()).toBeTruthy();
  });

  it('every user changes their own password under the policy; afterwards no change is forced', async () => {
    const { token } = await login('gw-zhang', 'Start2026x');
    expect((await refusal('auth.changePassword', { currentPassword: 'wrong1234', newPassword: 'Better2026y' }, token)).message).toBe('当前密码不正确');
    expect((await refusal('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'short1' }, token)).message).toBe('密码至少 8 位');
    expect((await refusal('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'onlyletters' }, token)).message).toBe('密码须同时包含字母和数字');
    expect((await refusal('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'gw-zhang2026' }, token)).message).toBe('密码不能包含用户名');
    await call('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'Better2026y' }, token);
    expect((await login('gw-zhang', 'Better2026y')).mustChangePassword).toBe(false);
    const dispatcher = await t.login('dispatcher');
    await call('auth.changePassword', { currentPassword: 'Demo@2026', newPassword: 'Disp4tch2026' }, dispatcher);
    expect((await login('dispatcher', 'Disp4tch2026')).mustChangePassword).toBe(false);
  });

  it('a reset forces a change at next login and ends the user’s sessions; the audit has no password', async () => {
    const { token } = await login('gw-zhang', 'Better2026y');
    expect((await call<{ username: string }>('auth.me', {}, token)).username).toBe('gw-zhang');
    const weak = await refusal('users.resetPassword', { id: worker.id, password: '12345678' });
    expect(weak).toMatchObject({ code: 'VALIDATION_FAILED', message: '密码须同时包含字母和数字' });
    const row = await call<UserAdminRow>('users.resetPassword', { id: worker.id, password: 'Reset2026z' });
    expect(row.mustChangePassword).toBe(true);
    expect((await refusal('auth.me', {}, token)).code).toBe('UNAUTHENTICATED');
    expect((await login('gw-zhang', 'Reset2026z')).mustChangePassword).toBe(true);
    const [reset] = await auditOf('user.reset_password', worker.id);
    expect(reset).toMatchObject({ before: { must_change_password: 0 }, after: { must_change_password: 1 } });
    expect(JSON.stringify(reset)).not.toContain('Reset2026z');
  });

  it('disabling ends the sessions and refuses login; enabling lets the user back in; nothing is deleted', async () => {
    const { token } = await login('gw-zhang', 'Reset2026z');
    const disabled = await call<UserAdminRow>('users.setActive', { id: worker.id, active: false });
    expect(disabled.active).toBe(false);
    expect((await refusal('auth.me', {}, token)).code).toBe('UNAUTHENTICATED');
    expect((await refusal('auth.login', { username: 'gw-zhang', password: 'Reset2026z' }, null)).message).toBe('账号已停用，请联系管理员');
    const [audit] = await auditOf('user.update', worker.id);
    expect(audit).toMatchObject({ before: { active: 1 }, after: { active: 0 } });
    await call('users.setActive', { id: worker.id, active: true });
    expect((await login('gw-zhang', 'Reset2026z')).user.username).toBe('gw-zhang');
    expect(await t.backend.knex('users').where({ id: worker.id, deleted: 0 }).first()).toBeTruthy();
    expect((await refusal('users.setActive', { id: (await call<{ id: string }>('auth.me', {})).id, active: false })).message).toBe('不能停用自己的账号');
  });

  it('edits role and department with before/after; the edited user is signed out', async () => {
    const { token } = await login('gw-zhang', 'Reset2026z');
    const edited = await call<UserAdminRow>('users.save', { id: worker.id, username: 'gw-zhang', displayName: '张三', role: 'department_staff', departmentId: department('D02') });
    expect(edited).toMatchObject({ role: 'department_staff', departmentId: department('D02'), gridIds: [], gridLeader: false, displayName: '张三' });
    expect((await refusal('auth.me', {}, token)).code).toBe('UNAUTHENTICATED');
    const audits = await auditOf('user.update', worker.id);
    expect(audits.at(-1)).toMatchObject({ before: { role: 'grid_worker', display_name: '张网格', department_id: null }, after: { role: 'department_staff', display_name: '张三', department_id: department('D02') } });
    // Saving the same again writes nothing.
    const before = await tableCounts(t.backend);
    await call('users.save', { id: worker.id, username: 'gw-zhang', displayName: '张三', role: 'department_staff', departmentId: department('D02') });
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('refuses duplicates and inconsistent assignments with Chinese messages, writing nothing', async () => {
    const before = await tableCounts(t.backend);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ username: 'DISPATCHER', displayName: '重名', role: 'dispatcher', password: 'Pass2026a' }, '用户名"DISPATCHER"已被使用'],
      [{ username: 'new-dept', displayName: '无部门', role: 'department_staff', password: 'Pass2026a' }, '部门人员须指定所属部门'],
      [{ username: 'new-gw', displayName: '无网格', role: 'grid_worker', password: 'Pass2026a' }, '网格员须指定至少一个网格'],
      [{ username: 'new-disp', displayName: '调度', role: 'dispatcher', gridLeader: true, password: 'Pass2026a' }, '只有网格员可以担任网格长'],
      [{ username: 'new-disp', displayName: '调度', role: 'dispatcher' }, '新账号须设置初始密码'],
      [{ username: 'new-disp', displayName: '调度', role: 'dispatcher', password: 'Pass2026a', phone: '12345678901234' }, '电话号码"12345678901234"格式不对（手机 11 位，座机如 023-67891234）'],
      [{ username: 'x', displayName: '短', role: 'dispatcher', password: 'Pass2026a' }, '用户名为 2–64 位字母、数字或 _ . @ -'],
    ];
    for (const [input, message] of cases) {
      const error = await refusal('users.save', input);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toContain(message);
    }
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('unlocks an account locked out by wrong passwords', async () => {
    for (let i = 0; i < 5; i += 1) await refusal('auth.login', { username: 'leader', password: 'nope' }, null);
    expect((await refusal('auth.login', { username: 'leader', password: 'Demo@2026' }, null)).message).toMatch(/密码错误次数过多/);
    const leader = (await call<UserAdminRow[]>('users.list', {})).find((u) => u.username === 'leader')!;
    expect(leader.lockedSeconds).toBeGreaterThan(0);
    const unlocked = await call<UserAdminRow>('users.unlock', { id: leader.id });
    expect(unlocked.lockedSeconds).toBe(0);
    expect((await login('leader', 'Demo@2026')).user.username).toBe('leader');
    expect(await auditOf('user.unlock', leader.id)).toHaveLength(1);
  });

  it('a grid worker covering two grids reports and sees cases in both, and in no other', async () => {
    await call('users.save', {
      username: 'gw-two', displayName: '双格网格员', role: 'grid_worker', gridIds: [grid('500112003001001'), grid('500112003001002')], password: 'TwoGrids2026',
    });
    const { token, user } = await login('gw-two', 'TwoGrids2026');
    expect(user.gridIds).toEqual([grid('500112003001001'), grid('500112003001002')]);
    // A new account works only after choosing its own password (the server holds it until then).
    await call('auth.changePassword', { currentPassword: 'TwoGrids2026', newPassword: 'TwoGrids2027' }, token);
    const report = (gridId: string) => t.dispatch('cases.report', {
      source: 'grid_worker', gridId, address: '双湖路 8 号', description: '人行道护栏倒伏，行人绕行', reporterName: '', reporterPhone: '',
    }, token);
    const second = await report(grid('500112003001002'));
    expect(second.ok).toBe(true);
    const other = await report(grid('500112003001003'));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toBe('网格员只能上报本网格的问题');
    const list = await call<{ rows: Array<{ gridId: string }>; total: number }>('cases.list', { pageSize: 500 }, token);
    const grids = new Set(list.rows.map((r) => r.gridId));
    expect(grids.has(grid('500112003001002'))).toBe(true);
    expect([...grids].every((g) => g === grid('500112003001001') || g === grid('500112003001002'))).toBe(true);
    // A grid worker of one grid still sees only that grid.
    const single = await call<{ rows: Array<{ gridId: string }> }>('cases.list', { pageSize: 500 }, await t.login('gw003001001'));
    expect(single.rows.every((r) => r.gridId === grid('500112003001001'))).toBe(true);
  });
});
