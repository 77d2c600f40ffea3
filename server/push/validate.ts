import type { Knex } from 'knex';
import { parseHlc } from '../../core/sync/hlc';
import type { Change, RejectReason } from '../../core/sync/protocol';
import { SYNCED_TABLES } from '../../db/writePath';

export type Verdict = { reason: RejectReason; message: string } | null;

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLES);
const knownColumns = new WeakMap<Knex, Map<string, Set<string>>>();

export type SchemaColumns = ReadonlyMap<string, Set<string>>;

/**
 * The columns of the synced tables a batch names, in the hub's schema (the same migrations as the nodes).
 * Read before the batch's transaction (SQLite has one connection) and cached per database.
 */
export async function schemaColumns(knex: Knex, tables: Iterable<string>): Promise<SchemaColumns> {
  let known = knownColumns.get(knex);
  if (!known) knownColumns.set(knex, (known = new Map()));
  for (const table of tables) {
    if (SYNCED.has(table) && !known.has(table)) known.set(table, new Set(Object.keys(await knex(table).columnInfo())));
  }
  return known;
}

/**
 * Checks a change's shape before any merge: a known table, a well-formed HLC not too far ahead of
 * the hub's clock, and a row whose columns the hub's schema has. A node one migration behind sends
 * fewer columns, which is fine; a column the hub does not know is refused.
 */
export function validateChange(schema: SchemaColumns, change: Change, now: number, maxDriftMs: number): Verdict {
  if (!SYNCED.has(change.table)) return { reason: 'invalid_row', message: `中心不同步表 ${change.table}` };
  let wall: number;
  try {
    wall = parseHlc(change.hlc).wall;
  } catch {
    return { reason: 'invalid_row', message: `版本号（HLC）格式不正确：${change.hlc}` };
  }
  if (wall > now + maxDriftMs) {
    const seconds = Math.round((wall - now) / 1000);
    return { reason: 'clock_drift', message: `本机时钟比中心快 ${seconds} 秒，超过允许的偏差；请校准系统时间后重试` };
  }
  if (change.op !== 'delete' && !change.row) return { reason: 'invalid_row', message: '新增或修改缺少记录内容' };
  if (change.row) {
    if (change.row.id !== undefined && change.row.id !== change.id) return { reason: 'invalid_row', message: '记录编号与变更编号不一致' };
    const columns = schema.get(change.table) ?? new Set<string>();
    const unknown = Object.keys(change.row).filter((c) => !columns.has(c));
    if (unknown.length > 0) return { reason: 'invalid_row', message: `中心的 ${change.table} 表没有字段：${unknown.join('、')}（中心版本可能较旧）` };
  }
  return null;
}
