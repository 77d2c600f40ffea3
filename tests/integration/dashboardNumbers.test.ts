import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
let leader = '';
beforeAll(async () => {
  // A Monday morning in Beijing, after the weekend's reports: at night or on a weekend few stage
  // clocks are in their yellow quarter, and the test needs cases of each colour.
  const mondayMorning = Date.parse('2026-11-23T09:30:00+08:00');
  t = await openTestBackend({ demo: true, now: () => mondayMorning });
  leader = await t.login('leader');
});
afterAll(async () => t.close());

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await t.dispatch(method, input, leader);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as T;
}

interface Keys {
  open: number;
  overdueRed: number;
  dueSoonYellow: number;
}

describe('the dashboard and the wall', () => {
  it('count the same red and yellow cases as the desk shows, for the office, its grids and one street', async () => {
    const { regions } = await call<{ regions: Array<{ id: string; level: string }> }>('reference.get', {});
    const street = regions.find((r) => r.level === 'street')!;
    const wall = await call<{ keys: Keys; grids: Array<{ open: number; overdue: number }> }>('bigscreen.snapshot', {});
    // The map's grids add up to the office's numbers.
    expect(wall.grids.reduce((n, g) => n + g.open, 0)).toBe(wall.keys.open);
    expect(wall.grids.reduce((n, g) => n + g.overdue, 0)).toBe(wall.keys.overdueRed);
    const desk = async (filter: object) => (await call<{ total: number }>('cases.list', { ...filter, pageSize: 1 })).total;
    for (const [keys, filter] of [
      [wall.keys, {}],
      [(await call<{ keys: Keys }>('dashboard.data', {})).keys, {}],
      [(await call<{ keys: Keys }>('dashboard.data', { streetId: street.id })).keys, { streetId: street.id }],
    ] as const) {
      // One street may have no yellow case at this moment; the office as a whole has both colours.
      if (!('streetId' in filter)) {
        expect(keys.overdueRed).toBeGreaterThan(0);
        expect(keys.dueSoonYellow).toBeGreaterThan(0);
      }
      expect(keys.overdueRed).toBe(await desk({ ...filter, colour: 'red' }));
      expect(keys.dueSoonYellow).toBe(await desk({ ...filter, colour: 'yellow' }));
    }
  });
});
