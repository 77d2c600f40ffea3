import type { ApiResponse } from './errors';

/** The single allow-listed IPC channel between preload and main. */
export const API_CHANNEL = 'griddesk:api';

/** What the preload exposes as `window.api`; the renderer's typed client sits on top of it. */
export interface PreloadApi {
  invoke(method: string, input: unknown, token: string | null): Promise<ApiResponse<unknown>>;
}
