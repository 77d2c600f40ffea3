import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../core/api/assessmentTypes';
import { findUserByUsername } from '../../db/repositories/users';
import { displayKeyForDesktopWall } from '../../electron/main/services/displayKey';
import { openTestBackend, type TestBackend } from '../support/backend';

// Issue 13 §6: exports, the display key, photos and refused calls leave an audit row: who, when, what.

let t: TestBackend;
const tokens: Record<string, string> = {};
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 30 });
  for (const user of ['admin', 'shiftlead', 'dispatcher', 'gw004001001']) tokens[user] = await t.login(user);
});
afterAll(async () => t.close());

async function rowsFor(action: string, username: string, since: number) {
  const user = await findUserByUsername(t.backend.knex, username);
  return t.backend.knex('audit_log').where({ action, user_id: user!.id }).where('at', '>=', since).select('at', 'target_type', 'target_id', 'detail');
}

describe('the audit trail', () => {
  it('records a scorecard export with the run exported', async () => {
    const since = t.backend.now();
    const now = new Date(since + 8 * 3_600_000);
    const run = await call<RunSummary>('shiftlead', 'assessment.compute', { period: { kind: 'month', year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 } });
    await call('dispatcher', 'assessment.export', { runId: run.id });
    expect(await rowsFor('assessment.export', 'dispatcher', since)).toEqual([expect.objectContaining({ target_type: 'assessment_run', target_id: run.id })]);
  });

  it('records reading and rotating the display key', async () => {
    const since = t.backend.now();
    await call('admin', 'settings.displayKey', {});
    await call('admin', 'settings.displayKey', { rotate: true });
    expect(await rowsFor('display_key.read', 'admin', since)).toHaveLength(1);
    expect(await rowsFor('display_key.rotate', 'admin', since)).toHaveLength(1);
  });

  it('records the desktop app reading the key for its own wall window', async () => {
    const since = t.backend.now();
    const key = await displayKeyForDesktopWall(t.backend);
    const rows = await t.backend.knex('audit_log').where({ action: 'display_key.read' }).whereNull('user_id').where('at', '>=', since);
    expect(key).toMatch(/^[\w-]{20,}$/);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].detail)).toMatchObject({ via: 'desktop_wall' });
  });

  it('records reading a photo, and a refused read', async () => {
    const since = t.backend.now();
    const { id } = await call<{ id: string }>('dispatcher', 'attachments.upload', { name: 'a.png', mime: 'image/png', dataBase64: PNG });
    await call('dispatcher', 'attachments.get', { id });
    expect(await rowsFor('attachment.read', 'dispatcher', since)).toEqual([expect.objectContaining({ target_type: 'attachment', target_id: id })]);
    expect((await t.dispatch('attachments.get', { id }, tokens.gw004001001!)).ok).toBe(false);
    expect(await rowsFor('attachment.read_refused', 'gw004001001', since)).toHaveLength(1);
  });

  it('records a refused (FORBIDDEN) call with the method tried', async () => {
    const since = t.backend.now();
    const response = await t.dispatch('settings.displayKey', { rotate: true }, tokens.gw004001001!);
    expect(!response.ok && response.error.code).toBe('FORBIDDEN');
    const rows = await rowsFor('api.forbidden', 'gw004001001', since);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ method: 'settings.displayKey', role: 'grid_worker' });
  });
});
