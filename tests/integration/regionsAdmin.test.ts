import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionAdminNode } from '../../core/api/regionTypes';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

let t: TestBackend;
let admin: string;
let dispatcher: string;

async function call<T>(method: string, input: unknown, token = admin): Promise<T> {
  const response = await t.dispatch(method, input, token);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

async function refusal(method: string, input: unknown, token = admin) {
  const response = await t.dispatch(method, input, token);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

const tree = () => call<RegionAdminNode[]>('regions.tree', {});
const byCode = async (code: string) => (await tree()).find((n) => n.code === code)!;

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 60 });
  admin = await t.login('admin');
  dispatcher = await t.login('dispatcher');
});
afterAll(async () => t.close());

describe('the region tree', () => {
  it('lists the demo district with boundaries, case and account counts rolled up', async () => {
    const nodes = await tree();
    expect(nodes.filter((n) => n.level === 'grid')).toHaveLength(60);
    expect(nodes.filter((n) => n.level === 'grid').every((n) => n.hasBoundary && n.active)).toBe(true);
    const street = nodes.find((n) => n.code === '500112003')!;
    const streetGrids = nodes.filter((n) => n.level === 'grid' && n.code.startsWith('500112003'));
    expect(street.cases).toBe(streetGrids.reduce((sum, g) => sum + g.cases, 0));
    const [count] = (await t.backend.knex('cases').count({ n: '*' })) as Array<{ n: number }>;
    expect(nodes.reduce((sum, node) => sum + (node.level === 'grid' ? node.cases : 0), 0)).toBe(Number(count!.n));
    expect(nodes.find((n) => n.code === '500112003001001')!.users).toBe(1); // its grid worker
  });

  it('creates a grid whose code extends its community’s, and refuses one that does not', async () => {
    const community = await byCode('500112003001');
    const created = await call<RegionAdminNode>('regions.create', { parentId: community.id, code: '500112003001006', name: '双湖社区第六网格', households: 320 });
    expect(created).toMatchObject({ level: 'grid', parentId: community.id, households: 320, hasBoundary: false, active: true, cases: 0 });
    const wrong = await refusal('regions.create', { parentId: community.id, code: '500112003002007', name: '错挂网格' });
    expect(wrong.message).toContain('上级编码应为「500112003002」');
    const taken = await refusal('regions.create', { parentId: community.id, code: '500112003001006', name: '重号' });
    expect(taken).toMatchObject({ code: 'CONFLICT', message: '编码 500112003001006 已被「双湖社区第六网格」使用' });
  });

  it('renames with before and after in the audit; saving unchanged writes nothing', async () => {
    const grid = await byCode('500112003001006');
    await call('regions.update', { id: grid.id, name: '双湖六格', households: 330, description: '双湖路东段' });
    const audit = await t.backend.knex('audit_log').where({ action: 'region.update', target_id: grid.id }).first();
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { name: '双湖社区第六网格', households: 320, description: '' }, after: { name: '双湖六格', households: 330, description: '双湖路东段' } });
    const before = await tableCounts(t.backend);
    await call('regions.update', { id: grid.id, name: '双湖六格', households: 330, description: '双湖路东段' });
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('moves a grid with its cases: same id, new code under the new community', async () => {
    const grid = (await tree()).filter((n) => n.level === 'grid' && n.cases > 0 && n.code.startsWith('500112003001'))[0]!;
    const target = await byCode('500112003002');
    const moved = await call<RegionAdminNode>('regions.move', { id: grid.id, parentId: target.id, code: '500112003002099' });
    expect(moved).toMatchObject({ id: grid.id, code: '500112003002099', parentId: target.id, cases: grid.cases });
    const audit = await t.backend.knex('audit_log').where({ action: 'region.move', target_id: grid.id }).first();
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { code: grid.code }, after: { code: '500112003002099', parentId: target.id } });
    const refused = await refusal('regions.move', { id: grid.id, parentId: target.id, code: '500112003001099' });
    expect(refused.message).toContain('新编码应为上级「');
  });

  it('moves a community with its grids: every code follows the new street', async () => {
    const community = await byCode('500112004003');
    const street = await byCode('500112006');
    await call('regions.move', { id: community.id, parentId: street.id, code: '500112006009' });
    const nodes = await tree();
    const grids = nodes.filter((n) => n.parentId === community.id);
    expect(grids.length).toBeGreaterThan(0);
    expect(grids.every((g) => g.code.startsWith('500112006009'))).toBe(true);
  });

  it('deactivating a community takes its grids with it; a deactivated grid takes no new reports', async () => {
    const community = await byCode('500112003003');
    const changed = await call<RegionAdminNode[]>('regions.setActive', { id: community.id, active: false });
    expect(changed.length).toBeGreaterThan(1);
    expect(changed.every((n) => !n.active)).toBe(true);
    const grid = changed.find((n) => n.level === 'grid')!;
    const report = await refusal('cases.report', { source: 'hotline', gridId: grid.id, address: '某路1号', description: '路灯不亮已经三天了' }, dispatcher);
    expect(report.message).toContain('已停用，不能再上报到这里');
    const again = await refusal('regions.setActive', { id: grid.id, active: true });
    expect(again.message).toMatch(/^上级社区「.+」已停用，请先启用它$/);
    await call('regions.setActive', { id: community.id, active: true });
    expect((await byCode(grid.code)).active).toBe(false);
    await call('regions.setActive', { id: grid.id, active: true });
    expect((await byCode(grid.code)).active).toBe(true);
  });

  it('never removes a region that history names, and says why in Chinese; an unused one goes', async () => {
    const used = (await tree()).find((n) => n.level === 'grid' && n.cases > 0)!;
    const error = await refusal('regions.remove', { id: used.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^网格「.+」已被\d+ 件案件、1 个账号引用，不能删除，否则历史记录会失去归属；可以停用它，停用后历史记录仍然保留$/);
    const unused = await byCode('500112003001006');
    await call('regions.remove', { id: unused.id });
    expect((await tree()).some((n) => n.id === unused.id)).toBe(false);
    // Its code can be used again: the tombstoned row comes back.
    const community = await byCode('500112003001');
    const again = await call<RegionAdminNode>('regions.create', { parentId: community.id, code: '500112003001006', name: '双湖新六格' });
    expect(again).toMatchObject({ id: unused.id, name: '双湖新六格', active: true });
  });
});
