/** The registers that come and go as Excel sheets (issue 12 §4), and what their rows share. */
import type { RowReader } from '../import/onboarding/columns';

export const REGISTER_SHEET_KINDS = ['residents', 'houses', 'components', 'organisations'] as const;
export type RegisterSheetKind = (typeof REGISTER_SHEET_KINDS)[number];

export const REGISTER_SHEET_LABELS: Record<RegisterSheetKind, string> = { residents: '居民', houses: '房屋', components: '部件', organisations: '组织' };

/** What reading one row may consult: the grids the importer may write to, and the keys seen earlier in the file. */
export interface SheetRowContext {
  gridCodes: ReadonlySet<string>;
  /** Key (ID number, code) → the sheet row it was first seen on: a second row with it is refused. */
  seen: Map<string, number>;
}

/** 网格编码 (already read): one of the grids the importer may write to. */
export function checkGridCode(row: RowReader, ctx: SheetRowContext, code: string | undefined): string | undefined {
  if (code !== undefined && !ctx.gridCodes.has(code)) {
    row.fault('gridCode', ctx.gridCodes.size === 0 ? '没有可导入的网格（账号未绑定网格）' : '没有这个网格编码，或不是你可以导入的网格（应为 15 位网格编码，见区域网格）');
    return undefined;
  }
  return code;
}

/** A text cell (already read) within its length limit; undefined (and a fault) when too long. */
export function checkLength(row: RowReader, field: string, text: string | undefined, max: number): string | undefined {
  if (text !== undefined && text.length > max) {
    row.fault(field, `不能超过 ${max} 个字符`);
    return undefined;
  }
  return text;
}

/** The row's key (ID number, code): refused when an earlier row of the file had it. */
export function firstInFile(row: RowReader, ctx: SheetRowContext, field: string, key: string, what: string): boolean {
  const earlier = ctx.seen.get(key);
  if (earlier !== undefined) {
    row.fault(field, `与第 ${earlier} 行的${what}重复`);
    return false;
  }
  ctx.seen.set(key, row.row);
  return true;
}
