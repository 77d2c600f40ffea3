import { describe, expect, it } from 'vitest';
import { parseCalendarTable } from '../../core/admin/calendarTable';
import { categoryAsOf } from '../../core/admin/catalogue';
import { setupChecklist } from '../../core/admin/checklist';
import { passwordFault } from '../../core/admin/password';
import { normalisePhone, phoneFault } from '../../core/admin/records';
import type { CategoryRef } from '../../core/api/types';

describe('password policy', () => {
  it.each([
    ['Abc12345', 'zhang', null],
    ['Ab1', 'zhang', '密码至少 8 位'],
    ['abcdefgh', 'zhang', '密码须同时包含字母和数字'],
    ['12345678', 'zhang', '密码须同时包含字母和数字'],
    ['Zhang2026', 'zhang', '密码不能包含用户名'],
    ['Ab 123456', 'zhang', '密码不能包含空格'],
  ])('%s for %s → %s', (password, username, expected) => expect(passwordFault(password, username)).toBe(expected));
});

describe('phones', () => {
  it('accepts mobiles, landlines and hotlines as people write them', () => {
    for (const raw of ['139 8765 4321', '+86 13987654321', '023-67891234', '02367891234', '12345', '110']) {
      expect(phoneFault(normalisePhone(raw)), raw).toBeNull();
    }
    for (const raw of ['1398765432', '023-678', 'abc', '23987654321']) expect(phoneFault(normalisePhone(raw)), raw).not.toBeNull();
  });
});

describe('a pasted holiday table', () => {
  it('reads tabs, commas and Chinese dates, skipping a header; reports bad lines by their line number', () => {
    const { entries, faults } = parseCalendarTable('日期\t类型\t名称\n2026-10-01\t放假\t国庆节\n2026/9/27,上班,国庆调休\n2026年10月8日 休 国庆节\n', 2026);
    expect(faults).toEqual([]);
    expect(entries).toEqual([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-09-27', kind: 'workday', name: '国庆调休' },
      { date: '2026-10-08', kind: 'holiday', name: '国庆节' },
    ]);
    const bad = parseCalendarTable('2026-02-30\t放假\n2026-10-01\t放假\n2026-10-01\t上班\n2025-12-31\t放假\n2026-05-01\t出游', 2026);
    expect(bad.faults.map((f) => [f.line, f.reason])).toEqual([
      [1, '日期格式不对，应如 2026-10-01'],
      [3, '日期与第 2 行重复'],
      [4, '日期不在 2026 年'],
      [5, '类型应为"放假"或"上班"'],
    ]);
  });
});

describe('category versions', () => {
  const cat = (amount: number) => ({ id: 'c', limits: { handle: { amount, unit: 'working_days' } } }) as unknown as CategoryRef;
  it('gives the version in force at a time; the current row when never edited', () => {
    const versions = [{ validFrom: 0, category: cat(4) }, { validFrom: 1000, category: cat(10) }, { validFrom: 2000, category: cat(20) }];
    expect(categoryAsOf(cat(20), versions, 500).limits.handle.amount).toBe(4);
    expect(categoryAsOf(cat(20), versions, 1000).limits.handle.amount).toBe(10);
    expect(categoryAsOf(cat(20), versions, 5000).limits.handle.amount).toBe(20);
    expect(categoryAsOf(cat(7), [], 5000).limits.handle.amount).toBe(7);
  });
});

describe('setup checklist', () => {
  it('is complete when every step is done or (if shipped defaults cover it) skipped', () => {
    const facts = { admins: 1, grids: 3, departments: 10, departmentEdits: 0, categories: 80, categoryEdits: 0, staff: 2, calendarYears: 3, calendarEdits: 0 };
    expect(setupChecklist(facts, { skipped: [], dismissed: false }).complete).toBe(false);
    expect(setupChecklist(facts, { skipped: ['departments', 'catalogue', 'calendar'], dismissed: false }).complete).toBe(true);
    expect(setupChecklist({ ...facts, staff: 0 }, { skipped: ['departments', 'catalogue', 'calendar', 'users'], dismissed: false }).complete).toBe(false);
  });
});
