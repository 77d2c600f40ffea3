import type { CategoryRef } from '../../core/api/types';
import type { WorkingCalendar } from '../../core/calendar';
import type { CaseSource, HandlingResult, Satisfaction, TimedStage } from '../../core/domain/case';
import { decide, type Actor, type DecideContext } from '../../core/workflow/decide';
import type { CaseEvent } from '../../core/workflow/events';
import { applyEvent } from '../../core/workflow/fold';
import type { Move } from '../../core/workflow/moves';
import { initialState } from '../../core/workflow/reduce';
import { reportCase } from '../../core/workflow/report';
import type { CaseState } from '../../core/workflow/state';
import { calendarClocks, stageLimit } from '../../core/workflow/timeLimits';
import type { Random } from './random';

export interface SimGrid {
  id: string;
  code: string;
  communityId: string;
  streetId: string;
}

/** Everything the simulator draws from: places, people, catalogue and the calendar. */
export interface SimWorld {
  grids: SimGrid[];
  categories: CategoryRef[];
  departmentIds: string[];
  organisationIds: string[];
  dispatchers: Actor[];
  shiftLeaders: Actor[];
  leaders: Actor[];
  departmentStaff: Map<string, Actor>;
  gridWorkers: Map<string, Actor>;
  /** Social organisations' own accounts; without one, the dispatcher records the organisation's answer. */
  organisationStaff?: Map<string, Actor>;
  reportTexts: (category: CategoryRef) => readonly string[];
  addresses: readonly string[];
  surnames: readonly string[];
  givenNames: readonly string[];
  /** Per department: the chance that it overruns a stage, so some are worse than others. */
  lateness: Map<string, number>;
  /** Where on the map a report in this grid is. */
  locate: (grid: SimGrid) => { lat: number; lng: number } | null;
  calendar: WorkingCalendar;
  newId: () => string;
  nextHlc: () => string;
}

class StopSimulation extends Error {}

const BACKLOG_DAYS = 10;

/**
 * Plays one case through the workflow with core's own decide(), so demo and benchmark
 * histories are legal by construction. The case stops wherever "now" catches up with it.
 */
class CaseRun {
  readonly events: CaseEvent[] = [];
  state!: CaseState;
  /** Moves left before the simulation leaves the case where it is (a backlog), or Infinity. */
  movesLeft = Infinity;
  private t: number;
  private readonly categories: Map<string, CategoryRef>;
  private readonly clocks: ReturnType<typeof calendarClocks>;

  constructor(
    private readonly world: SimWorld,
    private readonly rng: Random,
    private readonly now: number,
    start: number,
  ) {
    this.t = start;
    this.categories = new Map(world.categories.map((c) => [c.id, c]));
    this.clocks = calendarClocks(world.calendar);
  }

  private context(actor: Actor, target?: CaseState): DecideContext {
    return {
      now: this.t,
      actor,
      category: (id) => this.categories.get(id),
      ...this.clocks,
      newId: this.world.newId,
      nextHlc: this.world.nextHlc,
      ...(target ? { target } : {}),
    };
  }

  private record(events: CaseEvent[]): void {
    for (const e of events) {
      this.events.push(e);
      if (e.caseId !== this.state?.id && e.type === 'reported') this.state = initialState(e);
      else if (e.caseId === this.state.id) this.state = applyEvent(this.state, e).state;
    }
  }

  report(actor: Actor, input: Parameters<typeof reportCase>[0]): void {
    const decision = reportCase(input, this.context(actor));
    if (!decision.ok) throw new Error(`simulated report refused: ${decision.reason}`);
    this.record(decision.events);
  }

  act(actor: Actor, move: Move, target?: CaseState): CaseEvent[] {
    if (this.t > this.now || this.movesLeft <= 0) throw new StopSimulation();
    this.movesLeft -= 1;
    const decision = decide(this.state, move, this.context(actor, target));
    if (!decision.ok) throw new Error(`simulated ${move.move} refused: ${decision.reason}`);
    this.record(decision.events);
    return decision.events;
  }

