import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalDataKeyRotation, PersonalDataKeyStatus } from '../../core/api/adminTypes';
import type { ResidentPage, RevealedResident } from '../../core/api/registryTypes';
import { keyFromFileText, newMasterKey } from '../../db/registry/fieldCipher';
import { keyFileStore } from '../../electron/main/services/keyStores';
import { setPersonalDataKey } from '../../electron/main/services/personalDataKey';
import { openTestBackend, type TestBackend } from '../support/backend';
import { caller, gridIdOf, testIdNumber } from '../support/registry';

let t: TestBackend;
let api: ReturnType<typeof caller>;
let keyFile: string;
const tokens: Record<string, string> = {};
const PEOPLE = [
  { name: '刘桂芳', idNumber: testIdNumber(21), phone: '13911112222', tags: ['elderly_alone'], note: '每周探访' },
  { name: '陈建国', idNumber: testIdNumber(22), phone: '', tags: [], note: '' },
  { name: '赵小红', idNumber: testIdNumber(23), phone: '13733334444', tags: ['left_behind_child'], note: '' },
];

const lookup = (value: string) => api.call<ResidentPage>('registry.residents', { lookup: value }, tokens.dispatcher!);
const reveal = async (value: string) => {
  const row = (await lookup(value)).rows[0]!;
  return api.call<RevealedResident>('registry.reveal', { id: row.id, reason: '核实密钥轮换' }, tokens.dispatcher!);
};
const rotate = () => api.call<PersonalDataKeyRotation>('personalDataKey.rotate', { confirm: '轮换' }, tokens.admin!);

