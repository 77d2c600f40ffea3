import { ElMessage } from 'element-plus';
import { GENERIC_MESSAGES } from '@core/api/errors';
import { ClientError } from '../api/client';
import { currentLocale, i18n } from '../i18n';

/**
 * The server's messages are Chinese and specific; in English we lead with the generic
 * English message and keep the Chinese detail, which support staff can still read.
 */
export function errorText(error: unknown): string {
  if (error instanceof ClientError) {
    if (currentLocale.value === 'zh-CN') return error.message;
    const generic = GENERIC_MESSAGES[error.code]?.en;
    return generic && generic !== error.message ? `${generic} (${error.message})` : error.message;
  }
  return i18n.global.t('errors.unknown');
}

export function showError(error: unknown): void {
  // An expired session already sends the user to the login page, which says so.
  if (error instanceof ClientError && error.code === 'UNAUTHENTICATED') return;
  ElMessage.error({ message: errorText(error), grouping: true, showClose: true });
}
