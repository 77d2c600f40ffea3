import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { CategoryRef, ReferenceData, SessionUser } from '../../core/api/types';
import { DEFAULT_OFFICE_HOURS, WorkingCalendar, type OfficeHours } from '../../core/calendar';
import type { Priority, TimedStage } from '../../core/domain/case';
import type { DecideContext } from '../../core/workflow/decide';
import { stageLimit } from '../../core/workflow/timeLimits';
import { openDatabase, type DbConfig } from '../../db/connection';
import { loadCalendarDays, loadReference, loadSetting } from '../../db/repositories/reference';
import { WritePath } from '../../db/writePath';
import { SessionStore } from './sessions';

export interface BackendOptions {
  db: DbConfig;
  now?: () => number;
}

/** Everything a handler needs: the database, the write path, sessions and cached reference data. */
export class Backend {
  readonly sessions: SessionStore;
  private referenceCache: Promise<ReferenceData> | null = null;
  private calendarCache: Promise<WorkingCalendar> | null = null;

  private constructor(
    readonly knex: Knex,
    readonly writePath: WritePath,
    readonly now: () => number,
  ) {
    this.sessions = new SessionStore(now);
  }

  static async open(options: BackendOptions): Promise<Backend> {
    const now = options.now ?? Date.now;
    const knex = await openDatabase(options.db);
    const writePath = await WritePath.open(knex, now);
    return new Backend(knex, writePath, now);
  }

  reference(): Promise<ReferenceData> {
    this.referenceCache ??= loadReference(this.knex);
    return this.referenceCache;
  }

  calendar(): Promise<WorkingCalendar> {
    this.calendarCache ??= (async () => {
      const days = await loadCalendarDays(this.knex);
      const hours = (await loadSetting<OfficeHours>(this.knex, 'office_hours')) ?? DEFAULT_OFFICE_HOURS;
      return new WorkingCalendar(days, hours);
    })();
    return this.calendarCache;
  }

  /** Reference data or the calendar changed: reload on next use. */
  invalidateCaches(): void {
    this.referenceCache = null;
    this.calendarCache = null;
  }

  /** The context core's decide() runs in for this user, now. */
  async decideContext(user: SessionUser): Promise<Omit<DecideContext, 'target'>> {
    const [reference, calendar] = [await this.reference(), await this.calendar()];
    const categories = new Map<string, CategoryRef>(reference.categories.map((c) => [c.id, c]));
    const hoursPerDay = calendar.officeMsPerDay / 3_600_000;
    return {
      now: this.now(),
      actor: { id: user.id, role: user.role, departmentId: user.departmentId, gridId: user.regionId },
      category: (id) => categories.get(id),
      deadline: (stage: TimedStage, start: number, category: CategoryRef | undefined, priority: Priority) =>
        calendar.deadline(start, stageLimit(stage, category, priority, hoursPerDay)),
      extend: (deadline, extra) => calendar.extend(deadline, extra),
      newId: uuidv7,
      nextHlc: () => this.writePath.clock.tick(),
    };
  }

  async close(): Promise<void> {
    await this.knex.destroy();
  }
}
