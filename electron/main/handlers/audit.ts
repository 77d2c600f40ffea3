import { listAudit } from '../../../db/repositories/audit';
import type { Handler } from '../handlerTypes';

export const listAuditHandler: Handler<'audit.list'> = async ({ page, pageSize, action }, { backend }) => {
  const { rows, total } = await listAudit(backend.knex, action ? { action } : {}, page, pageSize);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: Number(r.at),
      userId: r.user_id,
      userName: r.user_name ?? '',
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    })),
  };
};
