import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Knex } from 'knex';
import type { SessionUser } from '../../core/api/types';
import type { Role } from '../../core/domain/roles';
import { oneHashAtATime } from './hashQueue';

// OWASP's minimum for scrypt: N=2^17 is too slow for a login on old office PCs; 2^15 with r=8.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 };

/** Off the event loop (libuv's thread pool), and one at a time so SQLite keeps its threads. */
function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return oneHashAtATime(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

/**
 * The cost the demo office's accounts are first hashed at: each with its own salt, but cheap, so
 * seeding 80 accounts takes a moment rather than eight seconds. The demo password is printed
 * in the README anyway; the first sign-in rehashes at the full cost (`needsRehash`).
 */
export const DEMO_SCRYPT_N = 2 ** 10;

/** Self-describing hash: scrypt$N$r$p$salt$key, so parameters can be raised later. A fresh random salt every time. */
export async function hashPassword(password: string, cost: { N?: number } = {}): Promise<string> {
  const salt = randomBytes(16);
  const { r, p, keyLength, maxmem } = SCRYPT;
  const N = cost.N ?? SCRYPT.N;
  const key = await scrypt(password, salt, keyLength, { N, r, p, maxmem });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A hash made at less than today's cost (or another scheme): replace it when the password is next proven. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < SCRYPT.N || Number(r) < SCRYPT.r;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A grid worker's grids: the home grid first, then the others assigned (users.grid_ids). */
export function gridIdsOf(home: string | null, stored: string | null | undefined): string[] {
  const others = JSON.parse(stored || '[]') as string[];
  return [...new Set([...(home ? [home] : []), ...others])];
}

export interface UserRecord extends SessionUser {
  passwordHash: string;
  active: boolean;
  mustChangePassword: boolean;
}

export async function findUserByUsername(db: Knex | Knex.Transaction, username: string): Promise<UserRecord | undefined> {
  const r = await db('users').where({ username, deleted: 0 }).first();
  if (!r) return undefined;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    departmentId: r.department_id,
    regionId: r.region_id,
    ...(r.role === 'grid_worker' ? { gridIds: gridIdsOf(r.region_id, r.grid_ids) } : {}),
    ...(r.role === 'organisation_staff' && r.organisation_id ? { organisationId: r.organisation_id as string } : {}),
    ...(r.role === 'grid_worker' && Number(r.grid_leader ?? 0) === 1 ? { gridLeader: true as const } : {}),
    passwordHash: r.password_hash,
    active: Boolean(r.active),
    mustChangePassword: Number(r.must_change_password ?? 0) === 1,
  };
}

export async function countUsers(db: Knex | Knex.Transaction): Promise<number> {
  const row = await db('users').where({ deleted: 0 }).count<{ n: number | string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function loadUserNames(db: Knex | Knex.Transaction, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db('users').whereIn('id', [...new Set(ids)]).select('id', 'display_name');
  return new Map(rows.map((r) => [r.id as string, r.display_name as string]));
}
