import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentDetail, ResidentPage, ResidentRow, RevealedResident, ViewLogRow } from '../../core/api/registryTypes';
import { openTestBackend, type TestBackend } from '../support/backend';
import { caller, gridIdOf, testIdNumber } from '../support/registry';

process.env.GRIDDESK_PASSPHRASE = 'registry test passphrase';

let t: TestBackend;
let api: ReturnType<typeof caller>;
const tokens: Record<string, string> = {};
let grid: string;
let otherGrid: string;
const ID = testIdNumber(7);
const PHONE = '13987654321';

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 10 });
  api = caller(t);
  for (const u of ['admin', 'dispatcher', 'leader', 'shiftlead', 'gw003001001', 'gw003001002']) tokens[u] = await t.login(u);
  grid = await gridIdOf(t, '500112003001001');
  otherGrid = await gridIdOf(t, '500112003001002');
  await api.call<ResidentRow>('registry.saveResident', {
    gridId: grid, name: '王秀英', idNumber: ID, phone: '139-8765-4321', building: '双湖路12号', unit: '2单元', room: '301',
    householdCode: 'H-001', relation: '户主', tags: ['elderly_alone', 'severe_mental_illness'], note: '每周探访',
  }, tokens.gw003001001!);
  await api.call('registry.saveResident', {
    gridId: grid, name: '王小明', idNumber: testIdNumber(8), phone: '', building: '双湖路12号', unit: '2单元', room: '301', householdCode: 'H-001', relation: '孙子', tags: [],
  }, tokens.admin!);
});
afterAll(async () => t.close());

const findByPhone = (token: string, lookup = PHONE) => api.call<ResidentPage>('registry.residents', { lookup }, token);

