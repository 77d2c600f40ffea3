import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../db/import/tableReader';
import { wholeUtf8Chunks } from '../../db/import/wholeUtf8Chunks';

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
  it('re-cuts a byte stream only between characters', async () => {
    const bytes = Buffer.from('独居老人abc', 'utf8');
    const pieces = [bytes.subarray(0, 4), bytes.subarray(4, 5), bytes.subarray(5, 11), bytes.subarray(11)];
    const out: string[] = [];
    for await (const chunk of wholeUtf8Chunks((async function* () { yield* pieces; })())) out.push(chunk.toString('utf8'));
    expect(out.join('')).toBe('独居老人abc');
    expect(out.some((s) => s.includes('\ufffd'))).toBe(false);
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
