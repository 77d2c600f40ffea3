import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../core/api/contract';
import type { UserAdminRow } from '../../core/api/adminTypes';
import type { LoginResult, ReferenceData } from '../../core/api/types';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
let admin: string;
let ref: ReferenceData;

async function call<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
  const response = await t.dispatch(method, input, token);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

const login = (username: string, password: string) => call<LoginResult>('auth.login', { username, password }, null);
const grid = (code: string) => ref.regions.find((r) => r.code === code)!.id;

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 10 });
  admin = await t.login('admin');
  ref = await call('reference.get', {});
});
afterAll(async () => t.close());

/** The methods a session with an initial password may still call. */
const ALLOWED = new Set<MethodName>(['auth.changePassword', 'auth.logout', 'auth.logoutEverywhere', 'auth.me']);

describe('a password set by an admin must be changed before anything else (server side)', () => {
  let worker: UserAdminRow;

  it('refuses every signed-in method with PASSWORD_CHANGE_REQUIRED until the change, then the same session works', async () => {
    worker = await call<UserAdminRow>('users.save', {
      username: 'gw-forced', displayName: '强制改密', role: 'grid_worker', gridIds: [grid('500112003001001')], password: 'Start2026x',
    });
    const first = await login('gw-forced', 'Start2026x');
    expect(first.mustChangePassword).toBe(true);
    const token = first.token;

    const signedIn = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access !== 'public' && !ALLOWED.has(m));
    expect(signedIn.length).toBeGreaterThan(50);
    for (const method of signedIn) {
      const response = await t.dispatch(method, {}, token);
      expect(response.ok, method).toBe(false);
      if (!response.ok) {
        expect(response.error.code, method).toBe('PASSWORD_CHANGE_REQUIRED');
        expect(response.error.message).toContain('请先修改初始密码');
      }
    }
    // The probe still answers (the renderer's reload), and the public wall snapshot lends the session nothing.
    expect((await call<{ username: string }>('auth.me', {}, token)).username).toBe('gw-forced');
    const wall = await t.dispatch('bigscreen.snapshot', {}, token);
    expect(wall.ok).toBe(false);

    await call('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'Mine2026abc' }, token);
    const list = await call<{ rows: unknown[] }>('cases.list', {}, token);
    expect(Array.isArray(list.rows)).toBe(true);
    expect((await login('gw-forced', 'Mine2026abc')).mustChangePassword).toBe(false);
  });

  it('after an admin reset, the new session is held again until the user changes the password', async () => {
    await call('users.resetPassword', { id: worker.id, password: 'Reset2026z' });
    const { token, mustChangePassword } = await login('gw-forced', 'Reset2026z');
    expect(mustChangePassword).toBe(true);
    const refused = await t.dispatch('cases.list', {}, token);
    expect(refused.ok ? null : refused.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const reference = await t.dispatch('reference.get', {}, token);
    expect(reference.ok ? null : reference.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Signing out is still possible, and ends the session.
    await call('auth.logout', {}, token);
    expect((await t.dispatch('auth.me', {}, token)).ok).toBe(false);
  });
});
