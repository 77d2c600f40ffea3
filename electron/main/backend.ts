import { actorOf } from '../../core/workflow/actor';
import type { Knex } from 'knex';
import type { CategoryRef, ReferenceData, SessionUser } from '../../core/api/types';
import { DEFAULT_OFFICE_HOURS, WorkingCalendar, type OfficeHours } from '../../core/calendar';
import type { DecideContext } from '../../core/workflow/decide';
import { calendarClocks } from '../../core/workflow/timeLimits';
import { openDatabase, type DbConfig } from '../../db/connection';
import { loadCalendarDays, loadReference, loadSetting } from '../../db/repositories/reference';
import { loadTriageExamples } from '../../db/repositories/triageExamples';
import type { TriageModel } from '../../core/triage';
import { trainTriageModel } from './triageTraining';
import { WritePath } from '../../db/writePath';
import { newUuidV7 } from '../../db/uuidV7';
import { SyncService } from './services/sync/syncService';
import { ensureDefaultScheme } from '../../db/repositories/assessment/schemes';
import { rebuildIfMarked } from '../../db/repositories/derivedRebuilds';
import { countUsers } from '../../db/repositories/users';
import { categoryAsOf } from '../../core/admin/catalogue';
import { loadCategoryVersions, type CategoryVersionIndex } from '../../db/repositories/admin/categories';

const hasUsers = async (knex: Knex) => (await countUsers(knex)) > 0;
import { SessionStore } from './sessions';
import { buildRegionIndex, regionVersion, type RegionIndex } from './services/regionIndex';

const TRIAGE_MAX_AGE_MS = 10 * 60_000;
// The newest 50,000 filed cases: enough to learn local wording, and trained in about a second.
const TRIAGE_MAX_EXAMPLES = 50_000;

export interface BackendOptions {
  db: DbConfig;
  now?: () => number;
  /** Progress of the rebuild of derived tables a migration asked for, if there is one to do. */
  onRebuild?: (casesDone: number) => void;
}

/** Everything a handler needs: the database, the write path, sessions and cached reference data. */
export class Backend {
  readonly sessions: SessionStore;
  /** Push and pull with the district hub; idle until the node is enrolled, started by the app (not tests). */
  readonly sync: SyncService;
  private referenceCache: Promise<ReferenceData> | null = null;
  private categoryVersionsCache: Promise<CategoryVersionIndex> | null = null;
  private calendarCache: Promise<WorkingCalendar> | null = null;
  private triageCache: { model: Promise<TriageModel>; builtAt: number } | null = null;
  private regionIndexCache: { version: string; index: Promise<RegionIndex> } | null = null;

  private constructor(
    readonly knex: Knex,
    readonly writePath: WritePath,
    readonly now: () => number,
  ) {
    this.sessions = new SessionStore(now);
    this.sync = new SyncService(this);
  }

  static async open(options: BackendOptions): Promise<Backend> {
    const now = options.now ?? Date.now;
    const knex = await openDatabase(options.db);
    const writePath = await WritePath.open(knex, now);
    // Before anyone reads a score: facts derived by definitions a migration retired are rebuilt once.
    await rebuildIfMarked(writePath, options.onRebuild);
    if (await hasUsers(knex)) await ensureDefaultScheme(writePath, now());
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
    this.categoryVersionsCache = null;
    this.calendarCache = null;
    this.triageCache = null;
  }

  /** A dispatcher corrected a suggestion: relearn on next use rather than in up to ten minutes. */
  forgetTriageModel(): void {
    this.triageCache = null;
  }

  /**
   * The office's grid map and grid neighbours, rebuilt when the regions change. The version
   * is read each time (one aggregate over a few hundred rows), so a write from anywhere shows.
   */
  async regionIndex(): Promise<RegionIndex> {
    const version = await regionVersion(this.knex);
    if (this.regionIndexCache?.version !== version) {
      const index = buildRegionIndex(this.knex, version);
      this.regionIndexCache = { version, index };
      index.catch(() => (this.regionIndexCache = null));
    }
    return this.regionIndexCache.index;
  }

  /** The triage model, learned from the cases already filed; relearned every few minutes as cases come in. */
  triageModel(): Promise<TriageModel> {
    const now = this.now();
    if (!this.triageCache || now - this.triageCache.builtAt > TRIAGE_MAX_AGE_MS) {
      const model = (async () => {
        const { categories } = await this.reference();
        const examples = await loadTriageExamples(this.knex, TRIAGE_MAX_EXAMPLES);
        return trainTriageModel(categories, examples);
      })();
      this.triageCache = { model, builtAt: now };
      model.catch(() => (this.triageCache = null));
    }
    return this.triageCache.model;
  }

  /** The context core's decide() runs in for this user, now. */
  async decideContext(user: SessionUser): Promise<Omit<DecideContext, 'target'>> {
    const [reference, calendar] = [await this.reference(), await this.calendar()];
    this.categoryVersionsCache ??= loadCategoryVersions(this.knex);
    const versions = await this.categoryVersionsCache;
    const categories = new Map<string, CategoryRef>(reference.categories.map((c) => [c.id, c]));
    return {
      now: this.now(),
      actor: actorOf(user),
      category: (id, asOf) => {
        const current = categories.get(id);
        return current && asOf !== undefined ? categoryAsOf(current, versions.get(id) ?? [], asOf) : current;
      },
      ...calendarClocks(calendar),
      newId: newUuidV7,
      nextHlc: () => this.writePath.clock.tick(),
    };
  }

  async close(): Promise<void> {
    await this.sync.stop();
    await this.knex.destroy();
  }
}
