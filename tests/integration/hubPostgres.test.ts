import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { createKnex } from '../../db/connection';
import type { Change } from '../../core/sync/protocol';
import { httpTransport, openHubDb, PG_URL, startHub, TestNode, type HubDb } from '../support/hubHarness';

const HUB_PORT = 7445;
const setting = (node: TestNode, key: string) => node.change('settings', 'insert', { id: uuidv7(), key, value: key, deleted: 0 });

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('hub on PostgreSQL: commit order and two hub processes', () => {
  let db: HubDb;

  beforeAll(async () => {
    db = await openHubDb('pg');
  });
  afterAll(async () => {
    await db.close();
  });

  it('the nextval race: while a push holds lower sequences uncommitted, a later push waits and a puller skips nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    // The first push to reach its commit waits for the gate, holding its sequences uncommitted.
    const app = startHub(db.knex, {
      beforePushCommit: async () => {
        if (held) return;
        held = true;
        await gate;
      },
    });
    const reader = createKnex(db.config);
    try {
      const [a, b, puller] = [await TestNode.enrol(app, db.knex, { kind: 'district' }, 'A'), await TestNode.enrol(app, db.knex, { kind: 'district' }, 'B'), await TestNode.enrol(app, db.knex, { kind: 'district' }, '读者')];
      const start = (await puller.pullAll()).cursor;
      const order: string[] = [];
      const pushA = a.push([setting(a, 'a1'), setting(a, 'a2')]).then((r) => (order.push('A'), r));
      await waitFor(async () => held);
      const pushB = b.push([setting(b, 'b1')]).then((r) => (order.push('B'), r));
      // B is running and waiting on the district sequence's row lock, not past it.
      await waitFor(async () => {
        const waiting = await reader.raw("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%hub_counters%'");
        return waiting.rows[0].n >= 1;
      });
      const during = await puller.pull(start);
      expect(during.changes).toEqual([]);
      expect(during.cursor).toBe(start);
      release();
      await Promise.all([pushA, pushB]);
      expect(order).toEqual(['A', 'B']);
      const after = await puller.pullAll(during.cursor);
      expect(after.changes.map((c) => c.row?.key)).toEqual(['a1', 'a2', 'b1']);
      const seqs = after.changes.map((c) => c.seq);
      expect(seqs).toEqual([start + 1, start + 2, start + 3]);
    } finally {
      release();
      await reader.destroy();
      await app.close();
    }
  });

  it('two hub processes on one database serve the same district; a paging puller sees every change once, in order', async () => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: PG_URL, HUB_PG_SCHEMA: String(db.config.client === 'pg' ? db.config.searchPath : ''), HUB_PORT: String(HUB_PORT) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout!.on('data', (d) => (logs += d));
    child.stderr!.on('data', (d) => (logs += d));
    const inProcess: FastifyInstance = startHub(db.knex);
    const other = httpTransport(`http://127.0.0.1:${HUB_PORT}`);
    try {
      await waitFor(async () => (await other.inject({ method: 'GET', url: '/health' }).catch(() => null))?.statusCode === 200, 60_000);
      const writers = [
        await TestNode.enrol(other, db.knex, { kind: 'district' }, '经进程二'),
        await TestNode.enrol(inProcess, db.knex, { kind: 'district' }, '经进程一'),
        await TestNode.enrol(other, db.knex, { kind: 'district' }, '经进程二乙'),
        await TestNode.enrol(inProcess, db.knex, { kind: 'district' }, '经进程一乙'),
      ];
      const reader = await TestNode.enrol(inProcess, db.knex, { kind: 'district' }, '读者');
      const readerElsewhere = new TestNode(other, reader.nodeId, reader.token);
      const start = (await reader.pullAll()).cursor;
      const expected = new Set<string>();
      let done = false;
      const pushing = Promise.all(writers.map(async (w, i) => {
        for (let batch = 0; batch < 8; batch++) {
          const changes: Change[] = Array.from({ length: 20 }, (_, k) => setting(w, `w${i}-${batch}-${k}`));
          changes.forEach((c) => expected.add(String(c.row?.key)));
          const answer = await w.push(changes);
          expect(answer.rejected).toEqual([]);
          if (batch === 3) expect((await w.push(changes)).ackedThrough).toBe(changes.at(-1)!.seq); // a retry through the other process
        }
      })).finally(() => (done = true));
      // Pull small pages from both processes while the pushes run.
      const seen: Change[] = [];
      let cursor = start;
      for (let turn = 0; !done || turn % 2 === 1; turn++) {
        const page = await (turn % 2 === 0 ? reader : readerElsewhere).pull(cursor, 7);
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        seen.push(...page.changes);
        cursor = page.cursor;
      }
      await pushing;
      seen.push(...(await reader.pullAll(cursor, 7)).changes);
      const keys = seen.map((c) => String(c.row?.key));
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(keys)).toEqual(expected);
      expect(seen.map((c) => c.seq)).toEqual(seen.map((_, i) => start + 1 + i));
      expect(logs).toContain('"event":"push"');
    } finally {
      child.kill('SIGTERM');
      await inProcess.close();
    }
  }, 90_000);
});
