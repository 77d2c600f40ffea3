import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { issueReportWorkbook } from '../../db/import/reportWorkbook';
import { readTable, readWholeTable, TableRefusal, type ReadTableOptions, type TableSource } from '../../db/import/tableReader';

const dir = mkdtempSync(join(tmpdir(), 'gd-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (wall: string) => new Date(`${wall}+08:00`);

async function xlsx(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function refusal(source: TableSource, options?: ReadTableOptions): Promise<string[]> {
  try {
    for await (const _row of readTable(source, options)) {
      // read to the end
    }
  } catch (error) {
    if (error instanceof TableRefusal) return error.issues.map((issue) => issue.reason);
    throw error;
  }
  throw new Error('the table was read without a refusal');
}

describe('reading .xlsx', () => {
  it('yields rows with the header, dates from date cells, serials and text, and reports formulas and error values', async () => {
    const path = await xlsx('cases.xlsx', (wb) => {
      const sheet = wb.addWorksheet('案件');
      sheet.addRow(['编号', '上报时间', '手机号', '合计']);
      sheet.addRow(['A1', new Date(Date.UTC(2025, 2, 4, 8, 30)), 13800138000, 3]);
      sheet.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
      sheet.addRow([]);
      sheet.addRow(['A2', 45720.5, '13900139000', { formula: 'SUM(1,2)', result: 3 }]);
      sheet.addRow(['A3', '2025年3月6日 9:05', { richText: [{ text: '137' }, { text: '00137000' }] }, { error: '#N/A' }]);
      sheet.addRow(['A4', '下周一', null, null]);
    });
    const { rows, issues } = await readWholeTable({ path }, { dateColumns: ['上报时间'] });
    expect(rows.map((r) => [r.sheet, r.row, r.cells[0]])).toEqual([
      ['案件', 2, 'A1'],
      ['案件', 4, 'A2'],
      ['案件', 5, 'A3'],
      ['案件', 6, 'A4'],
    ]);
    expect(rows[0]!.header).toEqual(['编号', '上报时间', '手机号', '合计']);
    expect(rows[0]!.cells[1]).toEqual(at('2025-03-04T08:30:00'));
    expect(rows[1]!.cells[1]).toEqual(at('2025-03-04T12:00:00')); // serial 45720.5
    expect(rows[2]!.cells[1]).toEqual(at('2025-03-06T09:05:00'));
    expect(rows[3]!.cells[1]).toBeNull();
    expect(rows[0]!.cells[2]).toBe(13800138000);
    expect(rows[2]!.cells[2]).toBe('13700137000');
    expect(issues).toEqual([
      { sheet: '案件', row: 4, column: '合计', value: '=SUM(1,2)', reason: expect.stringContaining('这是公式') },
      { sheet: '案件', row: 5, column: '合计', value: '#N/A', reason: expect.stringContaining('错误值') },
      { sheet: '案件', row: 6, column: '上报时间', value: '下周一', reason: expect.stringContaining('不是有效的日期时间') },
    ]);
  });

  it('reads only the named sheet, and refuses a workbook without it, naming the sheets it has', async () => {
    const path = await xlsx('two-sheets.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['请按模板填写']);
      const users = wb.addWorksheet('用户');
      users.addRow(['用户名']);
      users.addRow(['zhang']);
    });
    const { rows } = await readWholeTable({ path }, { sheets: ['用户'] });
    expect(rows.map((r) => [r.sheet, r.cells])).toEqual([['用户', ['zhang']]]);
    const reasons = await refusal({ path }, { sheets: ['部门'] });
    expect(reasons).toEqual([expect.stringMatching(/找不到工作表“部门”.*“说明”、“用户”/)]);
  });

  it('refuses merged header cells, and merged data cells, with the range', async () => {
    const header = await xlsx('merged-header.xlsx', (wb) => {
      const sheet = wb.addWorksheet('用户');
      sheet.addRow(['姓名', '', '电话']);
      sheet.mergeCells('A1:B1');
      sheet.addRow(['张三', '李四', '13800138000']);
    });
    const { rows, issues } = await readWholeTable({ path: header });
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ sheet: '用户', row: 1, column: 'A', value: 'A1:B1', reason: expect.stringContaining('表头有合并单元格') }]);
    const data = await xlsx('merged-data.xlsx', (wb) => {
      const sheet = wb.addWorksheet('用户');
      sheet.addRow(['部门', '姓名']);
      sheet.addRow(['城管科', '张三']);
      sheet.addRow([null, '李四']);
      sheet.mergeCells('A2:A3');
    });
    expect(await refusal({ path: data })).toEqual([expect.stringContaining('数据区有合并单元格')]);
  });

  it('refuses a duplicate header', async () => {
    const path = await xlsx('dup-header.xlsx', (wb) => {
      const sheet = wb.addWorksheet('用户');
      sheet.addRow(['姓名', '电话', '姓名']);
      sheet.addRow(['a', 'b', 'c']);
    });
    expect(await refusal({ path })).toEqual([expect.stringContaining('表头“姓名”与 A 列重复')]);
  });

  it('reads from bytes as well as from a path', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('用户');
    sheet.addRow(['用户名']);
    sheet.addRow(['li']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { rows } = await readWholeTable({ name: 'upload.xlsx', bytes });
    expect(rows.map((r) => r.cells)).toEqual([['li']]);
  });
});

