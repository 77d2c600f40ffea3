import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../db/connection';
import { seedSynthetic } from '../db/seed/synthetic';
import { WritePath } from '../db/writePath';
import { log } from './stats';

/** The shared synthetic database: generated on first use (about 20 minutes for 1,000,000 cases), then reused. */
export async function ensureBenchDatabase(dbFile: string, cases = 1_000_000): Promise<void> {
  if (existsSync(dbFile)) return;
  log(`generating ${cases} synthetic cases into ${dbFile} (once; later runs reuse it)…`);
  mkdirSync(dirname(dbFile), { recursive: true });
  const knex = await openDatabase({ client: 'sqlite', filename: dbFile });
  await seedSynthetic(await WritePath.open(knex), { cases, now: Date.now(), onProgress: (n) => n % 100_000 === 0 && log(`${n}`) });
  await knex.destroy();
}
