import type { Knex } from 'knex';
import { newUuidV7 } from '../uuidV7';
import type { WriteTx } from '../writePath';

export interface AuditEntry {
  userId: string | null;
  action: string;
  targetType?: string;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

/** Audit rows sync like any other, so the district sees who looked at what. */
export async function writeAudit(tx: WriteTx, at: number, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, at, [entry]);
}

/** Many audit rows in one multi-row insert: an import audits thousands of changes at once. */
export async function writeAudits(tx: WriteTx, at: number, entries: readonly AuditEntry[]): Promise<void> {
  await tx.insert('audit_log', entries.map((entry) => ({
    id: newUuidV7(),
    at,
    user_id: entry.userId,
    action: entry.action,
    target_type: entry.targetType ?? '',
    target_id: entry.targetId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  })));
}

export interface AuditRow {
  id: string;
  at: number;
  user_id: string | null;
  user_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string;
}

export async function listAudit(
  db: Knex,
  filter: { action?: string },
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const base = () => {
    const q = db('audit_log').where('audit_log.deleted', 0);
    if (filter.action) q.where('audit_log.action', filter.action);
    return q;
  };
  const rows = await base()
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select('audit_log.id', 'audit_log.at', 'audit_log.user_id', 'users.display_name as user_name', 'audit_log.action',
      'audit_log.target_type', 'audit_log.target_id', 'audit_log.detail')
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await base().count<{ n: number | string }[]>({ n: '*' });
  return { rows: rows as AuditRow[], total: Number(count?.n ?? 0) };
}
