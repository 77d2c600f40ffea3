import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../electron/main/bridge/httpBridge';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
let bridge: RunningBridge;

beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  const staticDir = join(t.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>网格指挥台</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  bridge = await startBridge({ dispatch: t.dispatch, staticDir });
});
afterAll(async () => {
  await bridge.close();
  await t.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the Host and Origin headers can be forged the way a rebinding attack would. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('the HTTP bridge', () => {
  it('listens on loopback only', () => {
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the API to a page from its own origin, with a session token', async () => {
    const login = JSON.parse((await api('auth.login', { username: 'dispatcher', password: 'Demo@2026' }, { origin: bridge.url })).body);
    expect(login.ok).toBe(true);
    const list = JSON.parse((await api('cases.list', { pageSize: 3 }, { authorization: `Bearer ${login.result.token}` })).body);
    expect(list.result.rows).toHaveLength(3);
    const anonymous = JSON.parse((await api('cases.list', { pageSize: 3 })).body);
    expect(anonymous.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a rebound host name and a foreign origin', async () => {
    const rebound = await api('setup.status', {}, { host: `attacker.example:${bridge.port}` });
    expect(rebound.status).toBe(403);
    const foreign = await api('setup.status', {}, { origin: 'http://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toBe('拒绝来自非本机页面的请求');
  });

  it('refuses non-JSON posts, which a cross-site form could send without a preflight', async () => {
    const form = await send('/api/auth.login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=a' });
    expect(form.status).toBe(415);
  });

  it('answers malformed JSON with a Chinese message', async () => {
    const bad = await send('/api/auth.login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('不是有效的 JSON');
  });

  it('serves the renderer with a strict CSP and client-side routes, and nothing outside it', async () => {
    const index = await send('/cases/123');
    expect(index.status).toBe(200);
    expect(index.body).toContain('网格指挥台');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const traversal = await send('/../secret.txt');
    expect(traversal.body).not.toContain('do not serve');
    const encoded = await send('/%2e%2e/secret.txt');
    expect(encoded.body).not.toContain('do not serve');
    expect((await send('/missing.js')).status).toBe(404);
  });
});
