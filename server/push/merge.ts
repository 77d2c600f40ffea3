import type { Change } from '../../core/sync/protocol';

export interface StoredRow {
  hlc: string;
  row: Record<string, unknown>;
  columnHlcs: Record<string, string>;
}

export interface Merged {
  stored: StoredRow;
  /** The columns this change won; null when it created the row. Empty: it lost everywhere (nothing to log). */
  won: string[] | null;
}

/** The columns a change writes: all of an insert, the outbox's list for an update, the tombstone for a delete. */
function writtenColumns(change: Change): string[] {
  if (change.op === 'delete') return ['deleted'];
  const row = change.row ?? {};
  const all = Object.keys(row).filter((c) => c !== 'id' && c !== 'hlc');
  if (change.op === 'insert' || !change.columns) return all;
  return change.columns.filter((c) => c in row);
}

/**
 * Merges one change into the hub's row. Union tables keep the first copy (events are immutable);
 * others take each written column whose stored HLC is older (last writer wins, per column).
 */
export function mergeChange(existing: StoredRow | null, change: Change, union: boolean): Merged {
  const incoming: Record<string, unknown> = { ...(change.row ?? { id: change.id }), id: change.id };
  if (change.op === 'delete') incoming.deleted = 1;
  if (!existing) {
    const columnHlcs = Object.fromEntries(Object.keys(incoming).filter((c) => c !== 'id' && c !== 'hlc').map((c) => [c, change.hlc]));
    return { stored: { hlc: change.hlc, row: { ...incoming, hlc: change.hlc }, columnHlcs }, won: null };
  }
  if (union) return { stored: existing, won: [] };
  const row = { ...existing.row };
  const columnHlcs = { ...existing.columnHlcs };
  const won: string[] = [];
  for (const column of writtenColumns(change)) {
    const previous = columnHlcs[column] ?? existing.hlc;
    if (change.hlc > previous) {
      row[column] = incoming[column];
      columnHlcs[column] = change.hlc;
      won.push(column);
    }
  }
  if (won.length === 0) return { stored: existing, won };
  const hlc = change.hlc > existing.hlc ? change.hlc : existing.hlc;
  return { stored: { hlc, row: { ...row, hlc }, columnHlcs }, won };
}
