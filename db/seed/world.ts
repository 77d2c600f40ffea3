import { v7 as uuidv7 } from 'uuid';
import type { CategoryRef } from '../../core/api/types';
import { WorkingCalendar } from '../../core/calendar';
import type { CaseEvent } from '../../core/workflow/events';
import { isOpenStatus } from '../../core/domain/case';
import templatesJson from '../../resources/demo/report-templates.json';
import { loadCalendarDays, loadCategories } from '../repositories/reference';
import type { WriteTx } from '../writePath';
import type { DemoPeople } from './demoPeople';
import { randomPointInGrid } from './gridPoints';
import type { Random } from './random';
import type { SeededGrid } from './regions';
import { CaseSimulator, type SimulatedCase, type SimWorld } from './simulate';

const templates = templatesJson as unknown as Record<string, string[]> & {
  addresses: string[];
  surnames: string[];
  givenNames: string[];
};

export const demoNames = { surnames: templates.surnames, givenNames: templates.givenNames };

/** Builds the simulator's world from what was just written in this transaction. */
export async function buildWorld(
  tx: WriteTx,
  rng: Random,
  grids: SeededGrid[],
  people: DemoPeople,
  organisationIds: string[],
): Promise<SimWorld> {
  const categories = await loadCategories(tx.trx);
  const calendar = new WorkingCalendar(await loadCalendarDays(tx.trx));
  const departmentIds = [...people.departmentStaff.keys()];
  // A few departments are chronically slow, so the scorecards have something to show.
  const lateness = new Map(departmentIds.map((id, i) => [id, i % 5 === 1 ? rng.between(0.18, 0.3) : rng.between(0.02, 0.1)]));
  return {
    grids,
    categories,
    departmentIds,
    organisationIds,
    dispatchers: people.dispatchers,
    shiftLeaders: people.shiftLeaders,
    leaders: people.leaders,
    departmentStaff: people.departmentStaff,
    gridWorkers: people.gridWorkers,
    organisationStaff: people.organisationStaff,
    reportTexts: (c: CategoryRef) => templates[c.code] ?? [`${c.name}问题，请尽快处理`],
    addresses: templates.addresses,
    surnames: templates.surnames,
    givenNames: templates.givenNames,
    lateness,
    locate: (grid) => randomPointInGrid(grid.code, rng),
    calendar,
    newId: uuidv7,
    nextHlc: () => tx.nextHlc(),
  };
}

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** Report times over the last `days`: fewer at weekends and holidays, mostly 07:30–21:00 China time. */
export function reportTimes(rng: Random, calendar: WorkingCalendar, now: number, count: number, days: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    const dayStart = Math.floor((now - rng.next() * days * DAY_MS + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
    const date = new Date(dayStart + CST_OFFSET_MS).toISOString().slice(0, 10);
    if (!calendar.isWorkingDay(date) && rng.chance(0.45)) continue;
    const t = dayStart + Math.round(rng.between(7.5, 21) * 3_600_000);
    if (t < now) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

/** Case numbers per reporting day: 20261015-0032. */
export function caseNumberer(): (at: number) => string {
  const perDay = new Map<string, number>();
  return (at) => {
    const day = new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    return `${day}-${String(n).padStart(4, '0')}`;
  };
}

/**
 * Simulates `count` cases, plus duplicate reports merged into a share of the open ones.
 * Pass one numberer to every batch of a large run so case numbers stay unique.
 */
export function simulateCases(
  world: SimWorld,
  rng: Random,
  now: number,
  count: number,
  days: number,
  { duplicateShare = 0.015, nextNo = caseNumberer() }: { duplicateShare?: number; nextNo?: (at: number) => string } = {},
): CaseEvent[] {
  const simulator = new CaseSimulator(world, rng, now);
  const cases: SimulatedCase[] = reportTimes(rng, world.calendar, now, count, days).map((at) => simulator.simulate(at, nextNo(at)));
  const events = cases.flatMap((c) => c.events);
  const open = cases.filter((c) => isOpenStatus(c.state.status) && c.state.status !== 'reported');
  for (let i = 0; i < Math.round(count * duplicateShare) && open.length > 0; i++) {
    const original = open.splice(rng.int(0, open.length - 1), 1)[0]!;
    const last = original.events[original.events.length - 1]!.at;
    const at = Math.round(last + rng.between(0.1, 0.9) * Math.min(now - last, 3 * DAY_MS));
    events.push(...simulator.simulateDuplicate(original, at, nextNo(at)));
  }
  return events;
}
