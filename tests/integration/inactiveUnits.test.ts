import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseWithHistory, ReferenceData } from '../../core/api/types';
import type { DepartmentAdminRow, OrganisationAdminRow } from '../../core/api/adminTypes';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
let ref: ReferenceData;
const tokens: Record<string, string> = {};

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

async function refused(who: string, method: string, input: unknown) {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

const grid = () => ref.regions.find((r) => r.code === '500112004001001')!;
const category = (name: string) => ref.categories.find((c) => c.name === name)!;
const move = (id: string, m: Record<string, unknown>) => call<CaseWithHistory>('dispatcher', 'cases.move', { id, move: m });

async function filedCase(): Promise<string> {
  const { id } = await call<{ id: string }>('dispatcher', 'cases.report', {
    source: 'hotline', gridId: grid().id, address: '金港国际5栋门口', description: '5栋门口人行道堆放建筑垃圾，无人清运',
  });
  await move(id, { move: 'accept' });
  await move(id, { move: 'file', categoryId: category('暴露垃圾').id });
  return id;
}

async function setDepartmentActive(code: string, active: boolean): Promise<DepartmentAdminRow> {
  const row = (await call<DepartmentAdminRow[]>('admin', 'departments.list', {})).find((d) => d.code === code)!;
  const { id, name, shortName, vertical, contactPerson, phone, dutyHours } = row;
  return call('admin', 'departments.save', { id, code, name, shortName, vertical, contactPerson, phone, dutyHours, active });
}

async function setOrganisationActive(id: string, active: boolean): Promise<OrganisationAdminRow> {
  const row = (await call<OrganisationAdminRow[]>('admin', 'organisations.list', {})).find((o) => o.id === id)!;
  const { code, name, kind, services, contactName, contactPhone, address, dutyHours } = row;
  return call('admin', 'organisations.save', { id, code, name, kind, services, contactName, contactPhone, address, dutyHours, active });
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 20 });
  for (const user of ['dispatcher', 'admin']) tokens[user] = await t.login(user);
  ref = await call('dispatcher', 'reference.get', {});
});
afterAll(async () => t.close());

describe('deactivated departments and organisations take nothing new, and history still names them', () => {
  it('a dispatch to a deactivated department is refused in Chinese; the case it already has keeps its name', async () => {
    const earlier = await filedCase();
    const d03 = ref.departments.find((d) => d.code === 'D03')!;
    await move(earlier, { move: 'dispatch', departmentIds: [d03.id] });

    await setDepartmentActive('D03', false);
    const id = await filedCase();
    const error = await refused('dispatcher', 'cases.move', { id, move: { move: 'dispatch', departmentIds: [d03.id] } });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: `处置部门「${d03.name}」已停用，不能再派遣，请选择其他部门` });
    // A joint dispatch naming it is refused as a whole: nothing is written.
    const d02 = ref.departments.find((d) => d.code === 'D02')!;
    expect((await refused('dispatcher', 'cases.move', { id, move: { move: 'dispatch', departmentIds: [d02.id, d03.id] } })).message).toContain('已停用');
    expect((await call<CaseWithHistory>('dispatcher', 'cases.get', { id })).case.status).toBe('filed');

    // The reference data still names it (as inactive) for the history that points at it.
    const now = await call<ReferenceData>('dispatcher', 'reference.get', {});
    expect(now.departments.find((d) => d.id === d03.id)).toMatchObject({ name: d03.name, active: false });
    expect((await call<CaseWithHistory>('dispatcher', 'cases.get', { id: earlier })).case.departmentIds).toEqual([d03.id]);

    await setDepartmentActive('D03', true);
    expect((await move(id, { move: 'dispatch', departmentIds: [d03.id] })).case.departmentIds).toEqual([d03.id]);
  });

  it('a referral to a deactivated organisation is refused in Chinese; re-activated, it is offered again', async () => {
    const organisation = ref.organisations[0]!;
    expect(organisation.active).toBe(true);
    await setOrganisationActive(organisation.id, false);
    const now = await call<ReferenceData>('dispatcher', 'reference.get', {});
    expect(now.organisations.find((o) => o.id === organisation.id)).toMatchObject({ name: organisation.name, active: false });

    const id = await filedCase();
    const error = await refused('dispatcher', 'cases.move', { id, move: { move: 'refer', organisationId: organisation.id } });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: `社会组织「${organisation.name}」已停用，不能再转介，请选择其他组织` });

    await setOrganisationActive(organisation.id, true);
    expect((await move(id, { move: 'refer', organisationId: organisation.id })).case.organisationId).toBe(organisation.id);
  });
});
