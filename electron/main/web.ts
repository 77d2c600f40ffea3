/**
 * `npm run web`: the same backend and renderer in a plain browser, for machines without
 * the Electron binary, big-screen walls and the e2e tests. No Electron imports here.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from './bridge/httpBridge';
import { startBackend } from './startBackend';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.GRIDDESK_DB ?? '.data/griddesk.sqlite' },
    port: { type: 'string', default: process.env.GRIDDESK_PORT ?? '7420' },
    static: { type: 'string', default: resolve(import.meta.dirname, '../renderer') },
    // The personal-data key file (32 bytes, hex or base64); same as GRIDDESK_KEY_FILE.
    'key-file': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口无效: ${values.port}`);
  process.exit(2);
}

const dbFile = resolve(values.db);
if (values['key-file']) process.env.GRIDDESK_KEY_FILE = resolve(values['key-file']);
const { backend, dispatch } = await startBackend(dbFile);
const bridge = await startBridge({ dispatch, staticDir: values.static, port });
console.log(`GridDesk 网格指挥台 running at ${bridge.url}  (database: ${dbFile})`);

const shutdown = async () => {
  await bridge.close();
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
