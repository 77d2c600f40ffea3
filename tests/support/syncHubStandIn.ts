import type { Change, PullResponse, PushResponse } from '../../core/sync/protocol';
import type { Backend } from '../../electron/main/backend';
import { applyPullPage, type PageResult } from '../../db/sync/applyPage';
import { applyPushAnswer, readPushBatch } from '../../db/sync/push';
import { loadSyncSettings } from '../../db/sync/settings';

/**
 * The smallest possible stand-in for the district hub, for merge tests without one: a log of every
 * pushed change with a district sequence, forwarded to every node (its own changes included, so the
 * tests also show that a node's own rows coming back change nothing). It applies no merge rules: the
 * nodes' merge must converge on its own.
 */
export class HubLog {
  readonly log: Change[] = [];

  /** Sends the node's whole outbox, acknowledges all of it (or refuses the given seqs). */
  async push(node: Backend, refuse: (c: Change) => string | null = () => null): Promise<PushResponse> {
    const batch = await readPushBatch(node.knex, 100_000);
    const rejected: PushResponse['rejected'] = [];
    for (const change of batch) {
      const reason = refuse(change);
      if (reason) rejected.push({ seq: change.seq, table: change.table, id: change.id, reason: 'conflict', message: reason });
      else this.log.push({ ...change, seq: this.log.length + 1 });
    }
    const answer: PushResponse = { ackedThrough: batch.at(-1)?.seq ?? 0, rejected, hubTime: node.now() };
    await applyPushAnswer(node.knex, batch, answer, node.now());
    return answer;
  }

  /** The page after the node's cursor. */
  async page(node: Backend, limit = 100_000): Promise<PullResponse> {
    const { pullCursor } = await loadSyncSettings(node.knex);
    const changes = this.log.slice(pullCursor, pullCursor + limit);
    const cursor = pullCursor + changes.length;
    return { changes, removals: [], cursor, hasMore: cursor < this.log.length, hubTime: node.now() };
  }

  async pull(node: Backend): Promise<PageResult> {
    const result = await applyPullPage(node.writePath, await this.page(node), node.now());
    node.invalidateCaches();
    return result;
  }
}
