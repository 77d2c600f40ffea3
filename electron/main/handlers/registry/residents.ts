import { ApiError } from '../../../../core/api/errors';
import { mayUnmask, normaliseIdNumber, normalisePhone, validIdNumber } from '../../../../core/registry/access';
import type { TagCode } from '../../../../core/registry/tags';
import { writeAudit } from '../../../../db/repositories/audit';
import { householdMembers, listResidents, type ResidentFilter } from '../../../../db/repositories/registry/residentQueries';
import {
  householdFor, idHash, openTags, phoneHash, residentById, residentByIdNumber, residentRow, type ResidentFields,
} from '../../../../db/repositories/registry/residentRecords';
import { requireUser, type Handler } from '../../handlerTypes';
import { personalDataCipher } from '../../services/personalDataKey';
import { assertInScope, cipherFor, gridScope, residentView, visibleTags } from './views';
import { assertKeyVersion } from '../../../../db/registry/keyRotation';

/** A lookup is a whole phone number or ID number; anything else is a clear refusal, not a scan. */
async function lookupFilter(backend: Parameters<Handler<'registry.residents'>>[1]['backend'], lookup: string): Promise<ResidentFilter> {
  const cipher = await personalDataCipher(backend);
  const asId = normaliseIdNumber(lookup);
  if (validIdNumber(asId)) return { idHash: idHash(cipher, asId) };
  const digits = normalisePhone(lookup);
  if (/^\d{7,12}$/.test(digits)) return { phoneHash: phoneHash(cipher, digits) };
  throw new ApiError('VALIDATION_FAILED', '请输入完整的手机号或 18 位身份证号');
}

export const listResidentsHandler: Handler<'registry.residents'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const gridId = gridScope(user, input.gridId);
  const filter: ResidentFilter = {
    ...(gridId ? { gridId } : {}),
    ...(input.building ? { building: input.building } : {}),
    ...(input.name ? { name: input.name } : {}),
    ...(input.lookup ? await lookupFilter(ctx.backend, input.lookup) : {}),
  };
  const { rows, total } = await listResidents(ctx.backend.knex, filter, input.page, input.pageSize);
  const cipher = await cipherFor(ctx.backend, rows);
  return { total, rows: rows.map((r) => residentView(r, user, cipher)), mayReveal: mayUnmask(user.role) };
};

export const residentDetailHandler: Handler<'registry.resident'> = async ({ id }, ctx) => {
  const user = requireUser(ctx);
  const r = await residentById(ctx.backend.knex, id);
  assertInScope(user, r, '居民');
  const household = r!.household_id ? await householdMembers(ctx.backend.knex, r!.household_id) : [];
  const cipher = await cipherFor(ctx.backend, [r!, ...household]);
  const tags = openTags(cipher, r!.tags_cipher);
  const allVisible = visibleTags(tags.tags, user).length === tags.tags.length;
  return {
    ...residentView(r!, user, cipher),
    household: household.filter((m) => m.id !== id).map((m) => residentView(m, user, cipher)),
    note: allVisible ? tags.note : null,
  };
};

/** "显示": one record in full for this user, with the reason in the audit log. */
export const revealResidentHandler: Handler<'registry.reveal'> = async ({ id, reason }, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const r = await residentById(backend.knex, id);
  assertInScope(user, r, '居民');
  const cipher = await personalDataCipher(backend);
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, backend.now(), { userId: user.id, action: 'resident.reveal', targetType: 'resident', targetId: id, detail: { reason } }),
  );
  const tags = openTags(cipher, r!.tags_cipher);
  const shown = visibleTags(tags.tags, user);
  return {
    id,
    name: r!.name,
    idNumber: cipher.decrypt(r!.id_cipher),
    phone: r!.phone_cipher === '' ? '' : cipher.decrypt(r!.phone_cipher),
    tags: shown,
    note: shown.length === tags.tags.length ? tags.note : null,
  };
};

/** Registers a resident, or updates one (by id, or by ID number: re-entering a person updates them). */
export const saveResidentHandler: Handler<'registry.saveResident'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  gridScope(user, input.gridId);
  const cipher = await personalDataCipher(backend);
  const fields: ResidentFields = { ...input, tags: input.tags as TagCode[] };
  const now = backend.now();
  const id = await backend.writePath.transaction(async (tx) => {
    await assertKeyVersion(tx.trx, cipher.version);
    const sameId = await residentByIdNumber(tx.trx, cipher, input.idNumber);
    const existing = input.id ? await residentById(tx.trx, input.id) : sameId;
    if (input.id) assertInScope(user, existing, '居民');
    if (sameId && existing && sameId.id !== existing.id) throw new ApiError('CONFLICT', `该身份证号已登记在另一位居民名下（${sameId.id_masked}）`);
    if (existing) assertInScope(user, existing, '居民');
    const householdId = await householdFor(tx, input.householdCode, fields);
    const row = residentRow(cipher, fields, householdId, now, user.id);
    if (existing) {
      // Editing is not re-verifying: the cycle and its due time stay as they were.
      const { id: _id, verified_at: _v, verify_due_at: _d, verified_by: _b, status: _s, ...patch } = row;
      await tx.update('residents', existing.id, patch);
    } else {
      await tx.insert('residents', [row]);
    }
    const rowId = existing?.id ?? (row.id as string);
    await writeAudit(tx, now, { userId: user.id, action: existing ? 'resident.update' : 'resident.create', targetType: 'resident', targetId: rowId, detail: { gridId: input.gridId } });
    return rowId;
  });
  const saved = await residentById(backend.knex, id);
  return residentView(saved!, user, cipher);
};

export const viewLogHandler: Handler<'registry.viewLog'> = async ({ id, page, pageSize }, { backend }) => {
  const base = () => backend.knex('audit_log').where({ 'audit_log.target_type': 'resident', 'audit_log.target_id': id, 'audit_log.deleted': 0 }).whereIn('audit_log.action', ['resident.reveal', 'resident.export']);
  const rows = (await base()
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select('audit_log.at', 'audit_log.user_id', 'users.display_name', 'audit_log.detail')
    .orderBy('audit_log.at', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as Array<{ at: number; user_id: string | null; display_name: string | null; detail: string }>;
  const [count] = (await base().count({ n: '*' })) as Array<{ n: number | string }>;
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({ at: Number(r.at), userId: r.user_id, userName: r.display_name ?? '', reason: String((JSON.parse(r.detail) as { reason?: string }).reason ?? '') })),
  };
};
