/** The regions code table template (区域): street, community and grid codes with names; boundaries come from GeoJSON. */
import { HOUSEHOLDS_MAX, type RegionRecord } from '../../regions/records';
import type { KindSpec, RowReader } from './columns';

export const REGIONS_SPEC: KindSpec = {
  kind: 'regions',
  sheet: '区域',
  label: '区域网格',
  columns: [
    { field: 'code', header: '区域编码', required: true, aliases: ['编码', '网格编码'], note: '区县 6 位 + 街道 3 位 + 社区 3 位 + 网格 3 位：街道 9 位、社区 12 位、网格 15 位；上级须已存在或在本表中', width: 18 },
    { field: 'name', header: '名称', required: true, aliases: ['区域名称', '网格名称'], note: '最多 64 个字', width: 20 },
    { field: 'households', header: '户数', required: false, note: `0 到 ${HOUSEHOLDS_MAX} 的整数`, width: 8 },
    { field: 'description', header: '说明', required: false, aliases: ['四至范围', '备注'], note: '如四至范围，最多 500 个字', width: 30 },
  ],
  examples: [
    { code: '500112001', name: '青枫街道' },
    { code: '500112001001', name: '望湖社区', households: 3200 },
    { code: '500112001001001', name: '望湖社区第一网格', households: 420, description: '东至青枫路，南至望湖街，西至滨河路，北至枫林巷' },
  ],
};

export function readRegionRow(row: RowReader): RegionRecord | null {
  const code = row.text('code');
  const name = row.text('name');
  const households = row.count('households', HOUSEHOLDS_MAX);
  const description = row.text('description');
  if (code === undefined || name === undefined) return null;
  return {
    code, name,
    ...(households !== undefined ? { households } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}
