import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseWithHistory, ReferenceData } from '../../core/api/types';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

let t: TestBackend;
let ref: ReferenceData;
const tokens: Record<string, string> = {};

async function call<T>(who: string, method: string, input: unknown): Promise<T> {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}

async function refused(who: string, method: string, input: unknown) {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

const grid = () => ref.regions.find((r) => r.code === '500112004001001')!; // 金港社区第一网格
const category = (name: string) => ref.categories.find((c) => c.name === name)!;
const department = (code: string) => ref.departments.find((d) => d.code === code)!;

beforeAll(async () => {
  t = await openTestBackend({ demo: true });
  for (const user of ['dispatcher', 'shiftlead', 'leader', 'admin', 'dept-d02', 'dept-d03', 'gw004001001', 'gw003001001']) {
    tokens[user] = await t.login(user);
  }
  ref = await call('dispatcher', 'reference.get', {});
});
afterAll(async () => t.close());

async function report(description = '金港国际3栋门口人行道上堆放大量装修垃圾，已两天无人清运') {
  return call<{ id: string; caseNo: string }>('dispatcher', 'cases.report', {
    source: 'hotline', gridId: grid().id, address: '金港国际3栋门口', description, reporterName: '张先生', reporterPhone: '13812345678',
  });
}

const move = (who: string, id: string, m: Record<string, unknown>, expectedLastEventId?: string) =>
  call<CaseWithHistory>(who, 'cases.move', { id, move: m, ...(expectedLastEventId ? { expectedLastEventId } : {}) });

describe('reporting and moving a case through the API', () => {
  it('files a hotline report with a case number of the day and shows it to the dispatcher', async () => {
    const { id, caseNo } = await report();
    expect(caseNo).toMatch(/^\d{8}-\d{4}$/);
    const detail = await call<CaseWithHistory>('dispatcher', 'cases.get', { id });
    expect(detail.case.status).toBe('reported');
    expect(detail.moves).toEqual(expect.arrayContaining(['accept', 'void', 'request_verification', 'merge']));
    expect(detail.suggestion?.categories[0]?.categoryId).toBe(category('暴露垃圾').id);
    expect(detail.stages).toHaveLength(1);
    expect(detail.stages[0]).toMatchObject({ stage: 'accept', endedAt: null });
  });

  it('takes the case through dispatch, signing, rework and verification to the archive', async () => {
    const { id } = await report('双龙大道128号附近人行道堆放建筑垃圾，影响行人通行');
    await move('dispatcher', id, { move: 'accept' });
    await move('dispatcher', id, { move: 'file', categoryId: category('暴露垃圾').id });
    let d = await move('dispatcher', id, { move: 'dispatch', departmentIds: [department('D02').id] });
    expect(d.case.status).toBe('dispatched');
    expect(d.moves).not.toContain('sign');
    // Only the department it went to sees it and may sign it.
    expect((await refused('dept-d03', 'cases.get', { id })).code).toBe('NOT_FOUND');
    d = await call<CaseWithHistory>('dept-d02', 'cases.get', { id });
    expect(d.moves).toEqual(expect.arrayContaining(['sign', 'return']));
    d = await move('dept-d02', id, { move: 'sign' });
    d = await move('dept-d02', id, { move: 'handle', result: 'resolved', note: '已清运完毕' });
    expect(d.case.status).toBe('verifying');
    d = await move('gw004001001', id, { move: 'verify_fail', reason: '仍有少量残渣' });
    expect(d.case).toMatchObject({ status: 'handling', reworkCount: 1 });
    d = await move('dept-d02', id, { move: 'handle', result: 'resolved', note: '已彻底清理' });
    d = await move('gw004001001', id, { move: 'verify_pass' });
    d = await move('dispatcher', id, { move: 'close' });
    d = await move('dispatcher', id, { move: 'record_callback', satisfaction: 'satisfied' });
    expect(d.case.status).toBe('archived');
    expect(d.events.map((e) => e.type)).toEqual([
      'reported', 'accepted', 'filed', 'dispatched', 'signed', 'handled', 'verification_failed', 'handled',
      'verification_passed', 'closed', 'callback_recorded',
    ]);
    expect(d.stages.map((s) => s.stage)).toEqual(['accept', 'sign', 'handle', 'verify', 'handle', 'verify', 'callback']);
  });

  it('refuses grid self-handling of a law-enforcement matter, naming the admission list, and writes nothing', async () => {
    const { id } = await report('金港社区路口有人无证摆摊卖水果');
    await move('dispatcher', id, { move: 'accept' });
    await move('dispatcher', id, { move: 'file', categoryId: category('无证经营').id });
    const before = await tableCounts(t.backend);
    const error = await refused('dispatcher', 'cases.move', { id, move: { move: 'assign_grid' } });
    expect(error.code).toBe('INVALID_MOVE');
    expect(error.message).toContain('网格事项准入清单');
    expect(error.message).toContain('行政执法');
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('refuses a move made on a stale view', async () => {
    const { id } = await report('金港国际门口垃圾桶满溢，垃圾散落一地');
    const stale = await call<CaseWithHistory>('dispatcher', 'cases.get', { id });
    await move('shiftlead', id, { move: 'accept' });
    const error = await refused('dispatcher', 'cases.move', { id, move: { move: 'void', reason: '重复' }, expectedLastEventId: stale.case.lastEventId });
    expect(error).toMatchObject({ code: 'CONFLICT', message: '案件已被他人更新，请查看最新进展后再操作' });
  });

  it('offers the open case nearby as a duplicate and merges the new report into it', async () => {
    const first = await report('金港国际5栋楼下绿化带里堆满了建筑垃圾');
    const second = await report('金港国际5栋旁边绿化带有人倒建筑垃圾，很久没人管');
    const d = await call<CaseWithHistory>('dispatcher', 'cases.get', { id: second.id });
    const candidate = d.duplicates.find((c) => c.case.id === first.id);
    expect(candidate?.reasons).toContain('同一网格');
    const merged = await move('dispatcher', second.id, { move: 'merge', intoCaseId: first.id });
    expect(merged.case.status).toBe('merged');
    const original = await call<CaseWithHistory>('dispatcher', 'cases.get', { id: first.id });
    expect(original.events.at(-1)).toMatchObject({ type: 'duplicate_absorbed' });
  });

  it('rejects ids that name nothing', async () => {
    const { id } = await report('金港社区第一网格路灯不亮');
    await move('dispatcher', id, { move: 'accept' });
    await move('dispatcher', id, { move: 'file', categoryId: category('暴露垃圾').id });
    const error = await refused('dispatcher', 'cases.move', { id, move: { move: 'dispatch', departmentIds: ['01a2a2a2-0000-7000-8000-000000000000'] } });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: '所选处置部门不存在' });
  });
});

describe('the queue', () => {
  it('counts each tab and lists the same cases the count promises', async () => {
    const counts = await call<Record<string, number>>('dispatcher', 'cases.counts', {});
    for (const tab of ['to_accept', 'handling', 'overdue']) {
      const list = await call<{ total: number }>('dispatcher', 'cases.list', { tab, pageSize: 1 });
      expect(list.total).toBe(counts[tab]);
    }
    expect(counts.overdue).toBeGreaterThan(0);
  });

  it('counts each tab of a search the same as the search lists, for full-text and short words', async () => {
    for (const q of ['人行道', '垃圾']) {
      const counts = await call<Record<string, number>>('dispatcher', 'cases.counts', { q });
      for (const tab of Object.keys(counts)) {
        const list = await call<{ total: number }>('dispatcher', 'cases.list', { tab, q, pageSize: 1 });
        expect(list.total, `${q} ${tab}`).toBe(counts[tab]);
      }
      expect(Object.values(counts).reduce((a, b) => a + b, 0), q).toBeGreaterThan(0);
      if (q === '人行道') expect(counts.overdue).toBeGreaterThan(0);
    }
  });

  it('pages through the whole queue in either order, every case once, and counts only when asked', async () => {
    type Page = { rows: { id: string; stageDeadlineAt: number | null; reportedAt: number }[]; total: number | null };
    for (const sort of ['deadline', 'reported_desc'] as const) {
      const first = await call<Page>('dispatcher', 'cases.list', { sort, pageSize: 200 });
      const seen: Page['rows'] = [...first.rows];
      for (let page = 2; seen.length < first.total!; page++) {
        const next = await call<Page>('dispatcher', 'cases.list', { sort, page, pageSize: 200, withTotal: false });
        expect(next.total).toBeNull();
        expect(next.rows.length).toBeGreaterThan(0);
        seen.push(...next.rows);
      }
      expect(seen).toHaveLength(first.total!);
      expect(new Set(seen.map((r) => r.id)).size).toBe(first.total);
      if (sort === 'reported_desc') {
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.reportedAt).toBeLessThanOrEqual(seen[i - 1]!.reportedAt);
      } else {
        // Running stages first, soonest deadline first; stopped clocks after them.
        const deadlines = seen.map((r) => r.stageDeadlineAt ?? Infinity);
        for (let i = 1; i < deadlines.length; i++) expect(deadlines[i]).toBeGreaterThanOrEqual(deadlines[i - 1]!);
      }
    }
  });

  it('shows overdue cases red and filters by time-limit colour', async () => {
    const red = await call<{ rows: { limitColour: string; stageDeadlineAt: number }[] }>('dispatcher', 'cases.list', { colour: 'red', pageSize: 50 });
    expect(red.rows.length).toBeGreaterThan(0);
    for (const row of red.rows) {
      expect(row.limitColour).toBe('red');
      expect(row.stageDeadlineAt).toBeLessThan(Date.now());
    }
  });

  it('finds cases by Chinese full text, including two-character words', async () => {
    const { caseNo } = await report('松牌路口的井盖被盗，留下一个大坑，非常危险');
    const three = await call<{ rows: { caseNo: string }[] }>('dispatcher', 'cases.list', { q: '井盖被盗' });
    expect(three.rows.map((r) => r.caseNo)).toContain(caseNo);
    const two = await call<{ rows: { caseNo: string; summary: string }[] }>('dispatcher', 'cases.list', { q: '井盖' });
    expect(two.rows.map((r) => r.caseNo)).toContain(caseNo);
    expect(two.rows.every((r) => r.summary.includes('井盖'))).toBe(true);
  });

  it('shows a department only its own cases, and a grid worker only the grid\'s', async () => {
    const dept = await call<{ rows: { departmentIds: string[] }[] }>('dept-d02', 'cases.list', { pageSize: 200 });
    expect(dept.rows.length).toBeGreaterThan(0);
    for (const row of dept.rows) expect(row.departmentIds).toContain(department('D02').id);
    const gw = await call<{ rows: { gridId: string }[] }>('gw004001001', 'cases.list', { pageSize: 200 });
    for (const row of gw.rows) expect(row.gridId).toBe(grid().id);
  });

  it('reports new urgent cases and cases that turned red since the last look', async () => {
    const since = Date.now() - 60_000;
    await call('dispatcher', 'cases.report', {
      source: 'hotline', gridId: grid().id, address: '金港国际2栋', description: '2栋3楼厨房冒出浓烟，疑似着火', priority: 'urgent',
    });
    const alerts = await call<{ newUrgent: { summary: string }[] }>('dispatcher', 'cases.alerts', { since });
    expect(alerts.newUrgent.map((c) => c.summary)).toContain('2栋3楼厨房冒出浓烟，疑似着火');
  });
});

