/** npm run rebuild -- --db PATH: rebuilds every derived table of a database from its case events. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from './connection';
import { clearRebuilds, pendingRebuilds } from './repositories/derivedRebuilds';
import { rebuildAllProjections } from './repositories/rebuildProjections';
import { WritePath } from './writePath';

const { values } = parseArgs({ options: { db: { type: 'string', default: process.env.GRIDDESK_DB ?? '.data/griddesk.sqlite' } } });
const dbFile = resolve(values.db);
const knex = await openDatabase({ client: 'sqlite', filename: dbFile });
try {
  const started = Date.now();
  // Whatever a migration marked for rebuilding is answered by this rebuild.
  const marked = await pendingRebuilds(knex);
  const cases = await rebuildAllProjections(await WritePath.open(knex), (done) => process.stdout.write(`\r${done} cases`));
  await clearRebuilds(knex, marked);
  console.log(`\n已从案件事件重建 ${cases} 个案件的派生数据（${Math.round((Date.now() - started) / 1000)} s）: ${dbFile}`);
} finally {
  await knex.destroy();
}
