import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryAdminRow, CategoryVersionRow, DepartmentAdminRow, OrganisationAdminRow, SetupChecklist } from '../../core/api/adminTypes';
import type { CaseWithHistory, ReferenceData, TriageSuggestion } from '../../core/api/types';
import { openTestBackend, tableCounts, type TestBackend } from '../support/backend';

// Monday 2 March 2026, 09:00 in Chongqing: a working day, inside office hours.
let clock = Date.parse('2026-03-02T09:00:00+08:00');
let t: TestBackend;
let ref: ReferenceData;
const tokens: Record<string, string> = {};

async function call<T>(method: string, input: unknown, who = 'admin'): Promise<T> {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as T;
}
async function refusal(method: string, input: unknown, who = 'admin') {
  const response = await t.dispatch(method, input, tokens[who] ?? null);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}
const lastAudit = async (action: string, targetId?: string) => {
  const row = await t.backend.knex('audit_log').where({ action, ...(targetId ? { target_id: targetId } : {}) }).orderBy('at', 'desc').orderBy('id', 'desc').first();
  return JSON.parse(row.detail);
};

beforeAll(async () => {
  t = await openTestBackend({ demo: true, demoCases: 10, now: () => clock });
  for (const user of ['admin', 'dispatcher', 'dept-d02']) tokens[user] = await t.login(user);
  ref = await call('reference.get', {});
});
afterAll(async () => t.close());

describe('departments and organisations', () => {
  it('creates, edits and deactivates a department with before/after in the audit', async () => {
    const created = await call<DepartmentAdminRow>('departments.save', { code: 'D90', name: '青峰街道城管中队', contactPerson: '刘队', phone: '023-6789 1234', dutyHours: '8:30-17:30' });
    expect(created).toMatchObject({ code: 'D90', shortName: '青峰街道城管中队', phone: '023-67891234', active: true });
    const edited = await call<DepartmentAdminRow>('departments.save', { ...created, name: '青峰城管中队', active: false });
    expect(edited).toMatchObject({ name: '青峰城管中队', active: false });
    expect(await lastAudit('department.update', created.id)).toMatchObject({ before: { name: '青峰街道城管中队', active: 1 }, after: { name: '青峰城管中队', active: 0 } });
    // Still in the reference data and never deleted: history names it.
    expect(await t.backend.knex('departments').where({ id: created.id, deleted: 0 }).first()).toBeTruthy();
  });

  it('refuses a taken code, a bad phone and an empty name in Chinese, writing nothing', async () => {
    const before = await tableCounts(t.backend);
    expect((await refusal('departments.save', { code: 'd02', name: '重号' })).message).toBe('部门编码"d02"已被使用');
    expect((await refusal('departments.save', { code: 'D91', name: '坏电话', phone: '1380013800' })).message).toContain('电话号码"1380013800"格式不对');
    expect((await refusal('departments.save', { code: 'D91', name: '  ' })).message).toBe('D91：名称为空');
    const other = (await call<DepartmentAdminRow[]>('departments.list', {})).find((d) => d.code === 'D03')!;
    expect((await refusal('departments.save', { ...other, code: 'D02' })).message).toBe('D02：部门编码"D02"已被使用');
    expect(await tableCounts(t.backend)).toEqual(before);
  });

  it('keeps social organisations with contacts, duty hours and an active flag', async () => {
    const org = await call<OrganisationAdminRow>('organisations.save', { code: 'SO90', name: '青峰邻里互助会', kind: '志愿服务', services: ['助老', '邻里调解'], contactName: '周姐', contactPhone: '13900001111', dutyHours: '周一至周五' });
    expect(org).toMatchObject({ services: ['助老', '邻里调解'], active: true });
    const off = await call<OrganisationAdminRow>('organisations.save', { ...org, active: false });
    expect(off.active).toBe(false);
    expect(await lastAudit('organisation.update', org.id)).toMatchObject({ before: { active: 1 }, after: { active: 0 } });
  });
});

