/**
 * What an onboarding template is made of, and how a filled-in sheet's header and cells are read
 * back: columns found by their Chinese header (a trailing * marks a required one; a few everyday
 * synonyms are accepted), cells turned into typed values with a Chinese reason for each bad one.
 */
import { cellText, type CellValue } from '../cells';
import { columnLetter, issueValueText, type ImportIssue } from '../report';

export const ONBOARDING_KINDS = ['users', 'regions', 'departments', 'organisations', 'categories'] as const;
export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];

export interface TemplateColumn {
  /** The record field it fills (as the record validators name their faults). */
  field: string;
  header: string;
  required: boolean;
  /** Other headers old lists use for the same column. */
  aliases?: readonly string[];
  /** What to write, shown in the template's notes sheet. */
  note: string;
  width?: number;
  /** The values a drop-down in the template offers. */
  choices?: readonly string[];
}

export interface KindSpec {
  /** An onboarding kind, or a register's (core/registry/sheetKinds.ts): both read through the same columns. */
  kind: string;
  /** The template's data sheet (the file must have it). */
  sheet: string;
  label: string;
  columns: readonly TemplateColumn[];
  /** Example rows for the template, by field. */
  examples: ReadonlyArray<Readonly<Record<string, string | number>>>;
}

/** The header as written in the template: required columns end in *. */
export const templateHeader = (column: TemplateColumn): string => (column.required ? `${column.header}*` : column.header);

const normaliseHeader = (text: string): string => text.replace(/[\s*＊]|（必填）|\(必填\)/g, '');

export interface ColumnMap {
  /** Column index (0-based) of each field found. */
  index: ReadonlyMap<string, number>;
  header: readonly string[];
}

/** Finds the template's columns in a sheet's header; a missing required column is a fault of the file. */
export function mapColumns(spec: KindSpec, header: readonly string[], sheet: string, headerRow = 1): { map: ColumnMap; issues: ImportIssue[] } {
  const positions = new Map(header.map((text, i) => [normaliseHeader(text), i] as const).reverse());
  const index = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const column of spec.columns) {
    const at = [column.header, ...(column.aliases ?? [])].map((name) => positions.get(name)).find((i) => i !== undefined);
    if (at !== undefined) index.set(column.field, at);
    else if (column.required) {
      issues.push({ sheet, row: headerRow, column: column.header, value: '', reason: `缺少必填列“${column.header}”：请使用下载的模板，不要删改表头` });
    }
  }
  return { map: { index, header }, issues };
}

/** One data row being read: its cells by field, and the faults found so far. */
export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly spec: KindSpec,
    private readonly map: ColumnMap,
    readonly sheet: string,
    readonly row: number,
    private readonly cells: readonly CellValue[],
  ) {}

  /** The column as the template names it (without the * of a required one). */
  columnLabel(field: string): string {
    const column = this.spec.columns.find((c) => c.field === field);
    if (column) return column.header;
    const at = this.map.index.get(field);
    return at === undefined ? field : this.map.header[at] || columnLetter(at + 1);
  }

  raw(field: string): CellValue {
    const at = this.map.index.get(field);
    return at === undefined ? null : (this.cells[at] ?? null);
  }

  fault(field: string, reason: string, value: CellValue = this.raw(field)): void {
    this.issues.push({ sheet: this.sheet, row: this.row, column: this.columnLabel(field), value: issueValueText(value), reason });
  }

  /** The cell as text; undefined when the column is absent or the cell blank (a required one is a fault). */
  text(field: string): string | undefined {
    const value = this.raw(field);
    if (value instanceof Date) {
      this.fault(field, '这里应填文字，不是日期：请把单元格格式设为“文本”后重新填写');
      return undefined;
    }
    const text = cellText(value).trim();
    if (text === '') {
      const column = this.spec.columns.find((c) => c.field === field);
      if (column?.required) this.fault(field, `“${column.header}”是必填项，不能为空`);
      return undefined;
    }
    return text;
  }

  /** A yes/no cell (是/否, 启用/停用, Y/N, 1/0, TRUE/FALSE). */
  flag(field: string, yes: readonly string[] = YES, no: readonly string[] = NO): boolean | undefined {
    const value = this.raw(field);
    if (typeof value === 'boolean') return value;
    const text = this.text(field);
    if (text === undefined) return undefined;
    const key = text.toLowerCase();
    if (yes.includes(key)) return true;
    if (no.includes(key)) return false;
    this.fault(field, `应填“${yes[0]}”或“${no[0]}”`);
    return undefined;
  }

  /** A cell naming one of a few choices by its Chinese label (or its stored value). */
  choice<T extends string>(field: string, labels: Readonly<Record<T, string>>, extra: Readonly<Record<string, T>> = {}): T | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    const entries = Object.entries(labels) as Array<[T, string]>;
    const found = entries.find(([value, label]) => label === text || value === text.toLowerCase())?.[0] ?? extra[text];
    if (found === undefined) this.fault(field, `“${text}”不是可选的值：可填 ${entries.map(([, label]) => label).join('、')}`);
    return found;
  }

  /** Several values in one cell, separated by 、 , ， ; ； or line breaks. */
  list(field: string): string[] | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    return [...new Set(text.split(/[、,，;；\n\r]+/).map((s) => s.trim()).filter(Boolean))];
  }

  /** A whole number from 0 to max. */
  count(field: string, max: number): number | undefined {
    const value = this.raw(field);
    const text = this.text(field);
    if (text === undefined) return undefined;
    const n = typeof value === 'number' ? value : Number(text.replace(/[,，]/g, ''));
    if (!Number.isInteger(n) || n < 0 || n > max) {
      this.fault(field, `应为 0 到 ${max} 之间的整数`);
      return undefined;
    }
    return n;
  }
}

const YES = ['是', 'y', 'yes', 'true', '1', '√', '启用', '正常'];
const NO = ['否', 'n', 'no', 'false', '0', '×', '停用', '禁用'];
export const ACTIVE_WORDS = { yes: ['启用', '正常', '是', 'y', '1', 'true'], no: ['停用', '禁用', '否', 'n', '0', 'false'] } as const;
