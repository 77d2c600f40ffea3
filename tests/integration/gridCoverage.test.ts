import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserAdminRow } from '../../core/api/adminTypes';
import type { LoginResult, ReferenceData } from '../../core/api/types';
import { chinaDay } from '../../core/assessment';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
let admin: string;
let ref: ReferenceData;

async function call<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
  const response = await t.dispatch(method, input, token);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}
async function refusal(method: string, input: unknown, token: string) {
  const response = await t.dispatch(method, input, token);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

const grid = (code: string) => ref.regions.find((r) => r.code === code)!.id;
const A = '500112003001001';
const B = '500112003001002';
const C = '500112004001001';

/** A new account signs in and changes the initial password (the server allows nothing else before). */
async function firstLogin(username: string): Promise<string> {
  const { token } = await call<LoginResult>('auth.login', { username, password: 'Start2026x' }, null);
  await call('auth.changePassword', { currentPassword: 'Start2026x', newPassword: 'Mine2026abc' }, token);
  return token;
}

type Period = { kind: 'month'; year: number; month: number };
const drillTotal = (token: string, period: Period, kind: string, targetId: string, indicator: string) =>
  call<{ total: number }>('assessment.drill', { period, kind, targetId, indicator, part: 'denominator', pageSize: 1 }, token).then((d) => d.total);

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 600 });
  admin = await t.login('admin');
  ref = await call('reference.get', {});
});
afterAll(async () => t.close());

describe('a grid worker covering several grids, and the grid leader (网格长)', () => {
  let leader: UserAdminRow;
  let leaderToken: string;

  it('a grid worker’s indicators cover every grid they are assigned to, not only the home grid', async () => {
    leader = await call<UserAdminRow>('users.save', {
      username: 'gw-two-grids', displayName: '双网格', role: 'grid_worker', gridIds: [grid(A), grid(B)], gridLeader: true, password: 'Start2026x',
    });
    leaderToken = await firstLogin('gw-two-grids');
    // Months of the demo history, newest first, until one has verification requests in both grids.
    const [y, m] = chinaDay(t.backend.now()).split('-').map(Number) as [number, number];
    let checked = 0;
    for (let back = 0; back < 12; back++) {
      const month = ((m - 1 - back) % 12 + 12) % 12 + 1;
      const period: Period = { kind: 'month', year: y - (back >= m ? 1 : 0), month };
      const inA = await drillTotal(admin, period, 'grid', grid(A), 'on_time_verification_rate');
      const inB = await drillTotal(admin, period, 'grid', grid(B), 'on_time_verification_rate');
      if (inA === 0 || inB === 0) continue;
      const worker = await drillTotal(leaderToken, period, 'grid_worker', leader.id, 'on_time_verification_rate');
      expect(worker).toBe(inA + inB);
      // The home grid's own worker still answers for the home grid alone.
      const homeWorker = (await call<UserAdminRow[]>('users.list', {})).find((u) => u.username === 'gw003001001')!;
      expect(await drillTotal(admin, period, 'grid_worker', homeWorker.id, 'on_time_verification_rate')).toBe(inA);
      checked += 1;
      break;
    }
    expect(checked).toBe(1);
  });

  it('a grid leader may open the scorecard of each grid they cover, and no other; a plain grid worker only their own', async () => {
    for (const code of [A, B]) {
      const profile = await call<{ target: { kind: string; id: string } }>('assessment.profile', { kind: 'grid', targetId: grid(code), months: 1 }, leaderToken);
      expect(profile.target).toMatchObject({ kind: 'grid', id: grid(code) });
    }
    const other = await refusal('assessment.profile', { kind: 'grid', targetId: grid(C), months: 1 }, leaderToken);
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: '只能查看本人及本人负责网格的考核明细' });
    expect((await call<{ target: { id: string } }>('assessment.profile', { kind: 'grid_worker', targetId: leader.id, months: 1 }, leaderToken)).target.id).toBe(leader.id);

    const plain = await t.login('gw003001001');
    expect((await refusal('assessment.profile', { kind: 'grid', targetId: grid(A), months: 1 }, plain)).message).toBe('只能查看本人的考核明细');
  });

  it('the 网格长 flag travels in the session; taking it away signs the user out', async () => {
    const me = await call<{ gridLeader?: boolean; gridIds?: string[] }>('auth.me', {}, leaderToken);
    expect(me).toMatchObject({ gridLeader: true, gridIds: [grid(A), grid(B)] });
    await call('users.save', { id: leader.id, username: 'gw-two-grids', displayName: '双网格', role: 'grid_worker', gridIds: [grid(A), grid(B)], gridLeader: false });
    expect((await refusal('auth.me', {}, leaderToken)).code).toBe('UNAUTHENTICATED');
    const { token } = await call<LoginResult>('auth.login', { username: 'gw-two-grids', password: 'Mine2026abc' }, null);
    expect((await call<{ gridLeader?: boolean }>('auth.me', {}, token)).gridLeader).toBeUndefined();
    expect((await refusal('assessment.profile', { kind: 'grid', targetId: grid(A), months: 1 }, token)).code).toBe('FORBIDDEN');
  });
});
