import type { Knex } from 'knex';
import { MIGRATIONS } from '../../../../db/migrations';
import { applyPullPage } from '../../../../db/sync/applyPage';
import { openConflictCount } from '../../../../db/sync/conflicts';
import { applyPushAnswer, readPushBatch } from '../../../../db/sync/push';
import { isEnrolled, loadSyncSettings, nodeCodeFor, saveSyncSettings, type SyncSettings } from '../../../../db/sync/settings';
import type { WritePath } from '../../../../db/writePath';
import type { SyncStatus } from '../../../../core/api/syncTypes';
import { DEFAULT_BACKOFF, nextDelay, type BackoffPolicy } from './backoff';
import { HubClient, HubError } from './hubClient';

const PULL_PAGE = 500;
const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.name;

export interface SyncHost {
  knex: Knex;
  writePath: WritePath;
  now: () => number;
  /** Pulled reference rows changed: drop cached reference data. */
  invalidateCaches(): void;
}

/**
 * The node's background sync: push the outbox, then pull until the hub has nothing more, every interval
 * while the hub answers and with growing, jittered pauses while it does not. Nothing waits for it: the
 * desk works offline exactly as before, and the outbox simply grows until the hub is back.
 */
export class SyncService {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private failures = 0;
  private online = false;
  private lastError: string | null = null;
  private clockWarning: string | null = null;
  private nextAttemptAt: number | null = null;

  constructor(private readonly host: SyncHost, private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** Starts the background loop (the app, not tests); it idles until the node is enrolled. */
  start(): void {
    this.started = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One push-and-pull now (the 立即同步 button); resolves when it is over, successful or not. */
  async syncNow(): Promise<void> {
    await this.running?.catch(() => undefined);
    this.running = this.cycle();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  async enrol(hubUrl: string, code: string, nodeName: string): Promise<SyncSettings> {
    const { host } = this;
    const answer = await HubClient.enrol(hubUrl, { code, nodeId: host.writePath.nodeId, name: nodeName, schemaVersion: SCHEMA_VERSION });
    await saveSyncSettings(host.knex, {
      hubUrl, token: answer.token, scope: answer.scope, nodeName, nodeCode: nodeCodeFor(host.writePath.nodeId), enrolledAt: host.now(), lastError: null,
    });
    this.failures = 0;
    this.lastError = null;
    if (this.started) this.schedule(0);
    return loadSyncSettings(host.knex);
  }

  async status(): Promise<SyncStatus> {
    const settings = await loadSyncSettings(this.host.knex);
    const pending = await this.host.knex('outbox').count({ n: '*' }).first();
    const enrolled = isEnrolled(settings);
    return {
      state: !enrolled ? 'disabled' : this.running ? 'syncing' : this.online ? 'online' : 'offline',
      enrolled,
      hubUrl: settings.hubUrl,
      nodeName: settings.nodeName,
      nodeId: this.host.writePath.nodeId,
      nodeCode: settings.nodeCode,
      scope: settings.scope,
      enrolledAt: settings.enrolledAt,
      lastSyncAt: settings.lastSyncAt,
      lastError: this.lastError ?? settings.lastError,
      pendingWrites: Number(pending?.n ?? 0),
      conflicts: await openConflictCount(this.host.knex),
      clockWarning: this.clockWarning,
      nextAttemptAt: this.nextAttemptAt,
    };
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = this.host.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().finally(() => this.schedule(nextDelay(this.policy, this.failures)));
    }, delayMs);
    this.timer.unref?.();
  }

  private async cycle(): Promise<void> {
    const settings = await loadSyncSettings(this.host.knex);
    if (!isEnrolled(settings)) return;
    const hub = new HubClient(settings.hubUrl, settings.token);
    try {
      await this.pushAll(hub);
      await this.pullAll(hub, settings.pullCursor);
      this.failures = 0;
      this.online = true;
      this.lastError = null;
      await saveSyncSettings(this.host.knex, { lastSyncAt: this.host.now(), lastError: null });
    } catch (error) {
      this.failures += 1;
      this.online = false;
      this.lastError = error instanceof HubError ? error.message : `同步失败：${(error as Error).message}`;
      await saveSyncSettings(this.host.knex, { lastError: this.lastError }).catch(() => undefined);
    }
  }

  private async pushAll(hub: HubClient): Promise<void> {
    for (;;) {
      const batch = await readPushBatch(this.host.knex);
      if (batch.length === 0) return;
      const answer = await hub.push({ nodeId: this.host.writePath.nodeId, schemaVersion: SCHEMA_VERSION, changes: batch });
      this.clockWarning = answer.clockWarning ?? null;
      await applyPushAnswer(this.host.knex, batch, answer, this.host.now());
      // The hub acknowledged nothing of this batch: asking again now would loop.
      if (answer.ackedThrough < batch[0]!.seq) throw new HubError('同步服务器未确认本机的修改，稍后重试', null);
    }
  }

  private async pullAll(hub: HubClient, cursor: number): Promise<void> {
    let after = cursor;
    for (;;) {
      const page = await hub.pull(after, PULL_PAGE);
      if (page.snapshotRequired) throw new HubError('本机离线时间超过服务器保留的变更记录，需要从快照重新初始化（尚不支持）', null);
      const result = await applyPullPage(this.host.writePath, page, this.host.now());
      if (result.clockWarning) this.clockWarning = result.clockWarning;
      if (result.referenceChanged || result.refoldedCases > 0) this.host.invalidateCaches();
      if (page.cursor <= after && page.hasMore) throw new HubError('同步服务器的游标没有前进', null);
      after = page.cursor;
      if (!page.hasMore) return;
    }
  }
}
