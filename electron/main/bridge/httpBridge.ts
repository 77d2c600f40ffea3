import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../dispatcher';
import { CONTENT_SECURITY_POLICY } from './csp';


const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.geojson': 'application/geo+json',
};

export interface BridgeOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer); omit to serve only the API. */
  staticDir?: string;
  port?: number;
}

export interface RunningBridge {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** DNS-rebinding guard: the page must have been loaded from this very loopback address. */
function trustedOrigin(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(res: ServerResponse): void {
  // Say so and hang up: the rest of the body is not worth reading.
  res.setHeader('connection', 'close');
  send(res, 413, JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请求内容过大（登录后才能上传照片或文件）' } }));
  res.on('finish', () => res.socket?.destroy());
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, dispatch: Dispatch): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '只接受 POST 请求' } }));
  // A JSON content type forces a CORS preflight on any cross-site attempt, which we never answer.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请求格式应为 JSON' } }));
  }
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : null;
  // Small before authentication; with a session, as large as the method's input allows (inputGuards.ts).
  const limit = dispatch.bodyLimit(method, token);
  let input: unknown;
  try {
    const body = await readBody(req, limit);
    input = body ? JSON.parse(body) : {};
  } catch (err) {
    if (err instanceof BodyTooLarge) return tooLarge(res);
    return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' } }));
  }
  const response = await dispatch(method, input, token, clientOf(req));
  send(res, 200, JSON.stringify(response));
}

/** A browser's client id (kept in its local storage) on top of its address: login throttling counts per client. */
function clientOf(req: IncomingMessage): string {
  const id = req.headers['x-griddesk-client'];
  return `http:${req.socket.remoteAddress ?? ''}:${typeof id === 'string' ? id.slice(0, 64) : ''}`;
}

function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, staticDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain');
  const pathname = decodedPath(req.url);
  if (pathname === null || pathname.includes('\u0000')) return send(res, 400, '请求路径无法识别', 'text/plain; charset=utf-8');
  const root = normalize(staticDir + sep);
  let file = normalize(join(root, pathname));
  if (!file.startsWith(root)) return send(res, 403, 'Forbidden', 'text/plain');
  const info = await stat(file).catch(() => null);
  // A single-page app: unknown paths without an extension get index.html (client-side routes).
  if (!info || info.isDirectory()) {
    if (extname(pathname) && !info) return send(res, 404, 'Not Found', 'text/plain');
    file = join(root, 'index.html');
  }
  const headers: Record<string, string> = {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  };
  if (file.endsWith('.html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** Serves the dispatcher and the built renderer on 127.0.0.1 only. */
export function startBridge({ dispatch, staticDir, port = 0 }: BridgeOptions): Promise<RunningBridge> {
  let boundPort = port;
  const server = createServer((req, res) => {
    if (!trustedOrigin(req, boundPort)) return send(res, 403, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本机页面的请求' } }));
    const url = req.url ?? '/';
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.split('?')[0] ?? '');
    const work = api ? handleApi(req, res, api[1]!, dispatch) : staticDir ? handleStatic(req, res, staticDir) : Promise.resolve(send(res, 404, 'Not Found', 'text/plain'));
    work.catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } }));
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      boundPort = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: boundPort,
        url: `http://127.0.0.1:${boundPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
