import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../core/api/types';
import { LoginThrottle } from './loginThrottle';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one long shift
// However busy: a week after signing in, sign in again (a stolen token does not live for ever).
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface Session {
  user: SessionUser;
  expiresAt: number;
  endsAt: number;
  /** Signed in with an initial or reset password: nothing but the change (or leaving) until it is changed. */
  passwordChangeRequired: boolean;
}

/** In-memory sessions: a restart of the backend signs everyone out, which is acceptable on a workstation. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Wrong-password counting per user and client. */
  readonly logins: LoginThrottle;

  constructor(private readonly now: () => number = Date.now) {
    this.logins = new LoginThrottle(now);
  }

  create(user: SessionUser, passwordChangeRequired = false): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + SESSION_TTL_MS;
    this.sessions.set(token, { user, expiresAt, endsAt: this.now() + SESSION_MAX_AGE_MS, passwordChangeRequired });
    return { token, expiresAt };
  }

  /** True while the session's user has not yet replaced an initial or reset password. */
  passwordChangeRequired(token: string | null | undefined): boolean {
    return token ? (this.sessions.get(token)?.passwordChangeRequired ?? false) : false;
  }

  /** The user chose their own password: every session of theirs may work now. */
  passwordChanged(userId: string): void {
    for (const session of this.sessions.values()) {
      if (session.user.id === userId) session.passwordChangeRequired = false;
    }
  }

  /** Sliding expiry: a session in use stays alive, up to its absolute end. */
  get(token: string | null | undefined): SessionUser | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    if (session.expiresAt <= this.now() || session.endsAt <= this.now()) {
      this.sessions.delete(token);
      return null;
    }
    session.expiresAt = Math.min(this.now() + SESSION_TTL_MS, session.endsAt);
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
