/**
 * One way to write the office's administrative records (departments, organisations, users,
 * categories): match each record to a stored row by id or by its key (code, username), write
 * only the columns that differ, write nothing for an unchanged record, and audit every change
 * with before and after. Used by the admin forms and by the Excel onboarding alike.
 */
import { newUuidV7 } from '../../uuidV7';
import { ApiError } from '../../../core/api/errors';
import type { RecordFault } from '../../../core/admin/records';
import type { Row, SyncedTable, WriteTx } from '../../writePath';
import { writeAudits, type AuditEntry } from '../audit';

/** Who made a change and from where, for the audit rows. */
export interface ChangeSource {
  userId: string | null;
  at: number;
  /** 'admin' (a form), 'excel', 'seed'. */
  via: string;
}

export interface WriteResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Row id by key, for every record of the batch. */
  ids: Map<string, string>;
}

export interface RecordRow {
  /** Set when the record names its stored row (a form); otherwise it is matched by key. */
  id?: string;
  key: string;
  columns: Row;
}

export interface WriteSpec {
  table: SyncedTable;
  keyColumn: string;
  /** Audit action prefix and target type, e.g. 'department' → department.create / department.update. */
  entity: string;
  /** Columns whose values never go into the audit log (password hashes). */
  secret?: readonly string[];
  /** Columns only written when a row is created (a new account's password). */
  createOnly?: readonly string[];
}

/** A batch with faults: one ApiError carrying every fault, so nothing is written. */
export function recordFaultsError(faults: readonly RecordFault[]): ApiError {
  const first = faults[0]!;
  const where = (f: RecordFault) => (f.key ? `${f.key}：` : '');
  return new ApiError(
    'VALIDATION_FAILED',
    faults.length === 1 ? `${where(first)}${first.reason}` : `${faults.length} 处错误，第一处：${where(first)}${first.reason}`,
    faults.map((f) => ({ path: `${f.index}.${f.field}`, message: `${where(f)}${f.reason}` })),
  );
}

const same = (a: unknown, b: unknown) => (a === null || a === undefined ? b === null || b === undefined : String(a) === String(b));

export async function writeRecords(tx: WriteTx, spec: WriteSpec, records: readonly RecordRow[], source: ChangeSource): Promise<WriteResult> {
  const stored = (await tx.trx(spec.table).where({ deleted: 0 })) as Row[];
  const byId = new Map(stored.map((r) => [r.id as string, r]));
  const byKey = new Map(stored.map((r) => [String(r[spec.keyColumn]).toLowerCase(), r]));
  const shown = (columns: Row) => Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, spec.secret?.includes(k) ? '***' : v]));
  const result: WriteResult = { created: [], updated: [], unchanged: [], ids: new Map() };
  const inserts: Row[] = [];
  // Written in one batch at the end: an Excel import changes thousands of rows in one go.
  const audits: AuditEntry[] = [];
  for (const record of records) {
    const row = record.id ? byId.get(record.id) : byKey.get(record.key.toLowerCase());
    if (!row) {
      const id = newUuidV7();
      const columns = { [spec.keyColumn]: record.key, ...record.columns };
      inserts.push({ id, ...columns });
      result.ids.set(record.key, id);
      result.created.push(record.key);
      audits.push({
        userId: source.userId, action: `${spec.entity}.create`, targetType: spec.entity, targetId: id,
        detail: { key: record.key, via: source.via, before: null, after: shown(columns) },
      });
      continue;
    }
    const id = row.id as string;
    result.ids.set(record.key, id);
    const wanted: Row = { [spec.keyColumn]: record.key, ...record.columns };
    const patch = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => !spec.createOnly?.includes(k) && !same(row[k], v)));
    if (Object.keys(patch).length === 0) {
      result.unchanged.push(record.key);
      continue;
    }
    await tx.update(spec.table, id, patch);
    audits.push({
      userId: source.userId, action: `${spec.entity}.update`, targetType: spec.entity, targetId: id,
      detail: {
        key: record.key, via: source.via,
        before: shown(Object.fromEntries(Object.keys(patch).map((k) => [k, row[k]]))),
        after: shown(patch),
      },
    });
    result.updated.push(record.key);
  }
  // A multi-row insert needs the same columns in every row: records that leave fields out go in their own batch.
  const groups = new Map<string, Row[]>();
  for (const row of inserts) {
    const shape = Object.keys(row).sort().join(',');
    const group = groups.get(shape);
    if (group) group.push(row);
    else groups.set(shape, [row]);
  }
  for (const rows of groups.values()) await tx.insert(spec.table, rows);
  await writeAudits(tx, source.at, audits);
  return result;
}

/**
 * A form that creates (no id) must not silently update a stored row of the same key, as an import
 * re-run does: it is refused with the field's Chinese message.
 */
export async function assertKeyFree(tx: WriteTx, table: SyncedTable, column: string, key: string, label: string): Promise<void> {
  const taken = await tx.trx(table).where({ deleted: 0 }).whereRaw(`lower(${column}) = ?`, [key.trim().toLowerCase()]).first('id');
  if (taken) throw new ApiError('VALIDATION_FAILED', `${label}"${key.trim()}"已被使用`, [{ path: column, message: `${label}"${key.trim()}"已被使用` }]);
}
