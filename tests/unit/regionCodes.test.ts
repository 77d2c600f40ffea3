import { describe, expect, it } from 'vitest';
import { codeFromValue, nextChildCode, parseRegionCode } from '../../core/regions/codes';
import { regionPatch, validateRegionRecords, type KnownRegions, type StoredRegion } from '../../core/regions/records';

const known: KnownRegions = new Map([
  ['500112', { level: 'district', active: true }],
  ['500112003', { level: 'street', active: true }],
  ['500112003001', { level: 'community', active: true }],
]);

describe('the 15-digit code convention', () => {
  it('reads the level and the parent from the code', () => {
    expect(parseRegionCode('500112')).toEqual({ ok: true, level: 'district', parentCode: null });
    expect(parseRegionCode('500112003')).toEqual({ ok: true, level: 'street', parentCode: '500112' });
    expect(parseRegionCode('500112003001')).toEqual({ ok: true, level: 'community', parentCode: '500112003' });
    expect(parseRegionCode('500112003001007')).toEqual({ ok: true, level: 'grid', parentCode: '500112003001' });
  });

  it('refuses lengths, letters and empty segments', () => {
    expect(parseRegionCode('50011200300100')).toEqual({ ok: false, reason: '编码「50011200300100」有 14 位，应为 6 位（区县）、9 位（街道）、12 位（社区）或 15 位（网格）' });
    expect(parseRegionCode('50011200300100A')).toEqual({ ok: false, reason: '编码「50011200300100A」只能由数字组成' });
    expect(parseRegionCode('500112003001000')).toEqual({ ok: false, reason: '编码「500112003001000」的网格段不能为 000' });
    expect(parseRegionCode('')).toEqual({ ok: false, reason: '编码为空' });
  });

  it('takes codes written as numbers, and finds the next free child code', () => {
    expect(codeFromValue(500112003001001)).toBe('500112003001001');
    expect(codeFromValue(' 500112003 ')).toBe('500112003');
    expect(codeFromValue(1.5)).toBeNull();
    expect(nextChildCode('500112003001', ['500112003001001', '500112003001004', '500112003002009'])).toBe('500112003001005');
    expect(nextChildCode('500112003', [])).toBe('500112003001');
  });
});

describe('validateRegionRecords', () => {
  it('passes a street with its community and grid in any order', () => {
    const faults = validateRegionRecords(
      [
        { code: '500112020001001', name: '枫林社区第一网格' },
        { code: '500112020', name: '青枫街道', level: 'street', parentCode: '500112' },
        { code: '500112020001', name: '枫林社区' },
      ],
      known,
    );
    expect(faults).toEqual([]);
  });

  it('reports each fault with its record and field', () => {
    const faults = validateRegionRecords(
      [
        { code: '5001120030010', name: '坏编码' },
        { code: '500112003001001', name: '' },
        { code: '500112003009001', name: '无上级' },
        { code: '500112003001002', name: '层级不符', level: 'community' },
        { code: '500112003001003', name: '上级不符', parentCode: '500112003002' },
        { code: '500112003001004', name: '重复' },
        { code: '500112003001004', name: '重复二' },
        { code: '330106', name: '西湖区' },
        { code: '500112003001005', name: '户数', households: -3 },
      ],
      known,
    );
    expect(faults.map((f) => [f.index, f.field, f.reason])).toEqual([
      [0, 'code', '编码「5001120030010」有 13 位，应为 6 位（区县）、9 位（街道）、12 位（社区）或 15 位（网格）'],
      [1, 'name', '名称为空'],
      [2, 'parentCode', '上级社区「500112003009」在数据库和本次导入中都不存在'],
      [3, 'level', '层级为「社区」，但 15 位编码是网格'],
      [4, 'parentCode', '上级编码应为「500112003001」（本编码的前 12 位），而不是「500112003002」'],
      [6, 'code', '编码与第 6 条重复'],
      [7, 'code', '本指挥中心已有区县「500112」，不能再添加另一个区县'],
      [8, 'households', '户数应为 0 到 100000 之间的整数'],
    ]);
  });
});

describe('regionPatch', () => {
  const stored: StoredRegion = {
    id: 'g1', code: '500112003001001', name: '第一网格', level: 'grid', parentId: 'c1', households: 400, description: '双湖路', active: true,
    boundary: { type: 'Polygon', coordinates: [[[106.5, 29.6], [106.51, 29.6], [106.51, 29.61], [106.5, 29.6]]] },
  };

  it('is empty when nothing changes, boundary included (to the centimetre)', () => {
    const nudged = { type: 'Polygon' as const, coordinates: [[[106.50000001, 29.6], [106.51, 29.6], [106.51, 29.61], [106.50000001, 29.6]] as [number, number][]] };
    expect(regionPatch({ code: stored.code, name: ' 第一网格 ', boundary: nudged }, stored)).toEqual({});
    expect(regionPatch({ code: stored.code, name: '第一网格' }, stored)).toEqual({});
  });

  it('names exactly the fields that change', () => {
    expect(regionPatch({ code: stored.code, name: '一网格', households: 410, active: false }, stored)).toEqual({ name: '一网格', households: 410, active: false });
  });
});
