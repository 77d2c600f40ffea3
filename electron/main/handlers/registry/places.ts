import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../../../core/api/errors';
import { mayUnmask, REGISTER_ROLES } from '../../../../core/registry/access';
import { nextDueAt, type RecordKind } from '../../../../core/registry/tags';
import { loadCaseState } from '../../../../db/repositories/caseStore';
import { writeAudit } from '../../../../db/repositories/audit';
import { componentsAt, housesInBuilding, listComponents, listHouses, type StoredComponent, type StoredHouse } from '../../../../db/repositories/registry/places';
import { buildingsOfGrid, residentsInBuilding } from '../../../../db/repositories/registry/residentQueries';
import type { Row } from '../../../../db/writePath';
import type { Backend } from '../../backend';
import { requireUser, type Handler } from '../../handlerTypes';
import type { SessionUser } from '../../../../core/api/types';
import { assertVisible } from '../caseAccess';
import { cipherFor, componentView, gridScope, houseView, residentView } from './views';

export const listHousesHandler: Handler<'registry.houses'> = async (input, ctx) => {
  const gridId = gridScope(requireUser(ctx), input.gridId);
  const { rows, total } = await listHouses(ctx.backend.knex, { ...(gridId ? { gridId } : {}), ...(input.building ? { building: input.building } : {}) }, input.page, input.pageSize);
  return { total, rows: rows.map(houseView) };
};

export const listComponentsHandler: Handler<'registry.components'> = async (input, ctx) => {
  const gridId = gridScope(requireUser(ctx), input.gridId);
  const { rows, total } = await listComponents(ctx.backend.knex, gridId ? { gridId } : {}, input.page, input.pageSize);
  return { total, rows: rows.map(componentView) };
};

/** Saves a house or component by its code: a code seen before updates that record (re-entry is idempotent). */
async function saveByCode(backend: Backend, user: SessionUser, kind: RecordKind, table: 'houses' | 'city_components', gridId: string, code: string, columns: Row): Promise<string> {
  gridScope(user, gridId);
  const now = backend.now();
  return backend.writePath.transaction(async (tx) => {
    const existing = (await tx.trx(table).where({ code }).first('id', 'grid_id', 'deleted')) as { id: string; grid_id: string } | undefined;
    if (existing && user.role === 'grid_worker' && existing.grid_id !== user.regionId) throw new ApiError('CONFLICT', `编码 ${code} 已被其他网格使用`);
    const id = existing?.id ?? uuidv7();
    if (existing) await tx.update(table, id, { ...columns, grid_id: gridId, deleted: 0 });
    else await tx.insert(table, [{ id, grid_id: gridId, code, ...columns, status: 'active', verified_at: now, verify_due_at: nextDueAt(kind, now), verified_by: user.id }]);
    await writeAudit(tx, now, { userId: user.id, action: existing ? `${kind}.update` : `${kind}.create`, targetType: kind, targetId: id, detail: { code } });
    return id;
  });
}

export const saveHouseHandler: Handler<'registry.saveHouse'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const id = await saveByCode(ctx.backend, user, 'house', 'houses', input.gridId, input.code, {
    building: input.building, unit: input.unit, room: input.room, use: input.use, occupancy: input.occupancy, owner_name: input.ownerName,
  });
  const row = (await ctx.backend.knex('houses').where({ id }).first()) as StoredHouse;
  return houseView(row);
};

export const saveComponentHandler: Handler<'registry.saveComponent'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const id = await saveByCode(ctx.backend, user, 'component', 'city_components', input.gridId, input.code, {
    kind: input.kind, address: input.address, lng: input.lng, lat: input.lat, condition: input.condition,
  });
  const row = (await ctx.backend.knex('city_components').where({ id }).first()) as StoredComponent;
  return componentView(row);
};

/** The longest building name the case's address contains: 双湖路12号 before 双湖路1号. */
const buildingIn = (address: string, buildings: readonly string[]): string | null =>
  buildings.filter((b) => address.includes(b)).sort((a, b) => b.length - a.length)[0] ?? null;

/** The case pane: who and what is at the case's address, masked within what this user may see. */
export const atCaseHandler: Handler<'registry.atCase'> = async ({ caseId }, ctx) => {
  const user = requireUser(ctx);
  const { knex } = ctx.backend;
  const state = assertVisible(await loadCaseState(knex, caseId), user);
  const building = buildingIn(state.address, await buildingsOfGrid(knex, state.gridId));
  const components = (await componentsAt(knex, state.gridId, state.address)).map(componentView);
  // Department and organisation staff see the place, not the people: residents are for roles that open the registers.
  const seesResidents = REGISTER_ROLES.includes(user.role);
  const residents = building && seesResidents ? await residentsInBuilding(knex, state.gridId, building) : [];
  const cipher = await cipherFor(ctx.backend, residents);
  return {
    address: state.address,
    residents: residents.map((r) => residentView(r, user, cipher)),
    houses: building ? (await housesInBuilding(knex, state.gridId, building)).map(houseView) : [],
    components,
    mayReveal: mayUnmask(user.role) && seesResidents,
  };
};
