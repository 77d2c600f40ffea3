import type { SessionUser } from '../../core/api/types';
import { writeAudit, type AuditEntry } from '../../db/repositories/audit';
import type { Backend } from './backend';

/** One audit row in its own transaction: who (the user), when (now) and what (action, target, detail). */
export async function audit(backend: Backend, user: SessionUser | null, entry: Omit<AuditEntry, 'userId'>): Promise<void> {
  await backend.writePath.transaction((tx) => writeAudit(tx, backend.now(), { ...entry, userId: user?.id ?? null }));
}

/**
 * A refused call (FORBIDDEN): someone tried what their role may not. Recorded on a best-effort
 * basis: the refusal stands even if the row cannot be written (the database busy elsewhere).
 */
export async function auditRefusal(backend: Backend, user: SessionUser, method: string, reason: 'role' | 'scope'): Promise<void> {
  await audit(backend, user, { action: 'api.forbidden', targetType: 'method', detail: { method, role: user.role, reason } }).catch(() => undefined);
}
