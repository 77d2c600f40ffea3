import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../electron/main/backend';
import { createDispatcher, type Dispatch } from '../../electron/main/dispatcher';
import { handlers } from '../../electron/main/handlers';
import { seedDemo } from '../../db/seed/demo';
import { DEMO_PASSWORD } from '../../db/seed/demoPeople';

export interface TestBackend {
  backend: Backend;
  dispatch: Dispatch;
  dir: string;
  dbFile: string;
  /** Logs a demo user in through the dispatcher and returns the session token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

const silent = { error: () => undefined };

/** A real backend on a fresh SQLite file in a temp directory, optionally with the demo office. */
export async function openTestBackend(options: { demo?: boolean; demoCases?: number; now?: () => number } = {}): Promise<TestBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'griddesk-test-'));
  const dbFile = join(dir, 'griddesk.sqlite');
  const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile }, ...(options.now ? { now: options.now } : {}) });
  if (options.demo) await seedDemo(backend.writePath, { now: backend.now(), ...(options.demoCases !== undefined ? { cases: options.demoCases } : {}) });
  const dispatch = createDispatcher(backend, handlers, silent);
  return {
    backend,
    dispatch,
    dir,
    dbFile,
    async login(username, password = DEMO_PASSWORD) {
      const response = await dispatch('auth.login', { username, password }, null);
      if (!response.ok) throw new Error(`login ${username} failed: ${response.error.message}`);
      return (response.result as { token: string }).token;
    },
    async close(this: TestBackend) {
      await this.backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts of every table: "changed nothing" means these are equal before and after. */
export async function tableCounts(backend: Backend): Promise<Record<string, number>> {
  const tables = ['regions', 'departments', 'users', 'categories', 'calendar_days', 'organisations', 'settings', 'case_events', 'cases', 'case_states', 'audit_log', 'outbox'];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await backend.knex(t).count<{ n: number }[]>({ n: '*' });
    counts[t] = Number(row?.n ?? 0);
  }
  return counts;
}
