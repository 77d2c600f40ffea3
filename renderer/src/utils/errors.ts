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
    const detail = chineseDetail(error);
    if (currentLocale.value === 'zh-CN') return detail;
    const generic = GENERIC_MESSAGES[error.code]?.en;
    return generic && generic !== detail ? `${generic} (${detail})` : detail;
  }
  return i18n.global.t('errors.unknown');
}

/** A validation failure reads as its field messages alone: the field paths are ids, not words for the user. */
function chineseDetail(error: ClientError): string {
  const messages = [...new Set(error.issues.map((i) => i.message).filter(Boolean))];
  return error.code === 'VALIDATION_FAILED' && messages.length > 0 ? messages.join('；') : error.message;
}

export function showError(error: unknown): void {
  // An expired session already sends the user to the login page, which says so.
  if (error instanceof ClientError && error.code === 'UNAUTHENTICATED') return;
  ElMessage.error({ message: errorText(error), grouping: true, showClose: true });
}