  /** Lets time pass: a fraction of the stage's own limit, on the working calendar. */
  waitStage(stage: TimedStage, fraction: number): void {
    const category = this.state.categoryId ? this.categories.get(this.state.categoryId) : undefined;
    const hoursPerDay = this.world.calendar.officeMsPerDay / 3_600_000;
    const limit = stageLimit(stage, category, this.state.priority, hoursPerDay);
    this.t = this.world.calendar.deadline(this.t, { amount: limit.amount * fraction, unit: limit.unit });
    if (this.t > this.now) throw new StopSimulation();
  }

  waitMinutes(min: number, max: number): void {
    this.t += Math.round(this.rng.between(min, max) * 60_000);
    if (this.t > this.now) throw new StopSimulation();
  }
}

export interface SimulatedCase {
  events: CaseEvent[];
  state: CaseState;
}

export class CaseSimulator {
  constructor(
    private readonly world: SimWorld,
    private readonly rng: Random,
    private readonly now: number,
  ) {}

  private fraction(departmentId: string | null): number {
    const late = departmentId ? (this.world.lateness.get(departmentId) ?? 0.08) : 0.06;
    return this.rng.chance(late) ? this.rng.between(1.05, 2.5) : this.rng.between(0.1, 0.95);
  }

  simulate(reportedAt: number, caseNo: string, grid = this.rng.pick(this.world.grids)): SimulatedCase {
    const { world, rng } = this;
    const run = new CaseRun(world, rng, this.now, reportedAt);
    const category = rng.pick(world.categories);
    const source = rng.weighted<CaseSource>([['grid_worker', 55], ['hotline', 30], ['patrol', 6], ['video', 5], ['walk_in', 4]]);
    const gridWorker = world.gridWorkers.get(grid.id)!;
    const reporter = source === 'grid_worker' ? gridWorker : source === 'patrol' && category.departmentId
      ? world.departmentStaff.get(category.departmentId)! : rng.pick(world.dispatchers);
    const resident = source === 'hotline' || source === 'walk_in';
    run.report(reporter, {
      caseNo,
      source,
      categoryId: source === 'hotline' && rng.chance(0.4) ? null : category.id,
      gridId: grid.id,
      communityId: grid.communityId,
      streetId: grid.streetId,
      address: rng.pick(world.addresses),
      description: rng.pick(world.reportTexts(category)),
      reporterName: resident ? rng.pick(world.surnames) + rng.pick(world.givenNames) : '',
      reporterPhone: resident ? `1${rng.pick(['38', '39', '58', '59', '87', '36'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : '',
      priority: category.priority,
      photos: [],
      ...world.locate(grid),
    });
    // Recent cases are where the queue is: some wait at whatever stage they reached.
    if (this.now - reportedAt < BACKLOG_DAYS * 86_400_000 && rng.chance(0.7)) run.movesLeft = rng.int(0, 12);
    try {
      this.play(run, category, grid);
    } catch (err) {
      if (!(err instanceof StopSimulation)) throw err;
    }
    return { events: run.events, state: run.state };
  }

  /**
   * A second report of a problem already open (a resident calls about the same thing):
   * the dispatcher merges it into the original. Returns both cases' new events.
   */
  simulateDuplicate(original: SimulatedCase, reportedAt: number, caseNo: string): CaseEvent[] {
    const { world, rng } = this;
    const run = new CaseRun(world, rng, this.now, reportedAt);
    const category = original.state.categoryId ? world.categories.find((c) => c.id === original.state.categoryId) : undefined;
    run.report(rng.pick(world.dispatchers), {
      caseNo,
      source: 'hotline',
      categoryId: original.state.categoryId,
      gridId: original.state.gridId,
      communityId: original.state.communityId,
      streetId: original.state.streetId,
      address: original.state.address,
      description: category ? rng.pick(world.reportTexts(category)) : original.state.description,
      reporterName: rng.pick(world.surnames) + rng.pick(world.givenNames),
      reporterPhone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      priority: original.state.priority,
      photos: [],
      // A neighbour reporting the same thing stands a few metres away.
      ...(original.state.lat !== null && original.state.lng !== null
        ? { lat: original.state.lat + rng.between(-0.0002, 0.0002), lng: original.state.lng + rng.between(-0.0002, 0.0002) }
        : {}),
    });
    try {
      run.waitMinutes(5, 30);
      run.act(rng.pick(world.dispatchers), { move: 'merge', intoCaseId: original.state.id, note: '与在办案件重复' }, original.state);
    } catch (err) {
      if (!(err instanceof StopSimulation)) throw err;
    }
    return run.events;
  }

  private play(run: CaseRun, category: CategoryRef, grid: SimGrid): void {
    const { world, rng } = this;
    const dispatcher = () => rng.pick(world.dispatchers);
    const gridWorker = world.gridWorkers.get(grid.id)!;
    run.waitMinutes(3, 50);
    if (rng.chance(0.03)) return void run.act(dispatcher(), { move: 'void', reason: rng.pick(['经核实不属实', '重复上报', '不属于受理范围']) });
    if (rng.chance(0.05)) {
      run.act(dispatcher(), { move: 'request_verification', note: '请网格员到现场核实' });
      run.waitMinutes(30, 240);
      run.act(gridWorker, { move: 'confirm_report', note: '现场核实属实' });
      run.waitMinutes(2, 20);
    }
    run.act(dispatcher(), { move: 'accept' });
    run.waitMinutes(1, 20);
    run.act(dispatcher(), { move: 'file', categoryId: category.id });
    run.waitStage('accept', rng.between(0.05, 0.5));
    this.route(run, category, gridWorker);
  }

  private route(run: CaseRun, category: CategoryRef, gridWorker: Actor): void {
    const { world, rng } = this;
    const dispatcher = rng.pick(world.dispatchers);
    if (category.gridAdmissible && !category.matterKind && rng.chance(0.6)) {
      run.act(dispatcher, { move: 'assign_grid', note: '请网格员自行处置' });
      return this.handle(run, gridWorker, null, gridWorker);
    }
    if ((category.majorCode === '11' || category.majorCode === '12') && rng.chance(0.3) && world.organisationIds.length > 0) {
      const organisationId = rng.pick(world.organisationIds);
      run.act(dispatcher, { move: 'refer', organisationId, note: '转介社会组织提供服务' });
      // No extra random draws here, so the rest of the demo office stays as it was: the organisation
      // answers at 30% of its signing time and declines about one case in ten (by case number).
      run.waitStage('sign', 0.3);
      const staff = world.organisationStaff?.get(organisationId) ?? dispatcher;
      if (run.state.caseNo.endsWith('7')) {
        run.act(staff, { move: 'decline_referral', reason: '超出本组织服务范围，暂无法承接' });
        run.waitStage('accept', 0.3);
      } else {
        run.act(staff, { move: 'accept_referral', note: '已接收，安排人员上门' });
        return this.handle(run, staff, null, gridWorker);
      }
    }
    const lead = category.departmentId ?? rng.pick(world.departmentIds);
    const joint = rng.chance(0.1) ? [rng.pick(world.departmentIds.filter((d) => d !== lead))] : [];
    run.act(dispatcher, { move: 'dispatch', departmentIds: [lead, ...joint] });
    run.waitStage('sign', this.fraction(lead));
    const staff = world.departmentStaff.get(lead)!;
    if (rng.chance(0.05)) {
      run.act(staff, { move: 'return', reason: '经研判不属于本部门职责，建议派往属地街道' });
      run.waitStage('accept', rng.between(0.1, 0.6));
      const other = rng.pick(world.departmentIds.filter((d) => d !== lead));
      run.act(dispatcher, { move: 'dispatch', departmentIds: [other], note: '重新派遣' });
      run.waitStage('sign', this.fraction(other));
      run.act(world.departmentStaff.get(other)!, { move: 'sign' });
      return this.handle(run, world.departmentStaff.get(other)!, other, gridWorker);
    }
    run.act(staff, { move: 'sign' });
    for (const co of joint) {
      run.waitMinutes(5, 90);
      run.act(world.departmentStaff.get(co)!, { move: 'sign' });
    }
    this.handle(run, staff, lead, gridWorker);
  }

  private handle(run: CaseRun, handler: Actor, departmentId: string | null, gridWorker: Actor): void {
    const { world, rng } = this;
    const approver = () => rng.pick([...world.shiftLeaders, ...world.leaders]);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt === 0 && rng.chance(0.06)) {
        run.waitStage('handle', rng.between(0.4, 0.9));
        run.act(handler, { move: 'request_extension', extra: { amount: 2, unit: 'working_days' }, reason: '需协调产权单位，申请延期' });
        run.waitMinutes(20, 300);
        if (rng.chance(0.8)) run.act(approver(), { move: 'approve_extension', note: '同意延期' });
        else run.act(approver(), { move: 'refuse_extension', reason: '理由不充分，请按期办结' });
      }
      const fraction = this.fraction(departmentId);
      if (fraction > 1 && rng.chance(0.4)) {
        run.waitStage('handle', 1.02);
        run.act(rng.pick(world.shiftLeaders), { move: 'supervise', level: rng.chance(0.7) ? 'yellow' : 'red', note: '案件已超期，请尽快处置' });
        run.waitStage('handle', 0.01);
      } else {
        run.waitStage('handle', fraction);
      }
      const result = rng.weighted<HandlingResult>([['resolved', 84], ['partly_resolved', 9], ['unresolvable', 1.5], ['not_our_duty', departmentId ? 4 : 0]]);
      run.act(handler, { move: 'handle', result, note: RESULT_NOTES[result] });
      if (result === 'unresolvable') {
        run.waitMinutes(60, 600);
        run.act(approver(), { move: 'approve_park', note: '同意挂账，纳入年度计划' });
        return;
      }
      if (result === 'not_our_duty') {
        run.waitStage('accept', rng.between(0.1, 0.6));
        const other = rng.pick(world.departmentIds.filter((d) => d !== departmentId));
        run.act(rng.pick(world.dispatchers), { move: 'dispatch', departmentIds: [other], note: '转派' });
        run.waitStage('sign', this.fraction(other));
        const staff = world.departmentStaff.get(other)!;
        run.act(staff, { move: 'sign' });
        return this.handle(run, staff, other, gridWorker);
      }
      run.waitStage('verify', rng.between(0.1, rng.chance(0.05) ? 1.5 : 0.9));
      if (rng.chance(0.08)) {
        run.act(gridWorker, { move: 'verify_fail', reason: '现场复核未整改到位，请返工' });
        continue;
      }
      run.act(gridWorker, { move: 'verify_pass', note: '现场核查已整改到位' });
      return this.closeAndCallBack(run, gridWorker, departmentId);
    }
  }

  private closeAndCallBack(run: CaseRun, gridWorker: Actor, departmentId: string | null): void {
    const { world, rng } = this;
    run.waitMinutes(10, 240);
    run.act(rng.pick(world.dispatchers), { move: 'close', note: '符合结案标准' });
    run.waitStage('callback', rng.between(0.1, 1.1));
    const satisfaction = rng.weighted<Satisfaction>([['satisfied', 74], ['basically_satisfied', 15], ['dissatisfied', 7], ['unreachable', 4]]);
    const caller = rng.chance(0.7) ? rng.pick(world.dispatchers) : gridWorker;
    const reopen = satisfaction === 'dissatisfied' && run.state.reopenCount === 0 && rng.chance(0.3);
    run.act(caller, { move: 'record_callback', satisfaction, note: CALLBACK_NOTES[satisfaction], reopen });
    if (!reopen) return;
    run.waitStage('accept', rng.between(0.1, 0.6));
    const lead = departmentId ?? rng.pick(world.departmentIds);
    run.act(rng.pick(world.dispatchers), { move: 'dispatch', departmentIds: [lead], note: '群众不满意，重新派遣' });
    run.waitStage('sign', this.fraction(lead));
    const staff = world.departmentStaff.get(lead)!;
    run.act(staff, { move: 'sign' });
    this.handle(run, staff, lead, gridWorker);
  }
}

const RESULT_NOTES: Record<HandlingResult, string> = {
  resolved: '已按要求处置完毕，现场已恢复',
  partly_resolved: '已部分处置，剩余问题需协调后续处理',
  unresolvable: '受产权及规划限制，暂无法解决，申请挂账',
  not_our_duty: '经核实不属于本部门职责，申请转办',
};

const CALLBACK_NOTES: Record<Satisfaction, string> = {
  satisfied: '群众表示满意',
  basically_satisfied: '群众表示基本满意',
  dissatisfied: '群众表示问题仍未彻底解决',
  unreachable: '电话多次无人接听',
};
