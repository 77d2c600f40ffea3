/**
 * Hybrid logical clock (Kulkarni et al.): versions that follow causality across nodes
 * and stay close to wall time. Serialised so that string order is clock order.
 */
export interface HlcState {
  wall: number;
  counter: number;
}

export interface Hlc extends HlcState {
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

export class ClockDriftError extends Error {
  constructor(readonly remoteWall: number, readonly localWall: number) {
    super(`远端时钟超前本机 ${Math.round((remoteWall - localWall) / 1000)} 秒，超过允许的偏差`);
    this.name = 'ClockDriftError';
  }
}

export function formatHlc({ wall, counter, node }: Hlc): string {
  return `${wall.toString().padStart(WALL_DIGITS, '0')}-${counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(text: string): Hlc {
  const match = /^(\d{15})-([0-9a-z]{6})-([0-9a-f]{16})$/.exec(text);
  if (!match) throw new Error(`HLC 格式不正确: ${text}`);
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 36), node: match[3]! };
}

export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function isNodeId(text: string): boolean {
  return /^[0-9a-f]{16}$/.test(text);
}

export class HybridClock {
  private wall: number;
  private counter: number;

  constructor(
    readonly node: string,
    private readonly now: () => number,
    state: HlcState = { wall: 0, counter: 0 },
    readonly maxDriftMs = DEFAULT_MAX_DRIFT_MS,
  ) {
    if (!isNodeId(node)) throw new Error(`节点编号应为 16 位十六进制: ${node}`);
    this.wall = state.wall;
    this.counter = state.counter;
  }

  get state(): HlcState {
    return { wall: this.wall, counter: this.counter };
  }

  /** A new version for a local write. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /**
   * Advances past a version seen from another node, refusing clocks too far ahead. `maxDriftMs` is lifted
   * for a version already stored here: the clock must pass it whatever the drift, or this node's next write
   * of that row would carry an older version and silently lose to it.
   */
  receive(remote: string, maxDriftMs = this.maxDriftMs): void {
    const r = parseHlc(remote);
    const physical = this.now();
    if (r.wall > physical + maxDriftMs) throw new ClockDriftError(r.wall, physical);
    const wall = Math.max(this.wall, r.wall, physical);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter);
    else if (wall === r.wall) this.counter = r.counter;
    else if (wall !== this.wall) this.counter = -1;
    this.wall = wall;
    this.bumpCounter();
  }

  private bumpCounter(): void {
    if (this.counter >= MAX_COUNTER) throw new Error('HLC 计数器溢出');
    this.counter += 1;
  }
}
