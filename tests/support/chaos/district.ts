import { shippedCategories } from '../../../db/seed/resources';
import type { WritePath } from '../../../db/writePath';
import type { Prng } from './prng';

/** Who works on a node: session users built from the district's users rows. */
export interface Person {
  id: string;
  username: string;
  role: 'admin' | 'dispatcher' | 'shift_leader' | 'department_staff' | 'grid_worker';
  departmentId: string | null;
  regionId: string | null;
}

export interface District {
  districtId: string;
  streets: { id: string; name: string; communityId: string; gridIds: string[] }[];
  departments: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  people: Person[];
}

/**
 * A small district (two streets, four grids, three departments, three categories, a dozen people), written on
 * the district node through its write path so it reaches everyone else through the hub. Ids come from the
 * seed's PRNG so a replay writes the same rows.
 */
export async function writeDistrict(writePath: WritePath, rng: Prng): Promise<District> {
  const districtId = rng.uuid();
  const regions: Record<string, unknown>[] = [{ id: districtId, code: '510199', name: '混沌区', level: 'district', parent_id: null }];
  const streets: District['streets'] = [];
  for (const [s, name] of ['东风街道', '西湖街道'].entries()) {
    const street = { id: rng.uuid(), name, communityId: rng.uuid(), gridIds: [rng.uuid(), rng.uuid()] };
    streets.push(street);
    regions.push({ id: street.id, code: `51019900${s + 1}`, name, level: 'street', parent_id: districtId });
    regions.push({ id: street.communityId, code: `51019900${s + 1}01`, name: `${name.slice(0, 2)}社区`, level: 'community', parent_id: street.id });
    street.gridIds.forEach((g, i) => regions.push({ id: g, code: `51019900${s + 1}01${i + 1}`, name: `${name.slice(0, 2)}第${i + 1}网格`, level: 'grid', parent_id: street.communityId }));
  }
  const departments = ['城管局', '住建局', '水务局'].map((name, i) => ({ id: rng.uuid(), name, code: `CHD${i}` }));
  const shipped = shippedCategories().slice(0, 3);
  const categories = shipped.map((c, i) => ({ ...c, id: rng.uuid(), departmentId: departments[i]!.id }));
  const people: Person[] = [
    { id: rng.uuid(), username: 'chaos-admin', role: 'admin', departmentId: null, regionId: null },
    { id: rng.uuid(), username: 'chaos-dispatcher', role: 'dispatcher', departmentId: null, regionId: null },
    { id: rng.uuid(), username: 'chaos-shiftlead', role: 'shift_leader', departmentId: null, regionId: null },
    ...departments.map((d, i): Person => ({ id: rng.uuid(), username: `chaos-dept${i}`, role: 'department_staff', departmentId: d.id, regionId: null })),
    ...streets.flatMap((s) => s.gridIds.map((g, i): Person => ({ id: rng.uuid(), username: `chaos-gw-${s.name}-${i}`, role: 'grid_worker', departmentId: null, regionId: g }))),
  ];
  await writePath.transaction(async (tx) => {
    await tx.insert('regions', regions);
    await tx.insert('departments', departments.map((d) => ({ id: d.id, code: d.code, name: d.name, short_name: d.name.slice(0, 2), phone: '023-1000000' })));
    await tx.insert('categories', categories.map((c) => ({
      id: c.id, code: c.code, major_code: c.majorCode, major_name: c.majorName, name: c.name, filing_criteria: c.filingCriteria,
      closing_criteria: c.closingCriteria, department_id: c.departmentId, grid_admissible: c.gridAdmissible ? 1 : 0,
      matter_kind: c.matterKind, priority: c.priority, limits: JSON.stringify(c.limits), keywords: JSON.stringify(c.keywords),
    })));
    await tx.insert('users', people.map((p) => ({
      id: p.id, username: p.username, display_name: p.username.slice(0, 32), role: p.role, password_hash: 'chaos-no-login',
      department_id: p.departmentId, region_id: p.regionId, grid_ids: JSON.stringify(p.regionId ? [p.regionId] : []),
    })));
  });
  return {
    districtId,
    streets,
    departments: departments.map(({ id, name }) => ({ id, name })),
    categories: categories.map(({ id, name }) => ({ id, name })),
    people,
  };
}
