import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../electron/main/loginThrottle';

describe('login throttling', () => {
  it('locks one client after five misses, doubling the wait with each further miss, and never the owner elsewhere', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure('li', 'pc-a');
    expect(throttle.lockedFor('li', 'pc-a')).toBe(0);
    throttle.recordFailure('li', 'pc-a');
    expect(throttle.lockedFor('li', 'pc-a')).toBe(30_000);
    expect(throttle.lockedFor('li', 'pc-b')).toBe(0);
    now += 30_001;
    throttle.recordFailure('li', 'pc-a');
    expect(throttle.lockedFor('li', 'pc-a')).toBe(60_000);
    now += 60_001;
    throttle.recordFailure('li', 'pc-a');
    expect(throttle.lockedFor('li', 'pc-a')).toBe(120_000);
    for (let i = 0; i < 20; i += 1) throttle.recordFailure('li', 'pc-a');
    expect(throttle.lockedFor('li', 'pc-a')).toBe(15 * 60_000);
    throttle.recordSuccess('li', 'pc-a');
    expect(throttle.lockedFor('li', 'pc-a')).toBe(0);
  });
});
