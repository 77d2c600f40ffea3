/**
 * npm run seed:demo [-- --db PATH]            the demo street office (about 2,000 cases)
 * npm run seed -- --cases 1000000 --db PATH    a synthetic database for benchmarks
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../connection';
import { countUsers } from '../repositories/users';
import { WritePath } from '../writePath';
import { seedDemo } from './demo';
import { seedSynthetic } from './synthetic';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.GRIDDESK_DB ?? '.data/griddesk.sqlite' },
    cases: { type: 'string' },
  },
});
const mode = positionals[0];
const dbFile = resolve(values.db);

if (mode !== 'demo' && mode !== 'synthetic') {
  console.error('用法: seed demo [--db 路径] | seed synthetic --cases 数量 [--db 路径]');
  process.exit(2);
}

await mkdir(dirname(dbFile), { recursive: true });
const knex = await openDatabase({ client: 'sqlite', filename: dbFile });
try {
  if ((await countUsers(knex)) > 0) {
    console.error(`数据库 ${dbFile} 已有数据，未做任何修改。请指定新的 --db 路径，或先删除该文件。`);
    process.exitCode = 1;
  } else {
    const writePath = await WritePath.open(knex);
    const started = Date.now();
    if (mode === 'demo') {
      const logins = await seedDemo(writePath, { now: Date.now() });
      console.log(`演示数据已写入 ${dbFile}（${Date.now() - started} ms）`);
      console.table(logins);
    } else {
      const cases = Number(values.cases ?? 'NaN');
      if (!Number.isInteger(cases) || cases <= 0) throw new Error('--cases 应为正整数');
      await seedSynthetic(writePath, {
        cases,
        now: Date.now(),
        onProgress: (done) => process.stdout.write(`\r${done}/${cases} cases`),
      });
      console.log(`\n合成数据已写入 ${dbFile}: ${cases} 个案件（${Math.round((Date.now() - started) / 1000)} s）`);
    }
  }
} finally {
  await knex.destroy();
}