describe('triage, photos and the admission list', () => {
  it('suggests category, department and urgency from the report text', async () => {
    const s = await call<{ categories: { categoryId: string; words: string[] }[]; priority: string; urgentWords: string[] }>(
      'dispatcher', 'triage.suggest', { text: '楼道里闻到很浓的燃气味，怀疑燃气泄漏' },
    );
    expect(s.priority).toBe('urgent');
    expect(s.urgentWords).toContain('燃气泄漏');
    expect(s.categories.length).toBeGreaterThan(0);
  });

  it('stores a photo and refuses a file that is not the image it claims to be', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { id } = await call<{ id: string }>('gw004001001', 'attachments.upload', { name: '现场.png', mime: 'image/png', dataBase64: png });
    const back = await call<{ dataBase64: string; mime: string }>('gw004001001', 'attachments.get', { id });
    expect(back).toMatchObject({ dataBase64: png, mime: 'image/png' });
    const error = await refused('gw004001001', 'attachments.upload', { name: 'x.jpg', mime: 'image/jpeg', dataBase64: png });
    expect(error.message).toBe('文件内容与图片格式不符');
  });

  it('lets only an admin edit the admission list, and refuses an enforcement matter on the list', async () => {
    const c = category('楼道杂物');
    expect((await refused('dispatcher', 'catalogue.setAdmission', { categoryId: c.id, gridAdmissible: false, matterKind: null })).code).toBe('FORBIDDEN');
    const bad = await refused('admin', 'catalogue.setAdmission', { categoryId: c.id, gridAdmissible: true, matterKind: 'enforcement' });
    expect(bad.message).toContain('不能列入网格准入清单');
    const updated = await call<{ gridAdmissible: boolean }>('admin', 'catalogue.setAdmission', { categoryId: c.id, gridAdmissible: false, matterKind: null });
    expect(updated.gridAdmissible).toBe(false);
  });
});
