import type { Knex } from 'knex';
import type { Change } from '../../core/sync/protocol';
import type { NewConflict } from './conflicts';
import { ALL_COLUMNS, RowVersions, recordVersions } from './columnVersions';
import { sameValue, valueFromWire } from './wireValues';

type Row = Record<string, unknown>;

const tableColumns = new WeakMap<Knex.Transaction | Knex, Map<string, Set<string>>>();

/** The table's columns here: a row from a node one migration ahead may carry columns this node lacks. */
async function columnsOf(trx: Knex.Transaction, table: string): Promise<Set<string>> {
  const client = trx.client as unknown as Knex;
  let byTable = tableColumns.get(client);
  if (!byTable) tableColumns.set(client, (byTable = new Map()));
  let columns = byTable.get(table);
  if (!columns) {
    const info = (await trx.raw(`pragma table_info("${table}")`)) as { name: string }[];
    columns = new Set(info.map((c) => c.name));
    byTable.set(table, columns);
  }
  return columns;
}

/** The columns a change writes, limited to those this node has. */
function changedColumns(change: Change, known: Set<string>): string[] {
  if (change.op === 'delete') return ['deleted'];
  // A pushed update names its columns; a pulled change names the columns it won on the hub (null: all).
  const named = change.columns ?? Object.keys(change.row ?? {});
  return named.filter((c) => c !== 'id' && c !== 'hlc' && known.has(c));
}

/**
 * Merges one pulled reference row (regions, users, settings, registers …): per column, the write with the
 * newer HLC wins. A column this node edited (still in the outbox, or acknowledged) whose value a newer
 * remote write replaced is listed in the conflict inbox, so a person sees what was lost. HLCs do not say
 * whether the other writer had seen our edit, so a later deliberate change of our edit is listed too
 * (the inbox entry is then only information). A row this node created and another node edited is not. Nothing is appended to the outbox: it must not echo back.
 */
export async function mergeReferenceChange(trx: Knex.Transaction, change: Change, ownNode: string): Promise<NewConflict[]> {
  const known = await columnsOf(trx, change.table);
  const local = (await trx(change.table).where({ id: change.id }).first()) as Row | undefined;
  if (!local) {
    if (!change.row) return [];
    const row: Row = { deleted: change.op === 'delete' ? 1 : 0 };
    for (const [column, value] of Object.entries(change.row)) if (known.has(column)) row[column] = valueFromWire(value);
    await trx(change.table).insert({ ...row, id: change.id, hlc: change.hlc, ...(change.op === 'delete' ? { deleted: 1 } : {}) });
    await recordVersions(trx, change.table, change.id, [ALL_COLUMNS], change.hlc);
    return [];
  }
  const versions = await RowVersions.load(trx, change.table, change.id, String(local.hlc));
  const patch: Row = {};
  const conflicts: NewConflict[] = [];
  for (const column of changedColumns(change, known)) {
    const remote = change.op === 'delete' ? 1 : valueFromWire(change.row?.[column] ?? null);
    const current = versions.of(column);
    if (change.hlc <= current.hlc) continue; // ours is newer (or this very write, applied before)
    if (!sameValue(local[column], remote)) {
      patch[column] = remote;
      if (current.edit && current.hlc.endsWith(ownNode)) {
        conflicts.push({
          dedupe: `overwritten:${change.table}:${change.id}:${column}:${change.hlc}`,
          kind: 'overwritten',
          table: change.table,
          rowId: change.id,
          column,
          localValue: local[column],
          remoteValue: remote,
          localHlc: current.hlc,
          remoteHlc: change.hlc,
          message: '本机的修改已被其他工作站更晚的修改覆盖，请核对是否需要重新修改',
        });
      }
    }
    await recordVersions(trx, change.table, change.id, [column], change.hlc);
  }
  const hlc = change.hlc > String(local.hlc) ? change.hlc : String(local.hlc);
  if (Object.keys(patch).length > 0 || hlc !== local.hlc) await trx(change.table).where({ id: change.id }).update({ ...patch, hlc });
  return conflicts;
}
