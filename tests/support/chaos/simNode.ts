import type { NodeScope } from '../../../core/sync/protocol';
import type { SessionUser } from '../../../core/api/types';
import { createKnex } from '../../../db/connection';
import { Backend } from '../../../electron/main/backend';
import { createDispatcher, type Dispatch } from '../../../electron/main/dispatcher';
import { handlers } from '../../../electron/main/handlers';
import type { District, Person } from './district';

const silent = { error: () => undefined };

/** One workstation of the simulation: a real backend on its own SQLite file, its clock offset from sim time. */
export class SimNode {
  readonly dispatch: Dispatch;
  /** The sync cycle in progress (it may be waiting on the network), if any. */
  running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly tokens = new Map<string, string>();
  /** Every pull cursor this node has stored, in order (they must never go down). */
  readonly cursors: number[] = [0];

  private constructor(
    readonly index: number,
    readonly backend: Backend,
    readonly file: string,
    readonly scope: NodeScope,
    readonly offsetMs: number,
  ) {
    this.dispatch = createDispatcher(backend, handlers, silent);
  }

  /** Opens a node on a copy of the migrated template with the given identity (so a seed replays). */
  static async open(index: number, file: string, nodeId: string, scope: NodeScope, offsetMs: number, simNow: () => number): Promise<SimNode> {
    const raw = createKnex({ client: 'sqlite', filename: file });
    await raw('sync_state').insert({ singleton: 1, node_id: nodeId, hlc_wall: 0, hlc_counter: 0, created_at: simNow() + offsetMs });
    await raw.destroy();
    const backend = await Backend.open({ db: { client: 'sqlite', filename: file }, now: () => simNow() + offsetMs });
    return new SimNode(index, backend, file, scope, offsetMs);
  }

  get nodeId(): string {
    return this.backend.writePath.nodeId;
  }

  /** People who work at a node of this scope. */
  staff(district: District): Person[] {
    const { scope } = this;
    if (scope.kind === 'department') return district.people.filter((p) => p.departmentId === scope.departmentId);
    if (scope.kind === 'street') {
      const grids = district.streets.find((s) => s.id === scope.streetId)!.gridIds;
      return district.people.filter((p) => p.role === 'dispatcher' || p.role === 'shift_leader' || (p.role === 'grid_worker' && grids.includes(p.regionId!)));
    }
    return district.people.filter((p) => p.role !== 'admin');
  }

  /** A session for a person, made directly (the simulation tests sync, not sign-in). */
  session(person: Person): string {
    let token = this.tokens.get(person.id);
    if (!token) {
      const user: SessionUser = {
        id: person.id, username: person.username, displayName: person.username, role: person.role, departmentId: person.departmentId, regionId: person.regionId,
        ...(person.role === 'grid_worker' ? { gridIds: [person.regionId!] } : {}),
      };
      token = this.backend.sessions.create(user).token;
      this.tokens.set(person.id, token);
    }
    return token;
  }

  /** Starts a sync cycle, or lets the waiting one go on; resolves when it waits on the network again or is over. */
  startSync(): Promise<void> {
    const settled = this.settled();
    if (!this.running) {
      this.running = this.backend.sync.syncNow().finally(() => {
        this.running = null;
        this.wakeUp();
      });
    }
    return settled;
  }

  /** A promise that resolves at the node's next pause: a request put on the wire, or the cycle's end. */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async recordCursor(): Promise<void> {
    const row = await this.backend.knex('sync_settings').where({ singleton: 1 }).first('pull_cursor');
    this.cursors.push(Number(row?.pull_cursor ?? 0));
  }

  async close(): Promise<void> {
    await this.backend.close();
  }
}
