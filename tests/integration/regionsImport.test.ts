import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionImportPreview, RegionImportResult, RegionMapResult } from '../../core/api/regionTypes';
import type { ReferenceData } from '../../core/api/types';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/regions', name), 'utf8');
const STREET = fixture('qingfeng-street.geo.json');
const FAULTY = fixture('faulty-street.geo.json');

let t: TestBackend;
let admin: string;

async function call<T>(method: string, input: unknown, token = admin): Promise<T> {
  const response = await t.dispatch(method, input, token);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 20 });
  admin = await t.login('admin');
});
afterAll(async () => t.close());

describe('importing a street’s grid map from GeoJSON', () => {
  it('previews what it would do and writes nothing', async () => {
    const before = await tableCounts(t.backend);
    const preview = await call<RegionImportPreview>('regions.previewImport', { text: STREET });
    expect(preview.faults).toEqual([]);
    expect([preview.codeProperty, preview.nameProperty]).toEqual(['网格编码', '网格名称']);
    expect(preview.counts).toEqual({ create: 10, update: 0, unchanged: 0, invalid: 0 });
    expect(preview.implied.map((r) => r.name).sort()).toEqual(['望湖社区', '枫林社区', '溪岸社区', '青枫街道'].sort());
    expect(preview.properties).toEqual(expect.arrayContaining(['网格编码', '网格名称', '社区名称', '街道名称', '户数']));
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('stores the street, its communities and grids with their boundaries, audited and in the outbox', async () => {
    const before = await tableCounts(t.backend);
    const { version: mapBefore } = await call<RegionMapResult>('regions.map', {});
    const result = await call<RegionImportResult>('regions.importGeoJson', { text: STREET });
    expect(result.created).toHaveLength(14);
    expect(result.updated).toEqual([]);
    const after = await tableCounts(t.backend);
    expect(after.regions! - before.regions!).toBe(14);
    expect(after.audit_log! - before.audit_log!).toBe(14);
    expect(after.outbox! - before.outbox!).toBe(28); // each region row and its audit row

    const grid = await t.backend.knex('regions').where({ code: '500112020002003' }).first();
    expect(grid).toMatchObject({ name: '溪岸社区第三网格', level: 'grid', active: 1, households: 374 });
    expect(JSON.parse(grid.boundary).type).toBe('Polygon');
    const community = await t.backend.knex('regions').where({ code: '500112020002' }).first();
    expect(community).toMatchObject({ name: '溪岸社区', level: 'community', boundary: null });
    expect(grid.parent_id).toBe(community.id);
    const audit = await t.backend.knex('audit_log').where({ action: 'region.create', target_id: grid.id }).first();
    expect(JSON.parse(audit.detail)).toMatchObject({ code: '500112020002003', via: 'geojson', before: null, after: { name: '溪岸社区第三网格', boundary: { type: 'Polygon' } } });

    // The map every dashboard and wall draws now has the new street.
    const map = await call<RegionMapResult>('regions.map', { version: mapBefore });
    expect(map.version).not.toBe(mapBefore);
    expect(map.map!.grids).toHaveLength(70);
    expect(map.map!.features.features.map((f) => f.properties.name)).toContain('500112020002003');
    expect(map.map!.communities.map((c) => c.name)).toEqual(expect.arrayContaining(['枫林社区', '溪岸社区', '望湖社区']));
    const reference = await call<ReferenceData>('reference.get', {});
    expect(reference.regions.find((r) => r.code === '500112020')).toMatchObject({ name: '青枫街道', level: 'street', active: true });
  });

  it('importing the same file again changes nothing: no row, no outbox entry, no audit', async () => {
    const before = await tableCounts(t.backend);
    const outboxBefore = await t.backend.knex('outbox').max({ seq: 'seq' }).first();
    const { version } = await call<RegionMapResult>('regions.map', {});
    const result = await call<RegionImportResult>('regions.importGeoJson', { text: STREET });
    expect(result).toEqual({ created: [], updated: [], unchanged: 10 });
    expect(await tableCounts(t.backend)).toEqual(before);
    expect(await t.backend.knex('outbox').max({ seq: 'seq' }).first()).toEqual(outboxBefore);
    expect(await call<RegionMapResult>('regions.map', { version })).toEqual({ version, map: null });
    const preview = await call<RegionImportPreview>('regions.previewImport', { text: STREET });
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 10, invalid: 0 });
  });

  it('a changed boundary and name update only that grid, with before and after in the audit', async () => {
    const changed = JSON.parse(STREET) as { features: Array<{ properties: Record<string, unknown> }> };
    changed.features[0]!.properties['网格名称'] = '枫林一格';
    const result = await call<RegionImportResult>('regions.importGeoJson', { text: JSON.stringify(changed) });
    expect(result).toEqual({ created: [], updated: ['500112020001001'], unchanged: 9 });
    const audit = await t.backend.knex('audit_log').where({ action: 'region.update' }).orderBy('at', 'desc').first();
    expect(JSON.parse(audit.detail)).toMatchObject({ code: '500112020001001', before: { name: '枫林社区第一网格' }, after: { name: '枫林一格' } });
  });

  it('reports every fault of a bad file with its feature and writes nothing', async () => {
    const before = await tableCounts(t.backend);
    const preview = await call<RegionImportPreview>('regions.previewImport', { text: FAULTY });
    const faulty = new Set(preview.faults.map((f) => f.index));
    expect([...faulty].sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(preview.counts.invalid).toBe(12);
    const reasons = preview.faults.map((f) => f.reason).join('\n');
    for (const words of ['有 14 位', '缺少编码', '在数据库和本次导入中都不存在', '编码与第 1 个要素重复', 'LineString', '未闭合', '至少需要 4 个', '自相交', '超出中国经纬度范围', '与第 12 个要素', '与已有网格']) {
      expect(reasons).toContain(words);
    }
    const response = await t.dispatch('regions.importGeoJson', { text: FAULTY }, admin);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION_FAILED');
    expect(response.error.message).toMatch(/^文件有 \d+ 处错误，未导入任何内容。第 2 个要素（50011202100100）：编码「50011202100100」有 14 位/);
    expect(response.error.issues!.length).toBe(preview.faults.length);
    expect(await tableCounts(t.backend)).toEqual(before);
    expect(await t.backend.knex('regions').where({ code: '500112021001001' }).first()).toBeUndefined();
  });

  it('refuses what is not GeoJSON, in Chinese', async () => {
    const response = await t.dispatch('regions.importGeoJson', { text: 'code,name\n500112003001001,一格' }, admin);
    expect(response.ok ? null : response.error.message).toMatch(/^文件有 1 处错误，未导入任何内容。文件不是有效的 JSON/);
  });

  it('only admins preview or import; the map needs a command-centre role or the display key', async () => {
    const dispatcher = await t.login('dispatcher');
    expect((await t.dispatch('regions.importGeoJson', { text: STREET }, dispatcher)).ok).toBe(false);
    expect((await t.dispatch('regions.map', {}, dispatcher)).ok).toBe(true);
    const worker = await t.login('gw003001001');
    expect(await t.dispatch('regions.map', {}, worker)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { key } = await call<{ key: string }>('settings.displayKey', {});
    expect((await t.dispatch('regions.map', { key }, null)).ok).toBe(true);
  });
});