describe('refusing files it cannot read', () => {
  it('an .xls, by name or by content', async () => {
    const ole = join(dir, 'old.xlsx');
    writeFileSync(ole, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(await refusal({ path: ole })).toEqual([expect.stringContaining('Excel 97-2003')]);
    expect(await refusal({ name: '名单.xls', bytes: new Uint8Array([1, 2, 3]) })).toEqual([expect.stringContaining('.xls')]);
  });

  it('an empty file, a header without rows, a file of blank rows', async () => {
    expect(await refusal({ name: 'empty.xlsx', bytes: new Uint8Array(0) })).toEqual([expect.stringContaining('文件是空的')]);
    expect(await refusal({ name: 'blank.csv', bytes: Buffer.from('\r\n,,\r\n') })).toEqual([expect.stringContaining('没有任何内容')]);
    expect(await refusal({ name: 'head.csv', bytes: Buffer.from('用户名,姓名\r\n') })).toEqual([expect.stringContaining('只有表头')]);
  });

  it('a file over the size limit, before reading it', async () => {
    const path = join(dir, 'huge.xlsx');
    writeFileSync(path, '');
    truncateSync(path, 20 * 1024 * 1024);
    expect(await refusal({ path })).toEqual([expect.stringMatching(/20\.0 MB，超过导入上限 10\.0 MB/)]);
  });

  it('a broken .xlsx, and a file that is neither .xlsx nor .csv', async () => {
    expect(await refusal({ name: 'x.xlsx', bytes: Buffer.from('PK\x03\x04 not really a zip') })).toEqual([expect.stringContaining('无法作为 .xlsx 读取')]);
    expect(await refusal({ name: 'x.xlsx', bytes: Buffer.from('name,phone\n') })).toEqual([expect.stringContaining('内容不是 Excel 工作簿')]);
    expect(await refusal({ name: 'x.pdf', bytes: Buffer.from('%PDF') })).toEqual([expect.stringContaining('只能导入 .xlsx 或 .csv')]);
  });
});

describe('reading .csv', () => {
  const text = '编号,内容,时间\r\nA1,"说 ""你好""，\n第二行",2025/3/4 8:30\r\n\r\nA2,普通,20250305\r\nA3,末行无换行,45720.5';
  const expected = [
    [2, ['A1', '说 "你好"，\n第二行', at('2025-03-04T08:30:00')]],
    [4, ['A2', '普通', at('2025-03-05T00:00:00')]],
    [5, ['A3', '末行无换行', at('2025-03-04T12:00:00')]],
  ];

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-8 without BOM', Buffer.from(text)],
    ['GBK', Buffer.from(new Uint8Array(gbk(text)))],
  ])('%s: quoted fields, doubled quotes, line breaks inside quotes, CRLF, dates', async (_label, bytes) => {
    const { rows, issues } = await readWholeTable({ name: 'cases.csv', bytes }, { dateColumns: ['时间'] });
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.row, r.cells])).toEqual(expected);
    expect(rows[0]!.header).toEqual(['编号', '内容', '时间']);
  });

  it('keeps leading zeros and long numbers as text', async () => {
    const { rows } = await readWholeTable({ name: 'u.csv', bytes: Buffer.from('工号,手机\n0012,13800138000\n') });
    expect(rows[0]!.cells).toEqual(['0012', '13800138000']);
  });
});

describe('the issue report', () => {
  it('writes an .xlsx the reader reads back, file faults first, values kept as text', async () => {
    const bytes = await issueReportWorkbook([
      { sheet: '用户', row: 3, column: '手机号', value: '=1+1', reason: '手机号应为 11 位' },
      { sheet: '', row: 0, column: '', value: '', reason: '文件有问题' },
    ]);
    const { rows } = await readWholeTable({ name: 'report.xlsx', bytes });
    expect(rows[0]!.header).toEqual(['工作表', '行号', '列', '内容', '问题']);
    expect(rows.map((r) => r.cells)).toEqual([
      [null, '整个文件', null, null, '文件有问题'],
      ['用户', 3, '手机号', '=1+1', '手机号应为 11 位'],
    ]);
  });
});

/** GBK bytes of the test text, from a table built with the platform's own GB18030 decoder. */
function gbk(source: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (const char of new Set(source)) {
    if (char.charCodeAt(0) < 0x80) {
      table.set(char, [char.charCodeAt(0)]);
      continue;
    }
    search: for (let hi = 0x81; hi <= 0xfe; hi += 1) {
      for (let lo = 0x40; lo <= 0xfe; lo += 1) {
        if (decoder.decode(new Uint8Array([hi, lo])) === char) {
          table.set(char, [hi, lo]);
          break search;
        }
      }
    }
  }
  return [...source].flatMap((char) => table.get(char) ?? []);
}

describe('chunk edges', () => {
  it('a CSV cut into one-byte chunks reads the same (quotes, CRLF and multi-byte characters across edges)', async () => {
    const { readCsvRows } = await import('../../db/import/csvRows');
    const { Readable } = await import('node:stream');
    const bytes = Buffer.from('a,b\r\n"x""y",张三\r\n"多\r\n行",z');
    const rows = [];
    for await (const row of readCsvRows(Readable.from([...bytes].map((byte) => Buffer.from([byte]))))) rows.push(row.cells);
    expect(rows).toEqual([['a', 'b'], ['x"y', '张三'], ['多\r\n行', 'z']]);
  });
});
