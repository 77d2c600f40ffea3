import { ApiError } from '../../../../core/api/errors';
import type { ComponentRow, HouseRow, ResidentRow, TagView } from '../../../../core/api/registryTypes';
import type { SessionUser } from '../../../../core/api/types';
import { displayName } from '../../../../core/registry/access';
import { TAGS, tagVisibleTo, type TagCode } from '../../../../core/registry/tags';
import type { FieldCipher } from '../../../../db/registry/fieldCipher';
import type { StoredComponent, StoredHouse } from '../../../../db/repositories/registry/places';
import { openTags, type StoredResident } from '../../../../db/repositories/registry/residentRecords';
import type { Backend } from '../../backend';
import { personalDataCipher } from '../../services/personalDataKey';

/** A grid worker works in their own grid only; the others may name any grid or none. */
export function gridScope(user: SessionUser, gridId: string | undefined): string | undefined {
  if (user.role !== 'grid_worker') return gridId;
  if (!user.regionId) throw new ApiError('FORBIDDEN', '账号未绑定网格，请联系管理员');
  if (gridId && gridId !== user.regionId) throw new ApiError('FORBIDDEN', '只能查看本网格的基础数据');
  return user.regionId;
}

/** Records outside the user's grid read as not found, as cases do. */
export function assertInScope(user: SessionUser, record: { grid_id: string } | null, what: string): void {
  if (!record || (user.role === 'grid_worker' && record.grid_id !== user.regionId)) throw new ApiError('NOT_FOUND', `${what}不存在或无权查看`);
}

export const visibleTags = (tags: readonly TagCode[], user: SessionUser): TagView[] =>
  tags.filter((t) => TAGS[t] && tagVisibleTo(t, user.role)).map((code) => ({ code, label: TAGS[code].label }));

/** The cipher only when some row has tags to open: plain lists work without the key. */
export async function cipherFor(backend: Backend, rows: readonly StoredResident[]): Promise<FieldCipher | null> {
  return rows.some((r) => r.tags_cipher !== '') ? personalDataCipher(backend) : null;
}

/** Masked, as every list, detail and export shows a resident. */
export function residentView(r: StoredResident, user: SessionUser, cipher: FieldCipher | null): ResidentRow {
  return {
    id: r.id,
    gridId: r.grid_id,
    name: displayName(r.name, user.role),
    idNumber: r.id_masked,
    phone: r.phone_masked,
    building: r.building,
    unit: r.unit,
    room: r.room,
    householdId: r.household_id,
    relation: r.relation,
    tags: visibleTags(openTags(cipher, r.tags_cipher).tags, user),
    status: r.status,
    verifiedAt: Number(r.verified_at),
    verifyDueAt: Number(r.verify_due_at),
  };
}

export const houseView = (h: StoredHouse & { residents?: number }): HouseRow => ({
  id: h.id, gridId: h.grid_id, code: h.code, building: h.building, unit: h.unit, room: h.room, use: h.use, occupancy: h.occupancy,
  ownerName: h.owner_name, residents: Number(h.residents ?? 0), status: h.status, verifiedAt: Number(h.verified_at), verifyDueAt: Number(h.verify_due_at),
});

export const componentView = (c: StoredComponent): ComponentRow => ({
  id: c.id, gridId: c.grid_id, code: c.code, kind: c.kind, address: c.address, lng: c.lng, lat: c.lat, condition: c.condition,
  status: c.status, verifiedAt: Number(c.verified_at), verifyDueAt: Number(c.verify_due_at),
});
