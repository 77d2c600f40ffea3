/**
 * User accounts in and out. Accounts are never deleted (history names them): they are disabled.
 * A new account and a reset password must be changed at the next login.
 */
import type { Knex } from 'knex';
import { ApiError } from '../../../core/api/errors';
import type { UserAdminRow } from '../../../core/api/adminTypes';
import { passwordFault } from '../../../core/admin/password';
import { cleanUser, validateUserRecords, type UserRecord } from '../../../core/admin/users';
import type { Role } from '../../../core/domain/roles';
import type { Row, WriteTx } from '../../writePath';
import { writeAudit } from '../audit';
import { hashPassword } from '../users';
import { recordFaultsError, writeRecords, type ChangeSource, type WriteResult } from './recordWriter';

type Db = Knex | Knex.Transaction;

const USER_SPEC = { table: 'users', keyColumn: 'username', entity: 'user', secret: ['password_hash'], createOnly: ['password_hash', 'must_change_password'] } as const;

/** What a user record needs checked against: stored accounts, active departments and active grids. */
async function userRules(db: Db) {
  const [stored, departments, grids, organisations] = await Promise.all([
    db('users').where({ deleted: 0 }).select('id', 'username'),
    db('departments').where({ deleted: 0, active: 1 }).select('id'),
    db('regions').where({ deleted: 0, active: 1, level: 'grid' }).select('id'),
    db('organisations').where({ deleted: 0, active: 1 }).select('id'),
  ]);
  return {
    stored: stored as Array<{ id: string; username: string }>,
    departmentIds: new Set(departments.map((d) => d.id as string)),
    gridIds: new Set(grids.map((g) => g.id as string)),
    organisationIds: new Set(organisations.map((o) => o.id as string)),
  };
}

/** The faults of a batch without writing anything (a dry run). */
export async function checkUsers(db: Db, input: readonly UserRecord[]) {
  return validateUserRecords(input.map(cleanUser), await userRules(db));
}

/**
 * Creates or updates accounts (matched by id, else by username). Passwords are hashed before the
 * caller's transaction would hold the database: pass `hashes` made with `hashUserPasswords`.
 */
export async function saveUsers(tx: WriteTx, input: readonly UserRecord[], source: ChangeSource, hashes: ReadonlyMap<string, string> = new Map()): Promise<WriteResult> {
  const records = input.map(cleanUser);
  const faults = validateUserRecords(records, await userRules(tx.trx));
  if (faults.length) throw recordFaultsError(faults);
  return writeRecords(tx, USER_SPEC, records.map((r) => {
    const gridIds = r.gridIds ?? (r.role === 'grid_worker' ? undefined : []);
    const columns: Row = {
      display_name: r.displayName,
      role: r.role,
      department_id: r.role === 'department_staff' ? r.departmentId ?? null : null,
      organisation_id: r.role === 'organisation_staff' ? r.organisationId ?? null : null,
      ...(gridIds !== undefined ? { grid_ids: JSON.stringify(gridIds), region_id: gridIds[0] ?? null } : {}),
      grid_leader: r.role === 'grid_worker' && r.gridLeader ? 1 : 0,
      ...(r.phone !== undefined ? { phone: r.phone } : {}),
      ...(r.active !== undefined ? { active: r.active ? 1 : 0 } : {}),
    };
    const hash = hashes.get(r.username);
    // Only written on creation: a password is changed by resetPassword, never by an edit.
    if (hash) Object.assign(columns, { password_hash: hash, must_change_password: 1 });
    return { ...(r.id ? { id: r.id } : {}), key: r.username, columns };
  }), source);
}

/** Hashes (scrypt, slow on purpose) every given password, outside any transaction. */
export async function hashUserPasswords(records: readonly UserRecord[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const r of records) if (r.password !== undefined) hashes.set(r.username.trim(), await hashPassword(r.password));
  return hashes;
}

export async function listUsersForAdmin(db: Db, lockedSeconds: (username: string) => number): Promise<UserAdminRow[]> {
  const rows = await db('users').where({ deleted: 0 }).orderBy('username');
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, phone: r.phone,
    departmentId: r.department_id, organisationId: r.organisation_id ?? null, gridIds: JSON.parse(r.grid_ids || '[]') as string[], gridLeader: Number(r.grid_leader) === 1,
    active: Number(r.active) === 1, mustChangePassword: Number(r.must_change_password) === 1,
    lockedSeconds: lockedSeconds(r.username),
  }));
}

export async function findAccount(db: Db, id: string): Promise<{ id: string; username: string; active: boolean } | undefined> {
  const r = await db('users').where({ id, deleted: 0 }).first('id', 'username', 'active');
  return r ? { id: r.id, username: r.username, active: Number(r.active) === 1 } : undefined;
}

/** Sets a new password. `forced`: an admin's reset, to be changed at the next login; else the user's own change. */
export async function setPassword(tx: WriteTx, account: { id: string; username: string }, password: string, forced: boolean, source: ChangeSource): Promise<void> {
  const fault = passwordFault(password, account.username);
  if (fault) throw new ApiError('VALIDATION_FAILED', fault, [{ path: 'password', message: fault }]);
  const before = await tx.trx('users').where({ id: account.id }).first('must_change_password');
  await tx.update('users', account.id, { password_hash: await hashPassword(password), must_change_password: forced ? 1 : 0 });
  await writeAudit(tx, source.at, {
    userId: source.userId, action: forced ? 'user.reset_password' : 'user.change_password', targetType: 'user', targetId: account.id,
    detail: {
      key: account.username, via: source.via,
      before: { password_hash: '***', must_change_password: Number(before?.must_change_password ?? 0) },
      after: { password_hash: '***', must_change_password: forced ? 1 : 0 },
    },
  });
}

/** Disables or enables an account (never deleted: history names it), audited like any edit. */
export async function setAccountActive(tx: WriteTx, account: { id: string; username: string }, active: boolean, source: ChangeSource): Promise<void> {
  await writeRecords(tx, USER_SPEC, [{ id: account.id, key: account.username, columns: { active: active ? 1 : 0 } }], source);
}