describe('personal data at rest', () => {
  it('keeps no plain ID number or phone in the SQLite file or its WAL', async () => {
    await t.backend.knex.raw('select 1');
    for (const file of [t.dbFile, `${t.dbFile}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(ID)), file).toBe(false);
      expect(bytes.includes(Buffer.from(PHONE)), file).toBe(false);
      expect(bytes.includes(Buffer.from('severe_mental_illness')), file).toBe(false);
      expect(bytes.includes(Buffer.from('每周探访')), file).toBe(false);
    }
    const row = await t.backend.knex('residents').where({ name: '王秀英' }).first();
    expect(row.id_cipher).toMatch(/^v1\./);
    expect(row.id_masked).toBe(`${ID.slice(0, 4)}**********${ID.slice(-4)}`);
  });

  it('finds a resident by phone (any formatting) or ID number through the keyed hash', async () => {
    expect((await findByPhone(tokens.dispatcher!, '139 8765 4321')).rows.map((r) => r.name)).toEqual(['王秀英']);
    expect((await api.call<ResidentPage>('registry.residents', { lookup: ID.toLowerCase() }, tokens.dispatcher!)).total).toBe(1);
    const bad = await api.refusal('registry.residents', { lookup: '王秀' }, tokens.dispatcher!);
    expect(bad.message).toBe('请输入完整的手机号或 18 位身份证号');
  });

  it('refuses a second person with the same ID number, with a Chinese message', async () => {
    const grandson = (await api.call<ResidentPage>('registry.residents', { lookup: testIdNumber(8) }, tokens.admin!)).rows[0]!;
    const err = await api.refusal('registry.saveResident', { id: grandson.id, gridId: grid, name: '王小明', idNumber: ID, building: '双湖路12号' }, tokens.admin!);
    expect(err).toMatchObject({ code: 'CONFLICT', message: `该身份证号已登记在另一位居民名下（${ID.slice(0, 4)}**********${ID.slice(-4)}）` });
    // Re-entering the same person (no id) updates them instead of duplicating.
    const before = await t.backend.knex('residents').count({ n: '*' });
    await api.call('registry.saveResident', { gridId: grid, name: '王秀英', idNumber: ID, phone: PHONE, building: '双湖路12号', unit: '2单元', room: '302', tags: ['elderly_alone'] }, tokens.admin!);
    expect(await t.backend.knex('residents').count({ n: '*' })).toEqual(before);
    await api.call('registry.saveResident', { gridId: grid, name: '王秀英', idNumber: ID, phone: PHONE, building: '双湖路12号', unit: '2单元', room: '301', householdCode: 'H-001', relation: '户主', tags: ['elderly_alone', 'severe_mental_illness'], note: '每周探访' }, tokens.admin!);
  });

  it('refuses a wrong ID number with its reason', async () => {
    const err = await api.refusal('registry.saveResident', { gridId: grid, name: '错号', idNumber: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1'), building: 'x' }, tokens.admin!);
    expect(err.issues?.[0]?.message).toContain('身份证号码不正确');
  });
});

describe('masking by role', () => {
  it('masks ID and phone in every list; leaders also see masked names; tags by role', async () => {
    const asDispatcher = (await findByPhone(tokens.dispatcher!)).rows[0]!;
    expect(asDispatcher).toMatchObject({ name: '王秀英', idNumber: `${ID.slice(0, 4)}**********${ID.slice(-4)}`, phone: '139****4321' });
    expect(asDispatcher.tags.map((x) => x.label)).toEqual(['独居老人']); // 严重精神障碍 is for casework roles
    const asWorker = (await findByPhone(tokens.gw003001001!)).rows[0]!;
    expect(asWorker.tags.map((x) => x.label)).toEqual(['独居老人', '严重精神障碍']);
    const asLeader = await findByPhone(tokens.leader!);
    expect(asLeader.rows[0]).toMatchObject({ name: '王**', phone: '139****4321' });
    expect(asLeader.mayReveal).toBe(false);
  });

  it('shows the household, masked, and the tag note only to who sees every tag', async () => {
    const id = (await findByPhone(tokens.dispatcher!)).rows[0]!.id;
    const detail = await api.call<ResidentDetail>('registry.resident', { id }, tokens.dispatcher!);
    expect(detail.household.map((m) => m.name)).toEqual(['王小明']);
    expect(detail.household[0]!.idNumber).toContain('****');
    expect(detail.note).toBeNull();
    expect((await api.call<ResidentDetail>('registry.resident', { id }, tokens.gw003001001!)).note).toBe('每周探访');
  });

  it('keeps another grid’s worker out', async () => {
    expect((await findByPhone(tokens.gw003001002!)).total).toBe(0);
    const id = (await findByPhone(tokens.dispatcher!)).rows[0]!.id;
    expect((await api.refusal('registry.resident', { id }, tokens.gw003001002!)).code).toBe('NOT_FOUND');
    expect((await api.refusal('registry.residents', { gridId: grid }, tokens.gw003001002!)).code).toBe('FORBIDDEN');
    expect(otherGrid).not.toBe(grid);
  });
});

describe('revealing one record', () => {
  it('needs a reason, shows the record in full, and the audit answers who looked', async () => {
    const id = (await findByPhone(tokens.dispatcher!)).rows[0]!.id;
    const noReason = await api.refusal('registry.reveal', { id, reason: '' }, tokens.dispatcher!);
    expect(noReason.issues?.[0]?.message).toContain('请写明查看原因');
    const shown = await api.call<RevealedResident>('registry.reveal', { id, reason: '12345 来电核实身份' }, tokens.dispatcher!);
    expect(shown).toMatchObject({ idNumber: ID, phone: PHONE, name: '王秀英' });
    expect(shown.tags.map((x) => x.code)).toEqual(['elderly_alone']);
    await api.call('registry.reveal', { id, reason: '入户走访前确认' }, tokens.gw003001001!);
    expect((await api.refusal('registry.reveal', { id, reason: '想看看而已' }, tokens.leader!)).code).toBe('FORBIDDEN');
    const log = await api.call<{ total: number; rows: ViewLogRow[] }>('registry.viewLog', { id }, tokens.admin!);
    expect(log.total).toBe(2);
    expect(log.rows.map((r) => r.reason).sort()).toEqual(['12345 来电核实身份', '入户走访前确认']);
    expect(log.rows.every((r) => r.userName !== '')).toBe(true);
  });
});

describe('the key', () => {
  it('refuses a different key rather than mixing data under two keys', async () => {
    const { setPersonalDataKey } = await import('../../electron/main/services/personalDataKey');
    const { keyFromPassphrase } = await import('../../db/registry/fieldCipher');
    setPersonalDataKey(t.backend, async () => keyFromPassphrase('some other passphrase'));
    const err = await api.refusal('registry.residents', { lookup: PHONE }, tokens.dispatcher!);
    expect(err.message).toContain('个人信息密钥与本库数据不符');
    setPersonalDataKey(t.backend, async () => keyFromPassphrase('registry test passphrase'));
    expect((await findByPhone(tokens.dispatcher!)).total).toBe(1);
  });
});

describe('exports', () => {
  it('are masked like the list, carry who and when on the sheet, and are audited', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const file = await api.call<{ name: string; dataBase64: string }>('registry.exportResidents', { gridId: grid }, tokens.dispatcher!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const me = await api.call<{ displayName: string }>('auth.me', {}, tokens.dispatcher!);
    expect(String(sheet.getCell(1, 1).value)).toContain(`导出人：${me.displayName}（dispatcher）`);
    expect(sheet.headerFooter.oddHeader).toContain('导出时间：');
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('139****4321');
    expect(text).not.toContain('严重精神障碍');
    const audit = await t.backend.knex('audit_log').where({ action: 'registry.export' }).first();
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: 2 });
  });
});
