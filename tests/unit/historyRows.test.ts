import { describe, expect, it } from 'vitest';
import {
  guessHistoryMapping, parseTime, playHistory, readHistoryRow, type CellValue, type HistoryLookups, type HistoryMapping,
} from '../../core/import/history';
import { WorkingCalendar } from '../../core/calendar';
import { calendarClocks } from '../../core/workflow/timeLimits';
import { DEPT, GARBAGE, GRID } from '../support/workflowWorld';
import { wholeUtf8Chunks } from '../../db/import/wholeUtf8Chunks';

const lookups: HistoryLookups = {
  grid: (code) => (code === '500112004001001' ? { id: GRID, communityId: 'c', streetId: 's' } : undefined),
  category: (code) => (code === GARBAGE.code ? GARBAGE : undefined),
  department: (code) => (code === 'D02' ? { id: DEPT } : undefined),
};
const NOW = Date.UTC(2026, 0, 20);
const mapping: HistoryMapping = guessHistoryMapping([
  '案件编号', '案件来源', '问题描述', '发生地址', '网格编码', '事项类别编码', '处置部门编码',
  '上报时间', '受理时间', '立案时间', '派遣时间', '签收时间', '处置时间', '核查时间', '结案时间', '回访时间', '处置结果', '回访满意度',
]);
let ids = 0;
const play = {
  category: (id: string) => (id === GARBAGE.id ? GARBAGE : undefined),
  ...calendarClocks(new WorkingCalendar([])),
  newId: () => `00000000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
  nextHlc: () => `${String(++ids).padStart(15, '0')}-000000-00000000000000aa`,
};

const full: Record<string, CellValue> = {
  案件编号: 'A001', 案件来源: '12345热线', 问题描述: '人行道堆放建筑垃圾', 发生地址: '双龙大道1号', 网格编码: '500112004001001',
  事项类别编码: GARBAGE.code, 处置部门编码: 'D02', 上报时间: '2025-03-03 09:00', 受理时间: '2025-03-03 09:10', 立案时间: '2025/3/3 9:20',
  派遣时间: '2025年3月3日 9:30', 签收时间: '2025-03-03 10:00', 处置时间: '2025-03-04 15:00', 核查时间: '2025-03-05 09:00',
  结案时间: '2025-03-05 10:00', 回访时间: '2025-03-06 10:00', 处置结果: '已解决', 回访满意度: '满意',
};

const read = (patch: Record<string, CellValue>) => readHistoryRow({ ...full, ...patch }, 7, mapping, lookups, NOW);
const reasons = (patch: Record<string, CellValue>) => {
  const r = read(patch);
  return r.ok ? [] : r.faults.map((f) => `${f.column}: ${f.reason}`);
};

describe('history rows', () => {
  it('guesses a header for every field from the usual names, and from other systems\' names', () => {
    expect(Object.keys(mapping)).toHaveLength(18);
    expect(guessHistoryMapping(['工单编号', '诉求内容', '所属网格', '登记时间', '办结时间', '满意度'])).toEqual({
      caseNo: '工单编号', description: '诉求内容', gridCode: '所属网格', reportedAt: '登记时间', handledAt: '办结时间', satisfaction: '满意度',
    });
  });

  it('reads times as Beijing time from text, Excel serials and date cells, and refuses a date without a time', () => {
    const nine = Date.UTC(2025, 2, 3, 1);
    expect(parseTime('2025-03-03 09:00')).toEqual({ ok: true, value: nine });
    expect(parseTime('2025年3月3日 9:00:00')).toEqual({ ok: true, value: nine });
    expect(parseTime(45719.375)).toEqual({ ok: true, value: nine });
    expect(parseTime(new Date(nine))).toEqual({ ok: true, value: nine });
    expect(parseTime('2025-03-03')).toMatchObject({ ok: false, reason: expect.stringContaining('没有时刻') });
    expect(parseTime('2025-02-30 09:00')).toMatchObject({ ok: false });
  });

  it('plays a whole history through the workflow at the original times, with deadlines on the calendar', () => {
    const r = read({});
    if (!r.ok) throw new Error(JSON.stringify(r.faults));
    const played = playHistory(r.history, play);
    if (!played.ok) throw new Error(played.fault.reason);
    expect(played.events.map((e) => e.type)).toEqual([
      'reported', 'accepted', 'filed', 'dispatched', 'signed', 'handled', 'verification_passed', 'closed', 'callback_recorded',
    ]);
    expect(played.state.status).toBe('archived');
    expect(played.state.source).toBe('hotline');
    expect(played.events.every((e) => e.actorId === null)).toBe(true);
    const signed = played.events.find((e) => e.type === 'signed')!;
    expect(signed.at).toBe(Date.UTC(2025, 2, 3, 2));
    // 3 working days from Monday 10:00: Thursday 10:00.
    expect((signed.payload as { deadlineAt: number }).deadlineAt).toBe(Date.UTC(2025, 2, 6, 2));
  });

  it('a history that stopped half way stays open where it stopped; a park is approved at its closing time', () => {
    const open = read({ 处置时间: null, 核查时间: null, 结案时间: null, 回访时间: null, 处置结果: null, 回访满意度: null });
    if (!open.ok) throw new Error('refused');
    const played = playHistory(open.history, play);
    expect(played.ok && played.state.status).toBe('handling');
    const park = read({ 处置结果: '无法解决', 核查时间: null, 回访时间: null, 回访满意度: null });
    if (!park.ok) throw new Error(JSON.stringify(park.faults));
    const parked = playHistory(park.history, play);
    expect(parked.ok && parked.state.status).toBe('parked');
  });

  it('refuses what does not make a legal history, saying why in Chinese', () => {
    expect(reasons({ 签收时间: '2025-03-03 08:00' })).toEqual(['签收时间: 签收时间早于上报时间']);
    expect(reasons({ 处置时间: '2025-03-03 09:50' })).toEqual(['处置时间: 处置时间早于签收时间']);
    expect(reasons({ 签收时间: null })).toEqual(['处置时间: 已填写处置时间，但缺少之前的签收时间']);
    expect(reasons({ 事项类别编码: '9999' })).toEqual(['事项类别编码: 事项类别编码 9999 不存在']);
    expect(reasons({ 网格编码: '500112004001999' })).toEqual(['网格编码: 网格编码 500112004001999 不存在（请先导入区域网格）']);
    expect(reasons({ 处置部门编码: 'X9' })).toEqual(['处置部门编码: 处置部门编码 X9 不存在']);
    expect(reasons({ 案件编号: null })).toEqual(['案件编号: 缺少案件编号']);
    expect(reasons({ 上报时间: '昨天上午' })[0]).toContain('时间格式无法识别');
    expect(reasons({ 回访时间: '2027-01-01 09:00' })).toEqual(['回访时间: 回访时间晚于当前时间']);
    expect(reasons({ 回访满意度: null })).toEqual(['回访满意度: 已填写回访时间，但缺少回访满意度']);
    expect(reasons({ 处置结果: '非职责' })[0]).toContain('转派');
    expect(reasons({ 案件来源: '微博' })[0]).toContain('无法识别的案件来源');
  });
});

describe('whole UTF-8 characters per chunk', () => {
  it('never splits a character, whatever the chunk size', async () => {
    const text = '视频监控 12345热线 😀 é';
    const bytes = Buffer.from(text);
    for (let size = 1; size <= 7; size++) {
      const pieces = [];
      for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
      const out: string[] = [];
      for await (const chunk of wholeUtf8Chunks((async function* () { yield* pieces; })())) out.push(chunk.toString('utf8'));
      expect(out.join('')).toBe(text);
      expect(out.every((c) => !c.includes('\uFFFD'))).toBe(true);
    }
  });
});
