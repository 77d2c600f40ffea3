import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsRehash, verifyPassword } from '../../db/repositories/users';
import { DEMO_PASSWORD } from '../../db/seed/demoPeople';
import { openTestBackend, type TestBackend } from '../support/backend';

// Issue 13 §7: the demo accounts share a password, but not a salt or a hash.

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 0 });
});
afterAll(async () => t.close());

const hashOf = async (username: string) => (await t.backend.knex('users').where({ username }).first('password_hash')).password_hash as string;

describe('demo accounts', () => {
  it('each have their own salt and hash', async () => {
    const hashes = (await t.backend.knex('users').select('password_hash')).map((r) => r.password_hash as string);
    expect(hashes.length).toBeGreaterThan(50);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(new Set(hashes.map((h) => h.split('$')[4])).size).toBe(hashes.length);
  });

  it('are rehashed at the full cost, with a new salt, on first sign-in', async () => {
    const before = await hashOf('leader');
    expect(needsRehash(before)).toBe(true);
    await t.login('leader');
    const after = await hashOf('leader');
    expect(after).not.toBe(before);
    expect(needsRehash(after)).toBe(false);
    expect(await verifyPassword(DEMO_PASSWORD, after)).toBe(true);
    await t.login('leader');
    expect(await hashOf('leader')).toBe(after);
  });
});
