import type { MethodName, ParsedInputOf, ResultOf } from '../../core/api/contract';
import type { SessionUser } from '../../core/api/types';
import type { Backend } from './backend';

export interface HandlerContext {
  backend: Backend;
  /** Null only for public methods. */
  user: SessionUser | null;
  token: string | null;
  /** Who is calling from where (an IPC window, a browser's client id): login throttling counts per client. */
  client: string;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: HandlerContext) => Promise<ResultOf<M>>;

/** One handler per contract method: a missing one is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one area's methods (`core/api/contracts/*`), spread into the full table. */
export type HandlersFor<K extends MethodName> = { [M in K]: Handler<M> };

/** For handlers that are not public: the session user, which the dispatcher has already checked. */
export function requireUser(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new Error('handler needs a session but none was given');
  return ctx.user;
}
