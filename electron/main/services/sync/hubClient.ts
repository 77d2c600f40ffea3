import type { EnrolRequest, EnrolResponse, PullResponse, PushRequest, PushResponse } from '../../../../core/sync/protocol';

const TIMEOUT_MS = 30_000;

/** The hub could not be reached or answered with an error: the loop backs off and tries again. */
export class HubError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
    this.name = 'HubError';
  }
  /** The token was refused (revoked, or another district's): retrying will not help. */
  get unauthorised(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** JSON over HTTP to the district hub (core/sync/protocol.ts). */
export class HubClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  static enrol(baseUrl: string, request: EnrolRequest): Promise<EnrolResponse> {
    return new HubClient(baseUrl, '').call<EnrolResponse>('POST', '/v1/enrol', request);
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.call<PushResponse>('POST', '/v1/push', request);
  }

  pull(after: number, limit: number): Promise<PullResponse> {
    return this.call<PullResponse>('GET', `/v1/pull?after=${after}&limit=${limit}`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, withSlash(this.baseUrl)), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new HubError(`无法连接同步服务器：${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`, null);
    }
    const text = await response.text();
    if (!response.ok) throw new HubError(hubMessage(response.status, text), response.status);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new HubError('同步服务器的应答无法解析', response.status);
    }
  }
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

function hubMessage(status: number, text: string): string {
  let detail = '';
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: { message?: unknown } };
    const message = body.error?.message ?? body.message;
    if (typeof message === 'string') detail = `：${message}`;
  } catch {
    // not JSON: the status says enough
  }
  if (status === 401 || status === 403) return `同步服务器拒绝了本机的凭据（${status}）${detail}`;
  return `同步服务器返回错误 ${status}${detail}`;
}
