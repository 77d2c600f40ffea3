import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/main/dispatcher';
import { handlers } from '../../electron/main/handlers';
import { findUserByUsername } from '../../db/repositories/users';
import { openTestBackend, type TestBackend } from '../support/backend';

// Issue 13 §2: a failing write logs method, user, error code and ids, never a resident's data.

let t: TestBackend;
beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 20 });
});
afterAll(async () => t.close());

describe('the server log', () => {
  it('records a failed write without the SQL values', async () => {
    const lines: string[] = [];
    const dispatch = createDispatcher(t.backend, handlers, { error: (...args: unknown[]) => lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' ')) });
    const token = await t.login('dispatcher');
    const grid = (await t.backend.reference()).regions.find((r) => r.level === 'grid')!;
    // The database refuses every new event, as a full disk or a broken constraint would.
    await t.backend.knex.raw("create trigger refuse_events before insert on case_events begin select raise(abort, 'refused for the test'); end");
    try {
      const response = await dispatch('cases.report', {
        source: 'hotline', gridId: grid.id, address: '龙湖花园 7 栋 2 单元', description: '楼道灯不亮，住户王秀英反映', reporterName: '王秀英', reporterPhone: '13987654321',
      }, token);
      expect(response.ok).toBe(false);
    } finally {
      await t.backend.knex.raw('drop trigger refuse_events');
    }
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const personal of ['王秀英', '13987654321', '龙湖花园', '楼道灯']) expect(line).not.toContain(personal);
    const entry = JSON.parse(line.slice(line.indexOf('{')));
    const dispatcher = await findUserByUsername(t.backend.knex, 'dispatcher');
    expect(entry).toMatchObject({ method: 'cases.report', user: dispatcher!.id, error: 'SQLITE_CONSTRAINT', ids: { gridId: grid.id } });
  });
});
