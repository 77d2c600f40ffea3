import type { Knex } from 'knex';

/** The column name that stands for every column of a row (an insert, a whole-row write). */
export const ALL_COLUMNS = '*';

/** Where a column's current value came from: its HLC, and whether it is a local write not yet acknowledged. */
export interface ColumnVersion {
  hlc: string;
  pending: boolean;
  /** Written as this column (an edit), rather than as part of a whole row (an insert, a row merged whole). */
  edit: boolean;
}

const newer = (a: ColumnVersion | undefined, b: ColumnVersion): ColumnVersion => (!a || b.hlc > a.hlc ? b : a);

/**
 * Per-column versions of one row: the merged and acknowledged versions (`sync_versions`) and this node's
 * writes still in the outbox. A row's own `hlc` is only its newest write, which would make an old remote
 * edit of one column lose to a newer local edit of another.
 */
export class RowVersions {
  constructor(private readonly byColumn: Map<string, ColumnVersion>, private readonly rowHlc: string) {}

  static async load(trx: Knex.Transaction, table: string, rowId: string, rowHlc: string): Promise<RowVersions> {
    const byColumn = new Map<string, ColumnVersion>();
    for (const v of await trx('sync_versions').where({ table_name: table, row_id: rowId }).select('column_name', 'hlc')) {
      byColumn.set(v.column_name, newer(byColumn.get(v.column_name), { hlc: v.hlc, pending: false, edit: v.column_name !== ALL_COLUMNS }));
    }
    const pending = await trx('outbox').where({ table_name: table, row_id: rowId }).select('op', 'hlc', 'columns');
    for (const entry of pending) {
      for (const column of entryColumns(entry.op, entry.columns)) {
        byColumn.set(column, newer(byColumn.get(column), { hlc: entry.hlc as string, pending: true, edit: column !== ALL_COLUMNS }));
      }
    }
    return new RowVersions(byColumn, rowHlc);
  }

  /** The version of a column's value; a row written before any sync has only its row HLC to go by. */
  of(column: string): ColumnVersion {
    const own = this.byColumn.get(column);
    const all = this.byColumn.get(ALL_COLUMNS);
    const best = own && all ? newer(own, all) : own ?? all;
    return best ?? { hlc: this.rowHlc, pending: false, edit: false };
  }
}

/** The columns an outbox entry wrote: an update names them; an insert wrote all; a delete wrote the tombstone. */
export function entryColumns(op: string, columns: string | null): string[] {
  if (op === 'update' && columns) return JSON.parse(columns) as string[];
  if (op === 'delete') return ['deleted'];
  return [ALL_COLUMNS];
}

/** Remembers the version of columns just written (merged from the hub, or acknowledged by it). */
export async function recordVersions(trx: Knex.Transaction, table: string, rowId: string, columns: readonly string[], hlc: string): Promise<void> {
  if (columns.length === 0) return;
  const rows = columns.map((column_name) => ({ table_name: table, row_id: rowId, column_name, hlc }));
  await trx('sync_versions')
    .insert(rows)
    .onConflict(['table_name', 'row_id', 'column_name'])
    .merge({ hlc: trx.raw('max(sync_versions.hlc, excluded.hlc)') });
}

/** The same for many rows at once (an acknowledged push batch). */
export async function recordManyVersions(trx: Knex.Transaction, versions: readonly { table: string; rowId: string; column: string; hlc: string }[]): Promise<void> {
  for (let i = 0; i < versions.length; i += 200) {
    const rows = versions.slice(i, i + 200).map((v) => ({ table_name: v.table, row_id: v.rowId, column_name: v.column, hlc: v.hlc }));
    await trx('sync_versions')
      .insert(rows)
      .onConflict(['table_name', 'row_id', 'column_name'])
      .merge({ hlc: trx.raw('max(sync_versions.hlc, excluded.hlc)') });
  }
}
