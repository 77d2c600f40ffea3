/**
 * Triage learns from the desk: a dispatcher who files a report under another category than it
 * was reported with changes the next suggestion for that kind of report at once, not ten
 * minutes later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseWithHistory, ReferenceData, TriageSuggestion } from '../../core/api/types';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
let token: string;
let ref: ReferenceData;

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await t.dispatch(method, input, token);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 200 });
  token = await t.login('dispatcher');
  ref = await call('reference.get', {});
});
afterAll(async () => t.close());

describe('learning from a dispatcher’s correction', () => {
  it('suggests the category the dispatcher chose for the next report of the same kind', async () => {
    const text = '小区大门口一家水果店把货架和纸箱都摆到门外来了，人要绕着走';
    const before = await call<TriageSuggestion>('triage.suggest', { text });
    const reportedAs = before.categories[0]!.categoryId;
    const correctedTo = before.categories.find((guess) => guess.categoryId !== reportedAs)!.categoryId;
    const grid = ref.regions.find((r) => r.level === 'grid')!;

    const { id } = await call<{ id: string }>('cases.report', {
      source: 'hotline', gridId: grid.id, address: '小区大门口', description: text, categoryId: reportedAs,
    });
    await call<CaseWithHistory>('cases.move', { id, move: { move: 'accept' } });
    const filed = await call<CaseWithHistory>('cases.move', { id, move: { move: 'file', categoryId: correctedTo } });
    expect(filed.case.categoryId).toBe(correctedTo);

    const after = await call<TriageSuggestion>('triage.suggest', { text });
    expect(after.categories[0]!.categoryId).toBe(correctedTo);
  });
});
