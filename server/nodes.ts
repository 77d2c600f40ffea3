import type { Knex } from 'knex';
import type { NodeScope } from '../core/sync/protocol';
import { newEnrolCode, newToken, normaliseCode, sha256 } from './tokens';

export interface HubNode {
  nodeId: string;
  name: string;
  scope: NodeScope;
  lastPushSeq: number;
}

export function parseScope(text: string): NodeScope {
  const [kind, id] = text.split(':', 2);
  if (kind === 'district' && !id) return { kind: 'district' };
  if (kind === 'street' && id) return { kind: 'street', streetId: id };
  if (kind === 'department' && id) return { kind: 'department', departmentId: id };
  throw new Error(`范围应为 street:<街道编号>、department:<部门编号> 或 district，收到 "${text}"`);
}

const scopeColumns = (scope: NodeScope) => ({
  scope_kind: scope.kind,
  scope_id: scope.kind === 'street' ? scope.streetId : scope.kind === 'department' ? scope.departmentId : null,
});

function scopeOf(row: { scope_kind: string; scope_id: string | null }): NodeScope {
  return parseScope(row.scope_id ? `${row.scope_kind}:${row.scope_id}` : row.scope_kind);
}

const DEFAULT_CODE_HOURS = 24;

/** Makes a single-use enrolment code for a scope; only its hash is stored. */
export async function createEnrolCode(knex: Knex, scope: NodeScope, now: number, hours = DEFAULT_CODE_HOURS): Promise<{ code: string; expiresAt: number }> {
  const code = newEnrolCode();
  const expiresAt = now + hours * 3_600_000;
  await knex('hub_enrol_codes').insert({ code_hash: sha256(code), ...scopeColumns(scope), created_at: now, expires_at: expiresAt });
  return { code, expiresAt };
}

export class EnrolError extends Error {}

/**
 * Exchanges a code for a token. A node that enrols again (a new code after a revocation, a reinstall
 * keeping its database) keeps its push state, so its outbox continues where it was.
 */
export async function enrolNode(
  knex: Knex,
  input: { code: string; nodeId: string; name: string; schemaVersion: string },
  now: number,
): Promise<{ token: string; scope: NodeScope }> {
  return knex.transaction(async (trx) => {
    const codeHash = sha256(normaliseCode(input.code));
    // The update claims the code: two nodes racing for one code cannot both win.
    const claimed = await trx('hub_enrol_codes')
      .where({ code_hash: codeHash })
      .whereNull('used_by')
      .where('expires_at', '>', now)
      .update({ used_by: input.nodeId, used_at: now });
    if (claimed !== 1) throw new EnrolError('注册码无效、已使用或已过期，请向中心管理员重新申请');
    const code = await trx('hub_enrol_codes').where({ code_hash: codeHash }).first();
    const scope = scopeOf(code);
    const token = newToken();
    const fields = { name: input.name, ...scopeColumns(scope), token_hash: sha256(token), schema_version: input.schemaVersion, enrolled_at: now, revoked_at: null };
    const existing = await trx('hub_nodes').where({ node_id: input.nodeId }).first();
    if (existing) await trx('hub_nodes').where({ node_id: input.nodeId }).update(fields);
    else await trx('hub_nodes').insert({ node_id: input.nodeId, ...fields });
    return { token, scope };
  });
}

/** The node a bearer token belongs to, or null when unknown or revoked. */
export async function nodeByToken(knex: Knex, token: string): Promise<HubNode | null> {
  const row = await knex('hub_nodes').where({ token_hash: sha256(token) }).whereNull('revoked_at').first();
  if (!row) return null;
  return { nodeId: row.node_id, name: row.name, scope: scopeOf(row), lastPushSeq: Number(row.last_push_seq) };
}

export async function revokeNode(knex: Knex, nodeId: string, now: number): Promise<boolean> {
  return (await knex('hub_nodes').where({ node_id: nodeId }).whereNull('revoked_at').update({ revoked_at: now })) === 1;
}

export async function listNodes(knex: Knex): Promise<Record<string, unknown>[]> {
  return knex('hub_nodes').select('node_id', 'name', 'scope_kind', 'scope_id', 'schema_version', 'enrolled_at', 'revoked_at', 'last_push_seq', 'last_pull_cursor').orderBy('enrolled_at');
}
