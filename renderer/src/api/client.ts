import type { InputOf, MethodName, ResultOf } from '@core/api/contract';
import type { ApiErrorBody, ApiResponse, ErrorCode, FieldIssue } from '@core/api/errors';
import type { PreloadApi } from '@core/api/transport';

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ClientError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

const TOKEN_KEY = 'griddesk.token';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const unauthenticatedListeners = new Set<() => void>();

export function setToken(next: string | null): void {
  token = next;
  if (next) sessionStorage.setItem(TOKEN_KEY, next);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export const hasToken = (): boolean => token !== null;

const passwordChangeListeners = new Set<() => void>();

/** The server holds this session until the user changes an initial or reset password. */
export function onPasswordChangeRequired(listener: () => void): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const CLIENT_KEY = 'griddesk.client';

/** This browser's own id: wrong passwords typed elsewhere do not lock it out. */
function clientId(): string {
  let id = localStorage.getItem(CLIENT_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

/** Over HTTP to the local bridge when there is no preload (plain browser, big-screen walls, e2e tests). */
async function viaHttp(method: string, input: unknown): Promise<ApiResponse<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-griddesk-client': clientId() };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本地服务，请确认 GridDesk 正在运行' } };
  }
  try {
    return (await response.json()) as ApiResponse<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `本地服务返回了无法识别的响应（HTTP ${response.status}）` } };
  }
}

/** Calls one contract method; resolves with its result or throws a ClientError carrying the Chinese message. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const response = window.api ? await window.api.invoke(method, input, token) : await viaHttp(method, input);
  if (response.ok) return response.result as ResultOf<M>;
  if (response.error.code === 'UNAUTHENTICATED' && token) {
    setToken(null);
    unauthenticatedListeners.forEach((l) => l());
  }
  if (response.error.code === 'PASSWORD_CHANGE_REQUIRED') passwordChangeListeners.forEach((l) => l());
  throw new ClientError(response.error);
}
