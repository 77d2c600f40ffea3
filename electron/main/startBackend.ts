import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Backend } from './backend';
import { createDispatcher, type Dispatch } from './dispatcher';
import { handlers } from './handlers';
import type { KeyStore } from './services/keyStores';
import { keyStoreFromEnvironment, setPersonalDataKey } from './services/personalDataKey';

export interface StartedBackend {
  backend: Backend;
  dispatch: Dispatch;
}

/** Opens (creating if needed) the local SQLite database and wires the dispatcher to it. */
export interface StartOptions {
  /** Where the personal-data key comes from; an env key file or passphrase (`GRIDDESK_KEY_FILE`, `GRIDDESK_PASSPHRASE`) wins. */
  personalDataKey?: KeyStore;
}

export async function startBackend(dbFile: string, options: StartOptions = {}): Promise<StartedBackend> {
  mkdirSync(dirname(dbFile), { recursive: true });
  let rebuilt = false;
  const backend = await Backend.open({
    db: { client: 'sqlite', filename: dbFile },
    onRebuild: (done) => {
      rebuilt = true;
      process.stdout.write(`\r更新考核数据：已重建 ${done} 个案件`);
    },
  });
  if (rebuilt) process.stdout.write('\n');
  const keyProvider = keyStoreFromEnvironment() ?? options.personalDataKey;
  if (keyProvider) setPersonalDataKey(backend, keyProvider);
  // Learn triage before serving, so the first report typed does not wait about a second for it.
  await backend.triageModel().catch(() => undefined);
  return { backend, dispatch: createDispatcher(backend, handlers) };
}
