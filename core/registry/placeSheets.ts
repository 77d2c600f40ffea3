/** The houses (地/房) and city components (部件) templates, and how their rows become records. Both are matched by code. */
import type { KindSpec, RowReader } from '../import/onboarding/columns';
import { checkGridCode, checkLength, firstInFile, type SheetRowContext } from './sheetKinds';

export const HOUSE_USES = { residential: '住宅', commercial: '商业', mixed: '商住', other: '其他' } as const;
export const OCCUPANCIES = { owner: '自住', rented: '出租', vacant: '空置' } as const;
export const COMPONENT_KINDS = { manhole: '井盖', street_lamp: '路灯', hydrant: '消防栓', signboard: '标识牌', other: '其他' } as const;
export const CONDITIONS = { good: '完好', damaged: '破损', missing: '缺失' } as const;

const CODE_NOTE = '最多 32 位，全区不能重复；再次导入时按编码对应已登记的记录（更新而不重复）';

export const HOUSE_SPEC: KindSpec = {
  kind: 'houses',
  sheet: '房屋',
  label: '房屋',
  columns: [
    { field: 'gridCode', header: '网格编码', required: true, note: '15 位网格编码，网格员只能导入本网格', width: 18 },
    { field: 'code', header: '房屋编码', required: true, note: CODE_NOTE, width: 16 },
    { field: 'building', header: '楼栋', required: true, note: '如“幸福路12号”，最多 64 个字；与居民的楼栋写法一致，案件地址才能对上', width: 18 },
    { field: 'unit', header: '单元', required: false, note: '最多 16 个字', width: 8 },
    { field: 'room', header: '房号', required: false, note: '最多 16 个字', width: 8 },
    { field: 'use', header: '用途', required: false, note: `${Object.values(HOUSE_USES).join(' / ')}（空 = 住宅）`, width: 8, choices: Object.values(HOUSE_USES) },
    { field: 'occupancy', header: '居住状态', required: false, note: `${Object.values(OCCUPANCIES).join(' / ')}（空 = 自住）`, width: 10, choices: Object.values(OCCUPANCIES) },
    { field: 'ownerName', header: '产权人/承租人', required: false, aliases: ['产权人', '承租人'], note: '最多 32 个字', width: 14 },
  ],
  examples: [{ gridCode: '500112003001001', code: 'F500112-0001', building: '幸福路12号', unit: '1单元', room: '301', use: '住宅', occupancy: '出租', ownerName: '李建国' }],
};

export const COMPONENT_SPEC: KindSpec = {
  kind: 'components',
  sheet: '部件',
  label: '部件',
  columns: [
    { field: 'gridCode', header: '网格编码', required: true, note: '15 位网格编码，网格员只能导入本网格', width: 18 },
    { field: 'code', header: '部件编码', required: true, note: CODE_NOTE, width: 16 },
    { field: 'kind', header: '类别', required: true, note: Object.values(COMPONENT_KINDS).join(' / '), width: 10, choices: Object.values(COMPONENT_KINDS) },
    { field: 'address', header: '位置', required: false, aliases: ['地址'], note: '如“幸福路12号门前”，最多 128 个字；案件地址含这段文字时，案件面板会列出它', width: 24 },
    { field: 'lng', header: '经度', required: false, note: '如 106.5123，与纬度同填或同空', width: 10 },
    { field: 'lat', header: '纬度', required: false, note: '如 29.6012', width: 10 },
    { field: 'condition', header: '状况', required: false, note: `${Object.values(CONDITIONS).join(' / ')}（空 = 完好）`, width: 8, choices: Object.values(CONDITIONS) },
  ],
  examples: [{ gridCode: '500112003001001', code: 'BJ-0001', kind: '井盖', address: '幸福路12号门前', lng: 106.5123, lat: 29.6012, condition: '完好' }],
};

export interface SheetHouse {
  gridCode: string;
  code: string;
  building: string;
  unit: string;
  room: string;
  use: keyof typeof HOUSE_USES;
  occupancy: keyof typeof OCCUPANCIES;
  ownerName: string;
}

export interface SheetComponent {
  gridCode: string;
  code: string;
  kind: keyof typeof COMPONENT_KINDS;
  address: string;
  lng: number | null;
  lat: number | null;
  condition: keyof typeof CONDITIONS;
}

function readCode(row: RowReader, ctx: SheetRowContext, what: string): string | undefined {
  const code = checkLength(row, 'code', row.text('code'), 32);
  return code !== undefined && firstInFile(row, ctx, 'code', code, what) ? code : undefined;
}

export function readHouseRow(row: RowReader, ctx: SheetRowContext): SheetHouse | null {
  const before = row.issues.length;
  const gridCode = checkGridCode(row, ctx, row.text('gridCode'));
  const code = readCode(row, ctx, '房屋编码');
  const building = checkLength(row, 'building', row.text('building'), 64);
  const unit = checkLength(row, 'unit', row.text('unit'), 16);
  const room = checkLength(row, 'room', row.text('room'), 16);
  const use = row.choice('use', HOUSE_USES);
  const occupancy = row.choice('occupancy', OCCUPANCIES);
  const ownerName = checkLength(row, 'ownerName', row.text('ownerName'), 32);
  if (row.issues.length > before || !gridCode || !code || !building) return null;
  return { gridCode, code, building, unit: unit ?? '', room: room ?? '', use: use ?? 'residential', occupancy: occupancy ?? 'owner', ownerName: ownerName ?? '' };
}

/** A coordinate cell: a number within China's bounds. */
function coordinate(row: RowReader, field: 'lng' | 'lat', min: number, max: number): number | null {
  const text = row.text(field);
  if (text === undefined) return null;
  const raw = row.raw(field);
  const n = typeof raw === 'number' ? raw : Number(text);
  if (!Number.isFinite(n) || n < min || n > max) {
    row.fault(field, `${field === 'lng' ? '经度' : '纬度'}应为 ${min} 到 ${max} 之间的数字`);
    return null;
  }
  return n;
}

export function readComponentRow(row: RowReader, ctx: SheetRowContext): SheetComponent | null {
  const before = row.issues.length;
  const gridCode = checkGridCode(row, ctx, row.text('gridCode'));
  const code = readCode(row, ctx, '部件编码');
  const kind = row.choice('kind', COMPONENT_KINDS);
  const address = checkLength(row, 'address', row.text('address'), 128);
  const lng = coordinate(row, 'lng', 73, 136);
  const lat = coordinate(row, 'lat', 3, 54);
  if ((lng === null) !== (lat === null) && row.issues.length === before) row.fault(lng === null ? 'lng' : 'lat', '经度和纬度要么都填，要么都不填');
  const condition = row.choice('condition', CONDITIONS);
  if (row.issues.length > before || !gridCode || !code || !kind) return null;
  return { gridCode, code, kind, address: address ?? '', lng, lat, condition: condition ?? 'good' };
}
