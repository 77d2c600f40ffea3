import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

let t: TestBackend;

beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(async () => t.close());

/** A refused call changes nothing but, for a refused role, the audit row that records the refusal (issue 13). */
async function expectRefusedWithoutChange(call: () => Promise<unknown>, auditRows = 0) {
  const before = await tableCounts(t.backend);
  const response = (await call()) as { ok: boolean; error?: { code: string; message: string; issues?: unknown[] } };
  expect(response.ok).toBe(false);
  expect(await tableCounts(t.backend)).toEqual({ ...before, audit_log: before.audit_log! + auditRows, outbox: before.outbox! + auditRows });
  return response.error!;
}

describe('the API contract at the dispatcher', () => {
  it('refuses an unknown method with a Chinese message', async () => {
    const error = await expectRefusedWithoutChange(() => t.dispatch('cases.delete', { id: 'x' }, null));
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toContain('未知的操作');
    expect(error.message).toContain('cases.delete');
  });

  it('refuses a call without a session before looking at the input', async () => {
    const error = await expectRefusedWithoutChange(() => t.dispatch('cases.list', { page: 'one' }, null));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('登录已失效，请重新登录');
  });

  it('refuses a wrong type and names the field', async () => {
    const token = await t.login('dispatcher');
    const error = await expectRefusedWithoutChange(() => t.dispatch('cases.list', { page: 'one' }, token));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^输入有误：无效输入：期望 数字/);
    expect(error.issues).toEqual([{ path: 'page', message: expect.stringContaining('期望') }]);
  });

  it('refuses a missing field', async () => {
    const error = await expectRefusedWithoutChange(() => t.dispatch('auth.login', { username: 'dispatcher' }, null));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([{ path: 'password', message: '缺少必填项' }]);
  });

  it('refuses fields the contract does not know', async () => {
    const error = await expectRefusedWithoutChange(() =>
      t.dispatch('setup.initialise', { adminUsername: 'boss', adminPassword: 'long-enough-1', adminDisplayName: '王', role: 'admin' }, null),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('输入有误：不认识的字段：role');
  });

  it('refuses a role the method does not allow', async () => {
    const token = await t.login('dispatcher');
    const error = await expectRefusedWithoutChange(() => t.dispatch('audit.list', {}, token), 1);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('当前角色无权执行此操作');
  });

  it('lets an allowed role through', async () => {
    const token = await t.login('admin');
    const response = await t.dispatch('audit.list', { pageSize: 5 }, token);
    expect(response.ok).toBe(true);
    expect((response as { result: { rows: unknown[] } }).result.rows.length).toBeGreaterThan(0);
  });

  it('refuses setup once the office exists', async () => {
    const error = await expectRefusedWithoutChange(() => t.dispatch('setup.loadDemo', {}, null));
    expect(error.code).toBe('CONFLICT');
  });

  it('refuses a wrong password with a Chinese message, and logs the attempt', async () => {
    const before = await tableCounts(t.backend);
    const response = await t.dispatch('auth.login', { username: 'dispatcher', password: 'wrong' }, null);
    expect(response).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } });
    expect((await tableCounts(t.backend)).audit_log).toBe(before.audit_log! + 1);
  });

  it('signs a session out', async () => {
    const token = await t.login('leader');
    expect((await t.dispatch('auth.me', {}, token)).ok).toBe(true);
    await t.dispatch('auth.logout', {}, token);
    const after = await t.dispatch('auth.me', {}, token);
    expect(after.ok).toBe(false);
  });
});
