/**
 * Users from Excel through the administration's own validator and writer (db/repositories/admin):
 * codes are resolved to ids here; new accounts share the initial password typed on the import
 * screen (hashed once: scrypt for 10,000 accounts one by one would take minutes) and must change
 * it at first login; an existing account's password is never touched by an import.
 */
import { passwordFault } from '../../../core/admin/password';
import type { UserRecord } from '../../../core/admin/users';
import { fileIssue } from '../../../core/import/report';
import { readUserRow, USERS_SPEC, type UserDraft } from '../../../core/import/onboarding/people';
import { checkUsers, saveUsers } from '../../repositories/admin/userAccounts';
import { activeIdsByCode, FaultList } from './codes';
import { noChange, type KindImporter } from './importer';

const PASSWORD_LABEL = '新账号初始密码';

function sharedPasswordFault(password: string | undefined): string | null {
  if (!password) return '有新账号：请在导入页填写“新账号初始密码”';
  const fault = passwordFault(password, '');
  return fault ? `新账号初始密码不符合要求：${fault}` : null;
}

/** Stands in for the hash in a dry run, which is rolled back: hashing there would only cost time. */
const DRY_RUN_HASH = 'dry-run';

export const usersImporter: KindImporter<UserDraft> = {
  spec: USERS_SPEC,
  readRow: readUserRow,
  async apply(run, rows, write) {
    const db = run.tx.trx;
    const [departments, grids, stored] = await Promise.all([
      activeIdsByCode(db, 'departments'),
      activeIdsByCode(db, 'regions', { level: 'grid' }),
      db('users').where({ deleted: 0 }).select('id', 'username', 'active'),
    ]);
    const storedByName = new Map(stored.map((u) => [String(u.username).toLowerCase(), u]));
    const faults = new FaultList(rows);
    const records: UserRecord[] = rows.map(({ draft }, index) => {
      const departmentId = draft.departmentCode === undefined ? undefined : departments.get(draft.departmentCode.toLowerCase());
      if (draft.departmentCode !== undefined && departmentId === undefined) {
        faults.add({ index, field: 'departmentId', reason: `部门编码“${draft.departmentCode}”不存在或已停用：请先导入部门，或核对编码` });
      }
      const unknownGrids = (draft.gridCodes ?? []).filter((code) => !grids.has(code.toLowerCase()));
      if (unknownGrids.length > 0) {
        faults.add({ index, field: 'gridIds', reason: `网格编码 ${unknownGrids.map((c) => `“${c}”`).join('、')} 不存在或已停用：请先导入区域网格，或核对编码` });
      }
      const isNew = !storedByName.has(draft.username.toLowerCase());
      return {
        username: draft.username,
        displayName: draft.displayName,
        role: draft.role,
        ...(draft.phone !== undefined ? { phone: draft.phone } : {}),
        ...(draft.departmentCode !== undefined ? { departmentId: departmentId ?? `unknown:${draft.departmentCode}` } : {}),
        ...(draft.gridCodes !== undefined ? { gridIds: draft.gridCodes.map((code) => grids.get(code.toLowerCase()) ?? `unknown:${code}`) } : {}),
        ...(draft.gridLeader !== undefined ? { gridLeader: draft.gridLeader } : {}),
        ...(draft.active !== undefined ? { active: draft.active } : {}),
        ...(isNew ? { password: run.initialPassword ?? '' } : {}),
      };
    });
    // The shared password is checked once (one line in the report, not one per new account);
    // per account only what depends on it: a password may not contain the username.
    const newAccounts = records.filter((r) => r.password !== undefined).length;
    const passwordIssue = newAccounts === 0 ? null : sharedPasswordFault(run.initialPassword);
    for (const fault of await checkUsers(db, records)) {
      if (fault.field !== 'password') faults.add(fault);
      else if (!passwordIssue) faults.add({ ...fault, reason: `初始密码${fault.reason.replace(/^密码/, '')}：请换一个初始密码` });
    }
    const issues = faults.issues.map((issue) => (issue.column === 'password' ? { ...issue, column: PASSWORD_LABEL } : issue));
    if (passwordIssue) issues.unshift({ ...fileIssue(`${passwordIssue}（文件中有 ${newAccounts} 个新账号）`), column: PASSWORD_LABEL });
    if (issues.length > 0 || !write) return noChange(issues);
    const hash = run.initialPasswordHash ?? DRY_RUN_HASH;
    const hashes = new Map(records.filter((r) => r.password !== undefined).map((r) => [r.username, hash]));
    const result = await saveUsers(run.tx, records, { userId: run.userId, at: run.at, via: 'excel' }, hashes);
    const disabledUserIds = records
      .filter((r) => r.active === false && Number(storedByName.get(r.username.toLowerCase())?.active) === 1)
      .map((r) => result.ids.get(r.username)!);
    return { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, issues: [], disabledUserIds };
  },
};
