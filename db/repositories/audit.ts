import { v7 as uuidv7 } from 'uuid';
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
  await tx.insert('audit_log', [
    {
      id: uuidv7(),
      at,
      user_id: entry.userId,
      action: entry.action,
      target_type: entry.targetType ?? '',
      target_id: entry.targetId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  ]);
}
