/**
 * `npm run rotate-key -- --db PATH [--key-file PATH]`: rotates the personal-data key of a database
 * (README «个人信息密钥»). With a key file (`--key-file` or `GRIDDESK_KEY_FILE`) a new random key is
 * written into the same file; with a passphrase (`GRIDDESK_PASSPHRASE`) the new one is given in
 * `GRIDDESK_NEW_PASSPHRASE`. The desktop's keychain key is rotated in the app (系统管理 → 个人信息密钥).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from './backend';
import { rotatePersonalDataKey } from './services/keyRotation';
import { keyStoreFromEnvironment, setPersonalDataKey } from './services/personalDataKey';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.GRIDDESK_DB ?? '.data/griddesk.sqlite' },
    'key-file': { type: 'string' },
  },
});

if (values['key-file']) process.env.GRIDDESK_KEY_FILE = resolve(values['key-file']);
const store = keyStoreFromEnvironment();
if (!store) {
  console.error('请用 --key-file PATH（或 GRIDDESK_KEY_FILE）指定密钥文件，或以 GRIDDESK_PASSPHRASE 与 GRIDDESK_NEW_PASSPHRASE 给出当前口令和新口令');
  process.exit(2);
}
const newPassphrase = process.env.GRIDDESK_NEW_PASSPHRASE;
if (store.kind === 'passphrase' && !newPassphrase) {
  console.error('口令模式：请在 GRIDDESK_NEW_PASSPHRASE 中给出新口令（至少 12 个字符）');
  process.exit(2);
}

const dbFile = resolve(values.db);
const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
setPersonalDataKey(backend, store);
try {
  const done = await rotatePersonalDataKey(backend, {
    userId: null,
    via: 'cli',
    ...(newPassphrase ? { newPassphrase } : {}),
    onProgress: (n) => process.stdout.write(`\r已重新加密 ${n} 条居民记录`),
  });
  process.stdout.write('\n');
  console.log(`个人信息密钥已轮换为第 ${done.version} 版：${done.residents} 条居民记录已在新密钥下重写（${done.ms} ms），数据库：${dbFile}`);
  console.log(
    store.kind === 'passphrase'
      ? '今后请以新口令（GRIDDESK_PASSPHRASE）启动所有工作站；旧口令已不能打开本库。'
      : `新密钥已写入 ${process.env.GRIDDESK_KEY_FILE}：请立即离线备份此文件，并分发给本办公室的其他工作站；旧密钥已不能打开本库。`,
  );
} catch (error) {
  console.error(`密钥轮换失败：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await backend.close();
}
