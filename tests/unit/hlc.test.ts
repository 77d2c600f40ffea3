import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridClock, compareHlc, formatHlc, parseHlc } from '../../core/sync/hlc';

const NODE_A = '00000000000000aa';
const NODE_B = '00000000000000bb';

describe('hybrid logical clock', () => {
  it('orders versions as strings in the order they were made', () => {
    let now = 1_800_000_000_000;
    const clock = new HybridClock(NODE_A, () => now);
    const a = clock.tick();
    const b = clock.tick(); // same millisecond: the counter moves
    now -= 5_000; // the wall clock jumps back: versions still move forward
    const c = clock.tick();
    expect([c, a, b].sort()).toEqual([a, b, c]);
    expect(parseHlc(b)).toEqual({ wall: 1_800_000_000_000, counter: 1, node: NODE_A });
  });

  it('moves past a version received from another node', () => {
    const a = new HybridClock(NODE_A, () => 1000);
    const b = new HybridClock(NODE_B, () => 900);
    const fromA = a.tick();
    b.receive(fromA);
    expect(compareHlc(b.tick(), fromA)).toBe(1);
  });

  it('refuses a remote clock too far in the future', () => {
    const clock = new HybridClock(NODE_A, () => 1_000_000, undefined, 60_000);
    const future = formatHlc({ wall: 1_000_000 + 61_000, counter: 0, node: NODE_B });
    expect(() => clock.receive(future)).toThrow(ClockDriftError);
  });

  it('passes a version already stored here however far ahead, so a later local write is newer (chaos seed 1)', () => {
    const clock = new HybridClock(NODE_A, () => 1_000_000, undefined, 60_000);
    const future = formatHlc({ wall: 1_000_000 + 61_000, counter: 0, node: NODE_B });
    clock.receive(future, Number.POSITIVE_INFINITY);
    expect(compareHlc(clock.tick(), future)).toBe(1);
  });

  it('rejects malformed versions and node ids', () => {
    expect(() => parseHlc('yesterday')).toThrow('HLC 格式不正确');
    expect(() => new HybridClock('xyz', () => 0)).toThrow('节点编号');
  });
});
