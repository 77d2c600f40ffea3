import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { idCheckCharacter } from '../core/registry/access';
import { RESIDENT_SHEET_COLUMNS } from '../core/registry/residentSheet';
import { TAGS, TAG_CODES, type TagCode } from '../core/registry/tags';
import { Backend } from '../electron/main/backend';
import { seedDemo } from '../db/seed/demo';
import { insertChunked, type Row } from '../db/writePath';
import type { FieldCipher } from '../db/registry/fieldCipher';
import { residentRow } from '../db/repositories/registry/residentRecords';
import { log } from './stats';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '秀英桂兰明华建国志强伟芳丽军敏静磊洋勇艳杰涛超霞平刚玉兰淑珍海燕红梅德福宏宇子涵梓萱浩然欣怡';

export const benchIdNumber = (serial: number): string => {
  const first17 = `500112${String(serial).padStart(11, '0')}`;
  return first17 + idCheckCharacter(first17);
};
export const benchPhone = (serial: number): string => `13${String(serial).padStart(9, '0')}`;

function person(serial: number): { name: string; tags: TagCode[] } {
  const name = SURNAMES[serial % SURNAMES.length]! + GIVEN[(serial * 7) % GIVEN.length]! + (serial % 3 === 0 ? '' : GIVEN[(serial * 13) % GIVEN.length]!);
  // About one resident in twelve belongs to a group grid workers look after.
  const tags = serial % 12 === 0 ? [TAG_CODES[(serial / 12) % TAG_CODES.length]!] : [];
  return { name, tags };
}

/** Grid ids and codes of the demo office (60 grids). */
export async function demoGrids(backend: Backend): Promise<Array<{ id: string; code: string }>> {
  return (await backend.knex('regions').where({ level: 'grid' }).select('id', 'code').orderBy('code')) as Array<{ id: string; code: string }>;
}

/**
 * The 1,000,000-resident database, made once with bulk inserts (no outbox: a bench seed, not a
 * user's writes) and reused. Each grid has 200 buildings; due dates spread over the past month
 * and the coming year, as a register some months old would have them.
 */
export async function ensureRegistryDatabase(dbFile: string, residents: number, cipher: FieldCipher): Promise<void> {
  if (existsSync(dbFile)) return;
  mkdirSync(dirname(dbFile), { recursive: true });
  log(`generating ${residents} residents into ${dbFile} (once; later runs reuse it)…`);
  const now = Date.now();
  const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
  await seedDemo(backend.writePath, { now, cases: 200 });
  await backend.knex('personal_data_key').insert({ singleton: 1, check: cipher.checkValue() });
  const grids = await demoGrids(backend);
  const hlc = backend.writePath.clock.tick();
  const BATCH = 20_000;
  for (let start = 0; start < residents; start += BATCH) {
    const rows: Row[] = [];
    for (let i = start; i < Math.min(residents, start + BATCH); i++) {
      const grid = grids[i % grids.length]!;
      const { name, tags } = person(i);
      const local = Math.floor(i / grids.length);
      const verifiedAt = now - ((i * 7919) % 365) * 86_400_000 - 3_600_000;
      const row = residentRow(cipher, {
        gridId: grid.id, name, idNumber: benchIdNumber(i), phone: benchPhone(i), building: `幸福路${(local % 200) + 1}号`,
        unit: `${(local % 4) + 1}单元`, room: `${(local % 30) + 1}0${(local % 4) + 1}`, relation: '', tags, note: '',
      }, null, verifiedAt, null);
      rows.push({ ...row, hlc, deleted: 0, id: uuidv7() });
    }
    await backend.knex.transaction((trx) => insertChunked(trx, 'residents', rows));
    if ((start + BATCH) % 200_000 === 0) log(`${start + BATCH}`);
  }
  await backend.knex.raw('analyze');
  await backend.close();
}

/** The 100,000-row import sheet, written once with exceljs's streaming writer. */
export async function ensureImportSheet(file: string, rows: number, gridCodes: readonly string[]): Promise<void> {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  log(`writing ${rows} residents to ${file}…`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.part`, useSharedStrings: false });
  const sheet = workbook.addWorksheet('居民');
  sheet.addRow([...RESIDENT_SHEET_COLUMNS]).commit();
  for (let i = 0; i < rows; i++) {
    const serial = 5_000_000 + i;
    const { name, tags } = person(serial);
    sheet.addRow([
      gridCodes[i % gridCodes.length], name, benchIdNumber(serial), benchPhone(serial), `和平路${(i % 300) + 1}号`, `${(i % 4) + 1}单元`,
      `${(i % 30) + 1}01`, `H${String(Math.floor(i / 3)).padStart(7, '0')}`, i % 3 === 0 ? '户主' : '家庭成员', tags.map((t) => TAGS[t].label).join('、'), '',
    ]).commit();
  }
  sheet.commit();
  await workbook.commit();
  const { renameSync } = await import('node:fs');
  renameSync(`${file}.part`, file);
}

export function freshFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