/** Everything the file and its WAL hold, for grepping plain personal data. */
function fileBytes(): Buffer {
  return Buffer.concat([t.dbFile, `${t.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 5 });
  api = caller(t);
  keyFile = join(t.dir, 'griddesk.key');
  writeFileSync(keyFile, newMasterKey().toString('hex'));
  setPersonalDataKey(t.backend, keyFileStore(keyFile));
  for (const u of ['admin', 'dispatcher', 'gw003001001']) tokens[u] = await t.login(u);
  const grid = await gridIdOf(t, '500112003001001');
  for (const p of PEOPLE) {
    await api.call('registry.saveResident', { gridId: grid, building: '双湖路18号', unit: '1单元', room: '101', ...p }, tokens.admin!);
  }
  // A tombstoned resident still holds ciphertexts: rotation must re-write it too.
  const gone = (await lookup(PEOPLE[1]!.idNumber)).rows[0]!;
  await t.backend.writePath.transaction((tx) => tx.tombstone('residents', gone.id));
});
afterAll(async () => t.close());

describe('rotating the personal-data key', () => {
  it('re-encrypts every resident under a new key version; lookups, reveals and tags still work', async () => {
    const oldKey = keyFromFileText(readFileSync(keyFile, 'utf8'));
    const before = await api.call<PersonalDataKeyStatus>('personalDataKey.status', {}, tokens.admin!);
    expect(before).toMatchObject({ configured: true, store: 'key_file', version: 1, rotatedAt: null, residents: 3, canRotateHere: true });

    const done = await rotate();
    expect(done).toMatchObject({ version: 2, residents: 3 });
    const after = await api.call<PersonalDataKeyStatus>('personalDataKey.status', {}, tokens.admin!);
    expect(after.version).toBe(2);
    expect(after.rotatedAt).not.toBeNull();

    // The key file now holds a different key; nothing is left staged.
    expect(keyFromFileText(readFileSync(keyFile, 'utf8')).equals(oldKey)).toBe(false);
    expect(existsSync(`${keyFile}.next`)).toBe(false);

    // Every row (the tombstoned one too) carries the new version.
    const rows = await t.backend.knex('residents').select('id_cipher', 'phone_cipher', 'tags_cipher');
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.id_cipher).toMatch(/^k2\./);
      if (r.phone_cipher !== '') expect(r.phone_cipher).toMatch(/^k2\./);
      if (r.tags_cipher !== '') expect(r.tags_cipher).toMatch(/^k2\./);
    }
    // Lookups by phone and by ID find them (new keyed hashes); the reveal decrypts; tags open.
    expect((await lookup('139 1111 2222')).rows.map((r) => r.name)).toEqual(['刘桂芳']);
    expect((await lookup(PEOPLE[2]!.idNumber)).rows.map((r) => r.name)).toEqual(['赵小红']);
    expect(await reveal('13911112222')).toMatchObject({ idNumber: PEOPLE[0]!.idNumber, phone: '13911112222' });
    expect((await reveal('13733334444')).tags.map((x) => x.code)).toEqual(['left_behind_child']);

    // New writes go under the new key.
    const grid = await gridIdOf(t, '500112003001001');
    await api.call('registry.saveResident', { gridId: grid, name: '孙明', idNumber: testIdNumber(24), phone: '13655556666', building: '双湖路18号', tags: [] }, tokens.admin!);
    expect((await t.backend.knex('residents').where({ name: '孙明' }).first()).id_cipher).toMatch(/^k2\./);
    expect((await lookup('13655556666')).total).toBe(1);

    const [audit] = await t.backend.knex('audit_log').where({ action: 'personal_data_key.rotate' });
    expect(JSON.parse(audit.detail)).toMatchObject({ from: 1, to: 2, residents: 3, via: 'admin', store: 'key_file' });

    // The old key no longer opens the data.
    setPersonalDataKey(t.backend, async () => oldKey);
    const refused = await api.refusal('registry.residents', { lookup: '13911112222' }, tokens.dispatcher!);
    expect(refused.message).toContain('个人信息密钥与本库数据不符');
    setPersonalDataKey(t.backend, keyFileStore(keyFile));
    expect((await lookup('13911112222')).total).toBe(1);
  });

  it('leaves no plain phone or ID number in the SQLite file or its WAL', async () => {
    await t.backend.knex.raw('pragma wal_checkpoint(TRUNCATE)');
    const bytes = fileBytes();
    for (const p of PEOPLE) {
      expect(bytes.includes(Buffer.from(p.idNumber))).toBe(false);
      if (p.phone) expect(bytes.includes(Buffer.from(p.phone))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('每周探访'))).toBe(false);
  });

  it('finishes a rotation that committed but stopped before the new key replaced the old one', async () => {
    const oldKeyText = readFileSync(keyFile, 'utf8');
    await rotate();
    // As if the process died right after the commit: the new key still staged, the old one in place.
    const newKeyText = readFileSync(keyFile, 'utf8');
    writeFileSync(`${keyFile}.next`, newKeyText);
    writeFileSync(keyFile, oldKeyText);
    setPersonalDataKey(t.backend, keyFileStore(keyFile));
    expect((await lookup('13911112222')).rows.map((r) => r.name)).toEqual(['刘桂芳']);
    expect(readFileSync(keyFile, 'utf8')).toBe(newKeyText);
    expect(existsSync(`${keyFile}.next`)).toBe(false);
  });

  it('a staged key from a rotation that never committed is ignored: the data stays under the key in force', async () => {
    writeFileSync(`${keyFile}.next`, newMasterKey().toString('hex'));
    setPersonalDataKey(t.backend, keyFileStore(keyFile));
    expect((await lookup('13911112222')).total).toBe(1);
    // The next rotation replaces the stale staged key.
    expect((await rotate()).version).toBe(4);
    expect((await lookup('13911112222')).total).toBe(1);
  });

  it('needs the typed confirmation, is admin only, and a passphrase is rotated from the command line', async () => {
    expect((await api.refusal('personalDataKey.rotate', {}, tokens.admin!)).code).toBe('VALIDATION_FAILED');
    expect((await api.refusal('personalDataKey.rotate', { confirm: '轮换' }, tokens.dispatcher!)).code).toBe('FORBIDDEN');
    const { passphraseStore } = await import('../../electron/main/services/keyStores');
    setPersonalDataKey(t.backend, passphraseStore('a passphrase that is not the key'));
    const refused = await api.refusal('personalDataKey.rotate', { confirm: '轮换' }, tokens.admin!);
    expect(refused.message).toContain('npm run rotate-key');
    setPersonalDataKey(t.backend, keyFileStore(keyFile));
  });
});

describe('npm run rotate-key (command line)', () => {
  it('rotates a key file in place; the running office then opens the data with the new file only', async () => {
    const before = readFileSync(keyFile, 'utf8');
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'electron/main/rotateKeyCli.ts', '--db', t.dbFile, '--key-file', keyFile], {
      env: { ...process.env, GRIDDESK_KEY_FILE: '', GRIDDESK_PASSPHRASE: '' },
      timeout: 120_000,
    });
    expect(stdout).toContain('个人信息密钥已轮换为第 5 版');
    expect(readFileSync(keyFile, 'utf8')).not.toBe(before);
    const [row] = await t.backend.knex('audit_log').where({ action: 'personal_data_key.rotate' }).orderBy('at', 'desc').limit(1);
    expect(JSON.parse(row.detail)).toMatchObject({ to: 5, via: 'cli' });
    setPersonalDataKey(t.backend, keyFileStore(keyFile));
    expect((await lookup('13911112222')).rows.map((r) => r.name)).toEqual(['刘桂芳']);
    expect((await t.backend.knex('residents').first('id_cipher')).id_cipher).toMatch(/^k5\./);
  });
});
