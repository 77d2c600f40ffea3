import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCaseEvents } from '../../db/repositories/caseStore';
import { Backend } from '../../electron/main/backend';
import { dispatcherCaseEvents } from '../support/cases';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend({ demo: true });
});
afterAll(async () => t.close());

describe('the write path', () => {
  it('writes a case, its events and their outbox entries together', async () => {
    const before = await tableCounts(t.backend);
    const { events, state } = await dispatcherCaseEvents(t.backend, [{ move: 'accept' }, { move: 'file', categoryId: (await t.backend.reference()).categories[3]!.id }]);
    await t.backend.writePath.transaction((tx) => appendCaseEvents(tx, events));
    const after = await tableCounts(t.backend);
    expect(after.cases).toBe(before.cases! + 1);
    expect(after.case_events).toBe(before.case_events! + 3);
    expect(after.outbox).toBe(before.outbox! + 3);
    const outbox = await t.backend.knex('outbox').whereIn('row_id', events.map((e) => e.id)).orderBy('seq');
    expect(outbox.map((o) => [o.table_name, o.op, o.hlc])).toEqual(events.map((e) => ['case_events', 'insert', e.hlc]));
    const row = await t.backend.knex('cases').where({ id: state.id }).first();
    expect(row.status).toBe('filed');
  });

  it('writes nothing when the transaction fails halfway', async () => {
    const before = await tableCounts(t.backend);
    const { events } = await dispatcherCaseEvents(t.backend, [{ move: 'accept' }]);
    await expect(
      t.backend.writePath.transaction(async (tx) => {
        await appendCaseEvents(tx, events);
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('writes nothing when the process is killed inside the transaction', async () => {
    const before = await tableCounts(t.backend);
    await t.backend.close();
    const marker = join(t.dir, 'halfway');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/killMidTransaction.ts', t.dbFile, marker], { stdio: 'inherit' });
    // Generous: under a loaded CI machine tsx may take a while to start the child.
    const deadline = Date.now() + 100_000;
    while (!existsSync(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(marker)).toBe(true);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    const caseId = readFileSync(marker, 'utf8');

    t.backend = await Backend.open({ db: { client: 'sqlite', filename: t.dbFile } });
    expect(await t.backend.knex('cases').where({ id: caseId }).first()).toBeUndefined();
    expect(await t.backend.knex('case_events').where({ case_id: caseId }).first()).toBeUndefined();
    expect(await tableCounts(t.backend)).toEqual(before);
  }, 120_000);

  it('keeps the clock moving forward across restarts', async () => {
    const last = (await t.backend.knex('outbox').max({ hlc: 'hlc' }))[0]!.hlc as string;
    await t.backend.close();
    t.backend = await Backend.open({ db: { client: 'sqlite', filename: t.dbFile }, now: () => 0 });
    expect(t.backend.writePath.clock.tick() > last).toBe(true);
  });
});
