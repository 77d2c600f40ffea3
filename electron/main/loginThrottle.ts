const FREE_TRIES = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
// Forgotten after a quiet day; the table is bounded so that rotating client ids cannot grow it without end.
const FORGET_AFTER_MS = 24 * 60 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number;
  lastAt: number;
}

/**
 * Wrong passwords are counted per user *and* client (an IPC window, a browser's client id):
 * after five, that client waits 30 s, and each further miss doubles the wait (up to 15 min).
 * Someone guessing at a colleague's account from one PC does not lock the colleague out on theirs.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  private key = (username: string, client: string) => `${username}\u0000${client}`;

  lockedFor(username: string, client: string): number {
    const entry = this.entries.get(this.key(username, client));
    return entry && entry.lockedUntil > this.now() ? entry.lockedUntil - this.now() : 0;
  }

  recordFailure(username: string, client: string): void {
    const key = this.key(username, client);
    const now = this.now();
    const entry = this.entries.get(key);
    const fresh = !entry || now - entry.lastAt > FORGET_AFTER_MS;
    const next: Entry = fresh ? { failures: 0, lockedUntil: 0, lastAt: now } : entry;
    next.failures += 1;
    next.lastAt = now;
    if (next.failures >= FREE_TRIES) {
      next.lockedUntil = now + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (next.failures - FREE_TRIES));
    }
    this.entries.delete(key);
    this.entries.set(key, next);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The longest wait any client has for this user: what the admin's user list shows. */
  lockedOnAnyClient(username: string): number {
    const prefix = `${username}\u0000`;
    let longest = 0;
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix)) longest = Math.max(longest, entry.lockedUntil - this.now());
    }
    return longest;
  }

  /** An admin lifts a lock-out (or resets the password): every client may try again. */
  unlock(username: string): void {
    const prefix = `${username}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  recordSuccess(username: string, client: string): void {
    this.entries.delete(this.key(username, client));
  }
}
