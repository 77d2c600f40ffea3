import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A bridge of its own on an empty database, for specs that start from the first-run setup page. */
export interface FreshBridge {
  base: string;
  stop(): Promise<void>;
}

/** `env` adds to the bridge's environment (e.g. a personal-data key file of its own). */
export async function startFreshBridge(port: number, env: Record<string, string> = {}): Promise<FreshBridge> {
  const dir = mkdtempSync(join(tmpdir(), 'griddesk-fresh-'));
  const root = resolve(import.meta.dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', '--db', join(dir, 'g.sqlite'), '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bridge exited with ${child.exitCode}`);
    if (Date.now() > until) throw new Error(`${base} did not answer within 60 s`);
    if (await fetch(`${base}/`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
