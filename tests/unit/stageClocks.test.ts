import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../core/calendar';
import { stageHistory } from '../../core/workflow/stageHistory';
import { extendedClock, limitColourAt, stageClock } from '../../core/workflow/timeLimits';
import { play } from '../support/workflowPlay';
import { DEPT, GARBAGE, actors } from '../support/workflowWorld';

const cst = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const calendar = new WorkingCalendar([]);
const { dispatcher: D, staff: OWN, shiftLeader: S, gridWorker: G } = actors;

describe('stage clocks', () => {
  it('turn yellow at 75% of the counted time and red after the deadline', () => {
    // GARBAGE's handle limit is 3 working days of 7 office hours: 21 h; 75% is 15.75 h of office time.
    const clock = stageClock(calendar, 'handle', cst(2026, 3, 2, 9), GARBAGE, 'normal');
    expect(clock.deadlineAt).toBe(cst(2026, 3, 5, 9));
    // Mon 09:00 + 15h45m of office time: Mon 7.5 h... Mon 09:00–12:00, 14:00–17:30 (6.5 h); Tue 7 h (13.5 h); Wed 08:30 + 2.25 h = 10:45.
    expect(clock.warnAt).toBe(cst(2026, 3, 4, 10, 45));
    expect(limitColourAt(clock.deadlineAt, clock.warnAt, cst(2026, 3, 4, 10, 44))).toBe('green');
    expect(limitColourAt(clock.deadlineAt, clock.warnAt, cst(2026, 3, 4, 10, 45))).toBe('yellow');
    expect(limitColourAt(clock.deadlineAt, clock.warnAt, cst(2026, 3, 5, 9))).toBe('yellow');
    expect(limitColourAt(clock.deadlineAt, clock.warnAt, cst(2026, 3, 5, 9, 1))).toBe('red');
  });

  it('move the yellow point with the deadline when an extension is approved', () => {
    const start = cst(2026, 3, 2, 9);
    const { deadlineAt } = stageClock(calendar, 'handle', start, GARBAGE, 'normal');
    const extended = extendedClock(calendar, 'handle', start, deadlineAt, { amount: 2, unit: 'working_days' }, GARBAGE, 'normal');
    expect(extended.deadlineAt).toBe(cst(2026, 3, 9, 9)); // Thu 09:00 + 2 working days = Mon 09:00
    // 5 working days = 35 h; 75% = 26.25 h: Mon 6.5, Tue 7, Wed 7 (20.5), Thu 08:30 + 5.75 h = 16:15.
    expect(extended.warnAt).toBe(cst(2026, 3, 5, 16, 15));
  });

  it('an urgent case runs on the clock, nights included', () => {
    const clock = stageClock(calendar, 'sign', cst(2026, 3, 2, 22), GARBAGE, 'urgent');
    expect(clock.deadlineAt).toBe(cst(2026, 3, 2, 23)); // 1 working hour becomes 1 clock hour
  });
});

describe('stage history', () => {
  it('lists each stage with its start, deadline and end, rework included', () => {
    const { events } = play([
      [D, { move: 'accept' }],
      [D, { move: 'file', categoryId: GARBAGE.id }],
      [D, { move: 'dispatch', departmentIds: [DEPT] }],
      [OWN, { move: 'sign' }],
      [OWN, { move: 'request_extension', extra: { amount: 1, unit: 'working_days' }, reason: '需协调' }],
      [S, { move: 'approve_extension' }],
      [OWN, { move: 'handle', result: 'resolved', note: '已处置' }],
      [G, { move: 'verify_fail', reason: '未整改到位' }],
    ]);
    const spans = stageHistory(events);
    expect(spans.map((s) => [s.stage, s.endedAt === null])).toEqual([
      ['accept', false], ['sign', false], ['handle', false], ['verify', false], ['handle', true],
    ]);
    const handle = spans[2]!;
    expect(handle.deadlineAt).toBeGreaterThan(stageClock(calendar, 'handle', handle.startedAt, GARBAGE, 'normal').deadlineAt);
    expect(spans[0]!.endedAt).toBe(spans[1]!.startedAt);
  });
});
