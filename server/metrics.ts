import type { Knex } from 'knex';
import { committedSequence } from './changeLog';

/**
 * Counters of this process (Prometheus sums them over hub processes). The district's own figures
 * (sequence, lag per node) are read from the database at scrape time, so every process reports the same.
 */
export class HubMetrics {
  pushes = 0;
  pushedChanges = 0;
  pulls = 0;
  pulledChanges = 0;
  readonly rejected = new Map<string, number>();

  countRejections(reasons: readonly string[]): void {
    for (const reason of reasons) this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  async render(knex: Knex): Promise<string> {
    const seq = await committedSequence(knex);
    const nodes: { node_id: string; name: string; scope_kind: string; last_pull_cursor: number | string; revoked_at: unknown }[] =
      await knex('hub_nodes').select('node_id', 'name', 'scope_kind', 'last_pull_cursor', 'revoked_at');
    const label = (v: string) => v.replace(/["\\\n]/g, '_');
    const lines = [
      '# HELP hub_pushes_total Push batches answered.',
      '# TYPE hub_pushes_total counter',
      `hub_pushes_total ${this.pushes}`,
      '# HELP hub_pushed_changes_total Changes received in push batches.',
      '# TYPE hub_pushed_changes_total counter',
      `hub_pushed_changes_total ${this.pushedChanges}`,
      '# HELP hub_pulls_total Pull pages answered.',
      '# TYPE hub_pulls_total counter',
      `hub_pulls_total ${this.pulls}`,
      '# HELP hub_pulled_changes_total Changes and removals sent in pull pages.',
      '# TYPE hub_pulled_changes_total counter',
      `hub_pulled_changes_total ${this.pulledChanges}`,
      '# HELP hub_rejected_writes_total Pushed changes refused, by reason.',
      '# TYPE hub_rejected_writes_total counter',
      ...[...this.rejected].map(([reason, n]) => `hub_rejected_writes_total{reason="${label(reason)}"} ${n}`),
      '# HELP hub_district_sequence The last committed district change sequence.',
      '# TYPE hub_district_sequence gauge',
      `hub_district_sequence ${seq}`,
      '# HELP hub_node_lag Changes between the district sequence and the cursor the node last pulled from.',
      '# TYPE hub_node_lag gauge',
      ...nodes
        .filter((n) => !n.revoked_at)
        .map((n) => `hub_node_lag{node="${label(n.node_id)}",name="${label(n.name)}",scope="${label(n.scope_kind)}"} ${seq - Number(n.last_pull_cursor)}`),
    ];
    return lines.join('\n') + '\n';
  }
}
