/**
 * The users half of the import bench: 10,000 accounts from one .xlsx through the onboarding
 * import (read, check, write with audit and outbox, one transaction), on an office with the
 * demo district's grids and the shipped departments. Then the same file again, which must
 * change nothing.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../db/connection';
import { runOnboarding } from '../db/import/onboarding';
import { hashPassword } from '../db/repositories/users';
import { Random } from '../db/seed/random';
import { writeDemoOffice } from '../db/seed/reference';
import { WritePath } from '../db/writePath';
import { log } from './stats';

const PASSWORD = 'Bench-start-2026';

async function writeStaffList(path: string, count: number, grids: string[], departments: string[]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('用户');
  sheet.addRow(['用户名*', '姓名*', '角色*', '手机号', '所属部门编码', '负责网格编码', '网格长', '状态']).commit();
  const rng = new Random(9);
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  for (let i = 0; i < count; i += 1) {
    const kind = i % 10;
    const role = kind < 6 ? '网格员' : kind < 9 ? '部门人员' : '调度员';
    const name = `${surnames[i % surnames.length]}${String.fromCharCode(0x4e00 + rng.int(0, 2000))}${String.fromCharCode(0x4e00 + rng.int(0, 2000))}`;
    const gridCodes = role === '网格员' ? [grids[i % grids.length]!, grids[(i + 1) % grids.length]!].join('、') : null;
    sheet.addRow([
      `staff${String(i).padStart(5, '0')}`, name, role, `139${String(10_000_000 + i).padStart(8, '0')}`,
      role === '部门人员' ? departments[i % departments.length]! : null, gridCodes, role === '网格员' && i % 25 === 0 ? '是' : null, '启用',
    ]).commit();
  }
  sheet.commit();
  await book.commit();
}

export async function benchUsersImport(count: number): Promise<{ users: number; users_ms: number }> {
  const dir = resolve('bench/.data/import-users');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const knex = await openDatabase({ client: 'sqlite', filename: join(dir, 'office.sqlite') });
  try {
    const writePath = await WritePath.open(knex);
    await writePath.transaction((tx) => writeDemoOffice(tx, new Random(1)));
    const grids = await knex('regions').where({ level: 'grid', deleted: 0 }).orderBy('code').pluck('code');
    const departments = await knex('departments').where({ deleted: 0 }).orderBy('code').pluck('code');
    const file = join(dir, 'staff.xlsx');
    await writeStaffList(file, count, grids, departments);
    const before = Number((await knex('users').count({ n: '*' }))[0]!.n);

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    // As the confirm handler does: the shared initial password hashed once, then one transaction.
    const initialPasswordHash = await hashPassword(PASSWORD);
    const result = await runOnboarding(writePath, { kind: 'users', file: { path: file }, userId: null, at: Date.now(), write: true, initialPassword: PASSWORD, initialPasswordHash });
    const usersMs = Math.round(performance.now() - started);
    if (!result.written || result.created !== count) throw new Error(`users import: ${JSON.stringify({ ...result, issues: result.issues.slice(0, 5) })}`);
    const after = Number((await knex('users').count({ n: '*' }))[0]!.n);
    if (after - before !== count) throw new Error(`expected ${count} new users, found ${after - before}`);
    const cpu = process.cpuUsage(cpuBefore);
    // On a shared machine the wall time depends on the load; the CPU time says what the import itself costs.
    log(`${count} users imported in ${usersMs} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU in this process)`);

    const againStarted = performance.now();
    const again = await runOnboarding(writePath, { kind: 'users', file: { path: file }, userId: null, at: Date.now(), write: true, initialPassword: PASSWORD });
    if (again.unchanged !== count || again.created + again.updated !== 0) throw new Error(`re-import changed ${again.created + again.updated} users`);
    log(`the same file again: ${again.unchanged} unchanged in ${Math.round(performance.now() - againStarted)} ms`);
    return { users: count, users_ms: usersMs };
  } finally {
    await knex.destroy();
  }
}
