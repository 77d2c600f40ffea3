import type { Knex } from 'knex';
import { ApiError } from '../core/api/errors';

/** How long a write waits in all for another process (a backup tool, a second instance) to let go of the database. */
export const DEFAULT_BUSY_WAIT_MS = 10_000;

export const BUSY_MESSAGE = '数据库正被其他程序占用（例如备份工具或另一个 GridDesk 窗口），请稍后重试，您填写的内容未丢失';

const isBusy = (err: unknown): boolean => {
  const code = (err as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Takes SQLite's write lock as the transaction's first statement. A deferred transaction that
 * reads first and writes later is refused at once when another process holds the lock (SQLite
 * cannot wait without risking a deadlock); a first statement that writes waits for it under
 * the connection's busy_timeout (1 s). Past that we retry with growing pauses until `budgetMs`
 * has passed, then refuse with a message that says what is going on.
 */
export async function takeWriteLock(trx: Knex.Transaction, budgetMs: number): Promise<void> {
  const started = Date.now();
  for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
    try {
      await trx.raw('update sync_state set hlc_wall = hlc_wall where singleton = 1');
      return;
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (Date.now() - started + pause > budgetMs) throw new ApiError('CONFLICT', BUSY_MESSAGE);
      await sleep(pause);
    }
  }
}
