import { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../core/api/contract';
import { ApiError, GENERIC_MESSAGES, type ApiResponse, type FieldIssue } from '../../core/api/errors';
import type { Backend } from './backend';
import type { HandlerContext, Handlers } from './handlerTypes';
import { auditRefusal } from './auditTrail';
import { describeFailure } from './failureLog';
import { maskedFor } from './resultMasking';
import { ANONYMOUS_BODY_BYTES, containsNul, sessionBodyLimit } from './inputGuards';

const zhCN = z.locales.zhCN().localeError;
z.config({
  localeError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return '缺少必填项';
    if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
    return zhCN(issue);
  },
});

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * What a session with an initial or reset password may still do: change it, leave, or ask who it is
 * (the renderer's probe after a reload). Everything else waits until the password is the user's own.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<MethodName> = new Set<MethodName>(['auth.changePassword', 'auth.logout', 'auth.logoutEverywhere', 'auth.me']);

function fail(error: ApiError): ApiResponse<never> {
  return { ok: false, error: error.toBody() };
}

export interface DispatchLog {
  /** One JSON line: method, user, error code, ids (see failureLog.ts); never field values. */
  error(line: string): void;
}

/**
 * The one entry to the backend, for IPC and HTTP alike: method known? session valid?
 * role allowed? input valid? Only then the handler runs. Errors become {code, message}.
 */
export function createDispatcher(backend: Backend, handlers: Handlers, log: DispatchLog = console) {
  async function dispatch(method: string, rawInput: unknown, token: string | null, client = 'local'): Promise<ApiResponse<unknown>> {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return fail(new ApiError('UNKNOWN_METHOD', `${GENERIC_MESSAGES.UNKNOWN_METHOD.zh}：${String(method).slice(0, 64)}`));
    }
    const spec = contract[method];
    let user = backend.sessions.get(token);
    if (user && backend.sessions.passwordChangeRequired(token) && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
      // A public method (the wall's snapshot, login) runs as if anonymous: the session lends it nothing.
      if (spec.access === 'public') user = null;
      else return fail(new ApiError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码：管理员设置或重置的密码须改为您自己的密码后才能使用系统'));
    }
    if (spec.access !== 'public') {
      if (!user) return fail(new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录'));
      if (!spec.access.includes(user.role)) {
        await auditRefusal(backend, user, method, 'role');
        return fail(new ApiError('FORBIDDEN', GENERIC_MESSAGES.FORBIDDEN.zh));
      }
    }
    if (containsNul(rawInput)) return fail(new ApiError('VALIDATION_FAILED', `${GENERIC_MESSAGES.VALIDATION_FAILED.zh}：含有无法识别的控制字符`));
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      const first = issues[0];
      // The field path stays in `issues` for forms to place the message; users read only Chinese.
      const message = first ? `${GENERIC_MESSAGES.VALIDATION_FAILED.zh}：${first.message}` : GENERIC_MESSAGES.VALIDATION_FAILED.zh;
      return fail(new ApiError('VALIDATION_FAILED', message, issues));
    }
    const ctx: HandlerContext = { backend, user, token, client };
    try {
      const handler = handlers[method as MethodName] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      return { ok: true, result: maskedFor(method, user, await handler(parsed.data, ctx)) };
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.code === 'FORBIDDEN' && user) await auditRefusal(backend, user, method, 'scope');
        return fail(err);
      }
      log.error(`handler failed ${describeFailure(method, user, parsed.data, err)}`);
      return fail(new ApiError('INTERNAL', GENERIC_MESSAGES.INTERNAL.zh));
    }
  }
  /** For the HTTP bridge, before it reads a body: more than a login form only with a session, large bodies only for uploads. */
  const bodyLimit = (method: string, token: string | null): number =>
    backend.sessions.get(token) === null ? ANONYMOUS_BODY_BYTES : sessionBodyLimit(method);
  return Object.assign(dispatch, { bodyLimit });
}

export type Dispatch = ReturnType<typeof createDispatcher>;
