/**
 * Child process for the interrupted-rebuild test: rebuilds the derived tables in small
 * batches and prints each batch, so the parent can kill it (SIGKILL) at a chosen point.
 */
import { openDatabase } from '../../db/connection';
import { rebuildAllProjections } from '../../db/repositories/rebuildProjections';
import { WritePath } from '../../db/writePath';

const [dbFile, batch] = process.argv.slice(2) as [string, string];
const knex = await openDatabase({ client: 'sqlite', filename: dbFile });
const done = await rebuildAllProjections(await WritePath.open(knex), (n) => process.stdout.write(`progress ${n}\n`), { batch: Number(batch) });
process.stdout.write(`done ${done}\n`);
await knex.destroy();
