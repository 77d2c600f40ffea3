import type { FastifyInstance } from 'fastify';

/** One HTTP request between a node and the hub. A ghost's node has given up on it; it may still arrive. */
export interface Flight {
  id: number;
  node: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  ghost: boolean;
  answer(status: number, body: string): void;
  fail(error: Error): void;
}

/** What the network does with a request in flight. */
export type Fate = 'deliver' | 'drop_request' | 'drop_answer' | 'duplicate' | 'time_out';

const NODE_HOST = /^node(\d+)\.hub\.sim$/;
export const hubUrlFor = (node: number): string => `http://node${node}.hub.sim/`;

const refused = (): Error => new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED (模拟网络断开)') });
const timedOut = (): Error => new TypeError('fetch failed', { cause: new Error('ETIMEDOUT (模拟请求超时)') });

/**
 * The simulated network: a fetch replacement (installed as globalThis.fetch for the run; each node reaches
 * the hub through its own host name, so the fetch knows whose request it is). Requests wait in `flights`
 * until the scheduler decides their fate; in `auto` mode (setup, healing) they go straight through.
 */
export class SimNetwork {
  readonly flights: Flight[] = [];
  readonly partitioned = new Set<number>();
  auto = true;
  /** Called when a node put a request on the wire (the scheduler's cue that the node is now waiting). */
  onSend: (node: number) => void = () => undefined;
  readonly counts = { sent: 0, refused: 0, delivered: 0, droppedRequests: 0, droppedAnswers: 0, duplicated: 0, timedOut: 0, ghostsDelivered: 0, ghostsLost: 0 };
  private nextId = 1;

  constructor(private readonly hub: FastifyInstance) {}

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const match = NODE_HOST.exec(url.hostname);
    if (!match) throw new Error(`chaos network: unexpected host ${url.hostname}`);
    const node = Number(match[1]);
    this.counts.sent += 1;
    if (this.partitioned.has(node)) {
      this.counts.refused += 1;
      throw refused();
    }
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : undefined;
    const path = url.pathname + url.search;
    if (this.auto) {
      const res = await this.toHub(path, init.method ?? 'GET', headers, body);
      return new Response(res.body, { status: res.status, headers: { 'content-type': 'application/json' } });
    }
    return new Promise<Response>((resolve, reject) => {
      this.flights.push({
        id: this.nextId++, node, method: init.method ?? 'GET', path, headers, body, ghost: false,
        answer: (status, text) => resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } })),
        fail: reject,
      });
      this.onSend(node);
    });
  };

  /** The live request a node is waiting on, if any. */
  liveOf(node: number): Flight | undefined {
    return this.flights.find((f) => f.node === node && !f.ghost);
  }

  /** Settles a live request: its node is woken (answered or failed). */
  async settle(flight: Flight, fate: Fate): Promise<void> {
    if (fate === 'time_out') {
      flight.ghost = true; // still on the wire: may reach the hub later, after newer requests
      this.counts.timedOut += 1;
      flight.fail(timedOut());
      return;
    }
    this.remove(flight);
    if (fate === 'drop_request') {
      this.counts.droppedRequests += 1;
      flight.fail(timedOut());
      return;
    }
    const first = await this.toHub(flight.path, flight.method, flight.headers, flight.body);
    let answer = first;
    if (fate === 'duplicate') {
      this.counts.duplicated += 1;
      answer = await this.toHub(flight.path, flight.method, flight.headers, flight.body);
    }
    if (fate === 'drop_answer') {
      this.counts.droppedAnswers += 1;
      flight.fail(timedOut()); // the hub applied it; the node never heard
      return;
    }
    this.counts.delivered += 1;
    flight.answer(answer.status, answer.body);
  }

  /** A ghost finally arrives at the hub (its answer goes nowhere), or is lost for good. */
  async settleGhost(flight: Flight, arrives: boolean): Promise<void> {
    this.remove(flight);
    if (!arrives) {
      this.counts.ghostsLost += 1;
      return;
    }
    this.counts.ghostsDelivered += 1;
    await this.toHub(flight.path, flight.method, flight.headers, flight.body);
  }

  private remove(flight: Flight): void {
    const i = this.flights.indexOf(flight);
    if (i >= 0) this.flights.splice(i, 1);
  }

  private async toHub(path: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; body: string }> {
    const res = await this.hub.inject({ method: method as 'GET' | 'POST', url: path, headers, ...(body !== undefined ? { payload: body } : {}) });
    return { status: res.statusCode, body: res.body };
  }
}
