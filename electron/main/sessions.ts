import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../core/api/types';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one long shift
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

interface Session {
  user: SessionUser;
  expiresAt: number;
}

/** In-memory sessions: a restart of the backend signs everyone out, which is acceptable on a workstation. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  create(user: SessionUser): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + SESSION_TTL_MS;
    this.sessions.set(token, { user, expiresAt });
    return { token, expiresAt };
  }

  /** Sliding expiry: a session in use stays alive. */
  get(token: string | null | undefined): SessionUser | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(token);
      return null;
    }
    session.expiresAt = this.now() + SESSION_TTL_MS;
    return session.user;
  }

  revoke(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of one user (password reset, account disabled, "sign out everywhere"). */
  revokeUser(userId: string): number {
    let ended = 0;
    for (const [token, session] of this.sessions) {
      if (session.user.id !== userId) continue;
      this.sessions.delete(token);
      ended += 1;
    }
    return ended;
  }

  lockedFor(username: string): number {
    const entry = this.failures.get(username);
    return entry && entry.lockedUntil > this.now() ? entry.lockedUntil - this.now() : 0;
  }

  recordFailure(username: string): void {
    const entry = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= MAX_FAILURES) {
      entry.count = 0;
      entry.lockedUntil = this.now() + LOCKOUT_MS;
    }
    this.failures.set(username, entry);
  }

  /** An admin lifts a lock-out (or a reset password does). */
  unlock(username: string): void {
    this.failures.delete(username);
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }
}
