import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../core/api/types';
import { LoginThrottle } from './loginThrottle';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one long shift

interface Session {
  user: SessionUser;
  expiresAt: number;
}

/** In-memory sessions: a restart of the backend signs everyone out, which is acceptable on a workstation. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Wrong-password counting per user and client. */
  readonly logins: LoginThrottle;

  constructor(private readonly now: () => number = Date.now) {
    this.logins = new LoginThrottle(now);
  }

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
}
