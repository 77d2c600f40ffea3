import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';

// Issue 13 §5: sessions end a week after sign-in however busy, and "sign out everywhere" ends them all.

let t: TestBackend;
let now = Date.UTC(2026, 11, 1, 1);
beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0, now: () => now });
});
afterAll(async () => t.close());

const me = async (token: string) => (await t.dispatch('auth.me', {}, token)).ok;

describe('sessions', () => {
  it('end seven days after sign-in even when used every hour', async () => {
    const token = await t.login('dispatcher');
    const started = now;
    let lastGood = started;
    for (now = started; now < started + 27 * 86_400_000; now += 3_600_000) {
      if (!(await me(token))) break;
      lastGood = now;
    }
    expect(lastGood - started).toBeLessThan(7 * 86_400_000);
    expect(lastGood - started).toBeGreaterThan(7 * 86_400_000 - 2 * 3_600_000);
    expect(await me(token)).toBe(false);
  });

  it('all end with "sign out everywhere", and only that user’s', async () => {
    const [pc, browser, colleague] = [await t.login('leader'), await t.login('leader'), await t.login('shiftlead')];
    const response = await t.dispatch('auth.logoutEverywhere', {}, browser);
    expect(response.ok && response.result).toEqual({ ended: 2 });
    expect(await me(pc)).toBe(false);
    expect(await me(browser)).toBe(false);
    expect(await me(colleague)).toBe(true);
    const audit = await t.backend.knex('audit_log').where('action', 'auth.logout_everywhere').first();
    expect(audit).toBeDefined();
  });
});
