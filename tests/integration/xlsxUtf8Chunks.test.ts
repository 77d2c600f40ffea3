import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { incompleteUtf8Tail } from '../../db/import/mergeScan';
import { readTable } from '../../db/import/tableReader';

const dir = mkdtempSync(join(tmpdir(), 'griddesk-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetOf(rows: number, sharedStrings: boolean): Promise<string> {
  const file = join(dir, `s-${rows}-${sharedStrings}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings });
  const sheet = workbook.addWorksheet('居民');
  sheet.addRow(['姓名', '楼栋', '标签']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([`王秀英${i}`, `幸福路${i}号`, '独居老人、残疾人']).commit();
  sheet.commit();
  await workbook.commit();
  return file;
}

describe('Chinese text across the chunks of a large sheet', () => {
  it('finds the bytes of a character cut by a chunk edge', () => {
    const bytes = Buffer.from('独居老人', 'utf8');
    expect(incompleteUtf8Tail(bytes)).toBe(0);
    expect(incompleteUtf8Tail(bytes.subarray(0, 4))).toBe(1);
    expect(incompleteUtf8Tail(bytes.subarray(0, 5))).toBe(2);
    expect(incompleteUtf8Tail(Buffer.from('abc'))).toBe(0);
  });

  it.each([false, true])('reads every character of a sheet far larger than one chunk (shared strings: %s)', async (shared) => {
    const file = await sheetOf(20_000, shared);
    let replaced = 0;
    let rows = 0;
    for await (const row of readTable({ path: file })) {
      rows += 1;
      if (row.cells.some((c) => typeof c === 'string' && c.includes('\ufffd'))) replaced += 1;
    }
    expect(rows).toBe(20_000);
    expect(replaced).toBe(0);
  });
});
