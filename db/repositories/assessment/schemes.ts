import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_SCHEME, type SchemeDefinition } from '../../../core/assessment';
import type { SchemeSummary, SchemeWithDefinition } from '../../../core/api/assessmentTypes';
import type { WritePath, WriteTx } from '../../writePath';

function toScheme(r: Record<string, unknown>): SchemeWithDefinition {
  return {
    id: r.id as string,
    name: r.name as string,
    version: Number(r.version),
    status: r.status as SchemeSummary['status'],
    basedOnId: (r.based_on_id as string | null) ?? null,
    createdAt: Number(r.created_at),
    definition: JSON.parse(r.definition as string) as SchemeDefinition,
  };
}

export async function listSchemes(db: Knex): Promise<SchemeSummary[]> {
  const rows = await db('schemes').where('deleted', 0).orderBy('created_at', 'desc');
  return rows.map((r) => {
    const { definition: _definition, ...summary } = toScheme(r);
    return summary;
  });
}

export async function getScheme(db: Knex | Knex.Transaction, id: string): Promise<SchemeWithDefinition | null> {
  const row = await db('schemes').where({ id, deleted: 0 }).first();
  return row ? toScheme(row) : null;
}

export async function activeScheme(db: Knex): Promise<SchemeWithDefinition | null> {
  const row = await db('schemes').where({ status: 'active', deleted: 0 }).orderBy('created_at', 'desc').first();
  return row ? toScheme(row) : null;
}

export async function insertScheme(
  tx: WriteTx,
  fields: { name: string; definition: SchemeDefinition; basedOnId: string | null; status: SchemeSummary['status']; createdBy: string | null; at: number },
): Promise<string> {
  const family = fields.basedOnId ? await tx.trx('schemes').where({ id: fields.basedOnId }).first('version') : null;
  const id = uuidv7();
  await tx.insert('schemes', [{
    id,
    name: fields.name,
    version: family ? Number(family.version) + 1 : 1,
    status: fields.status,
    based_on_id: fields.basedOnId,
    definition: JSON.stringify(fields.definition),
    created_by: fields.createdBy,
    created_at: fields.at,
  }]);
  return id;
}

/** Every office starts with the shipped scheme active; older databases get it on first open. */
export async function ensureDefaultScheme(writePath: WritePath, now: number): Promise<void> {
  const any = await writePath.knex('schemes').where('deleted', 0).first('id');
  if (any) return;
  await writePath.transaction((tx) =>
    insertScheme(tx, { name: DEFAULT_SCHEME.name, definition: DEFAULT_SCHEME, basedOnId: null, status: 'active', createdBy: null, at: now }),
  );
}

/** Exactly one active scheme: the new one, the rest archived. */
export async function activateScheme(tx: WriteTx, id: string): Promise<void> {
  const others = await tx.trx('schemes').where({ status: 'active', deleted: 0 }).whereNot('id', id).select('id');
  for (const o of others) await tx.update('schemes', o.id as string, { status: 'archived' });
  await tx.update('schemes', id, { status: 'active' });
}