describe('the category catalogue', () => {
  const garbage = () => ref.categories.find((c) => c.name === '暴露垃圾')!;
  const d02 = () => ref.departments.find((d) => d.code === 'D02')!;
  const grid = () => ref.regions.find((r) => r.code === '500112004001001')!;

  async function fileCase(): Promise<string> {
    const { id } = await call<{ id: string }>('cases.report', {
      source: 'hotline', gridId: grid().id, address: '金港国际3栋门口', description: '人行道上堆放大量装修垃圾，无人清运', reporterName: '张先生', reporterPhone: '13812345678',
    }, 'dispatcher');
    await call('cases.move', { id, move: { move: 'accept' } }, 'dispatcher');
    await call('cases.move', { id, move: { move: 'file', categoryId: garbage().id } }, 'dispatcher');
    return id;
  }
  const signNow = async (id: string) => {
    await call('cases.move', { id, move: { move: 'dispatch', departmentIds: [d02().id] } }, 'dispatcher');
    return (await call<CaseWithHistory>('cases.move', { id, move: { move: 'sign' } }, 'dept-d02')).case;
  };

  it('versions an edit: a case filed before it keeps its limits, one filed after gets the new ones', async () => {
    const old = garbage();
    const before = await fileCase();
    clock += 60_000;
    const { majorCode: _major, ...editable } = old;
    const edited = await call<CategoryAdminRow>('catalogue.save', {
      ...editable, limits: { ...old.limits, handle: { amount: 15, unit: 'working_days' } }, keywords: [...old.keywords, '建渣'],
    });
    expect(edited.versions).toBe(1);
    ref = await call('reference.get', {});
    clock += 60_000;
    const after = await fileCase();
    clock += 60_000;
    const calendar = await t.backend.calendar();
    const oldCase = await signNow(before);
    expect(oldCase.stageDeadlineAt).toBe(calendar.deadline(clock, old.limits.handle));
    const newCase = await signNow(after);
    expect(newCase.stageDeadlineAt).toBe(calendar.deadline(clock, { amount: 15, unit: 'working_days' }));
    expect(newCase.stageDeadlineAt).not.toBe(oldCase.stageDeadlineAt);
    const history = await call<CategoryVersionRow[]>('catalogue.history', { id: old.id });
    expect(history.map((v) => v.category.limits.handle)).toEqual([old.limits.handle, { amount: 15, unit: 'working_days' }]);
    expect(history[0]!.validFrom).toBe(0);
    const audit = await lastAudit('category.update', old.id);
    expect(JSON.parse(audit.before.limits).handle).toEqual(old.limits.handle);
    expect(JSON.parse(audit.after.limits).handle).toEqual({ amount: 15, unit: 'working_days' });
  });

  it('the triage model learns a new keyword at once, without a restart', async () => {
    const text = '巷子口有一堆砼渣块';
    const categoryCount = ref.categories.length;
    await call<TriageSuggestion>('triage.suggest', { text }, 'dispatcher');
    const created = await call<CategoryAdminRow>('catalogue.save', {
      code: '0190', majorName: garbage().majorName, name: '砼渣乱倒', filingCriteria: '公共区域倾倒砼渣', closingCriteria: '砼渣清除',
      keywords: ['砼渣', '砼渣块'], departmentId: d02().id, limits: garbage().limits, gridAdmissible: false, matterKind: null, priority: 'normal',
    });
    expect((await call<ReferenceData>('reference.get', {})).categories).toHaveLength(categoryCount + 1);
    const suggestion = await call<TriageSuggestion>('triage.suggest', { text }, 'dispatcher');
    expect(suggestion.categories[0]!.categoryId).toBe(created.id);
  });

  it('refuses a bad code, a major name that disagrees with its class, and a taken code', async () => {
    const base = { majorName: '市容环境', name: '新类', filingCriteria: '标准', closingCriteria: '标准', keywords: [], departmentId: null, limits: garbage().limits, gridAdmissible: false, matterKind: null, priority: 'normal' };
    expect((await refusal('catalogue.save', { ...base, code: '01A1' })).message).toContain('类别编码应为 4 位数字');
    expect((await refusal('catalogue.save', { ...base, code: '0199', majorName: '别的名字' })).message).toContain('同一大类名称须一致');
    expect((await refusal('catalogue.save', { ...base, code: '0101' })).message).toBe('类别编码"0101"已被使用');
  });
});

describe('the working calendar', () => {
  it('replaces a year from a pasted table; time limits count on it; the audit keeps before and after', async () => {
    const shipped = await call<{ days: unknown[]; shipped: unknown[] }>('calendar.year', { year: 2026 });
    expect(shipped.days.length).toBeGreaterThan(0);
    expect(shipped.days).toEqual(shipped.shipped.map((d) => expect.objectContaining(d as object)));
    const calendarBefore = await t.backend.calendar();
    // Make Tuesday 3 March 2026 a holiday: a one-day limit started on Monday now ends a day later.
    const start = Date.parse('2026-03-02T09:00:00+08:00');
    const oneDay = { amount: 1, unit: 'working_days' } as const;
    const days = [...(shipped.days as Array<{ date: string; kind: string; name: string }>), { date: '2026-03-03', kind: 'holiday', name: '街道停电检修' }];
    const saved = await call<{ changed: number }>('calendar.saveYear', { year: 2026, days });
    expect(saved.changed).toBe(1);
    const calendarAfter = await t.backend.calendar();
    expect(calendarAfter.deadline(start, oneDay)).toBeGreaterThan(calendarBefore.deadline(start, oneDay));
    const audit = await lastAudit('calendar.set_year');
    expect(audit.after).toContain('2026-03-03 休 街道停电检修');
    expect(audit.before).not.toContain('2026-03-03 休 街道停电检修');
    const bad = await refusal('calendar.saveYear', { year: 2026, days: [{ date: '2027-01-01', kind: 'holiday', name: '' }] });
    expect(bad.message).toBe('第 1 行"2027-01-01"：日期不在 2026 年');
  });
});

describe('the setup checklist', () => {
  it('shows what is done, lets the admin skip what shipped defaults cover, and reopens', async () => {
    const list = await call<SetupChecklist>('setup.checklist', {});
    const step = (l: SetupChecklist, key: string) => l.steps.find((s) => s.key === key)!;
    expect(list.steps.map((s) => s.key)).toEqual(['admin', 'regions', 'departments', 'catalogue', 'users', 'calendar']);
    expect(step(list, 'regions')).toMatchObject({ done: true, skippable: false });
    expect(step(list, 'departments').done).toBe(true);
    const skipped = await call<SetupChecklist>('setup.updateChecklist', { skipped: ['regions', 'calendar'], dismissed: true });
    expect(step(skipped, 'regions').skipped).toBe(false); // not skippable
    expect(skipped.dismissed).toBe(true);
    const reopened = await call<SetupChecklist>('setup.updateChecklist', { dismissed: false });
    expect(reopened.dismissed).toBe(false);
  });
});
