import { onScopeDispose } from 'vue';
import { ElNotification } from 'element-plus';
import type { CaseSummary } from '@core/api/types';
import { call } from '../api/client';
import { i18n } from '../i18n';

export const ALERTS_POLL_MS = 30_000;
const ASKED_KEY = 'griddesk.notificationsAsked';
/** More than this many at once become one summary line, not a wall of toasts. */
const MAX_TOASTS = 3;

type AlertKind = 'urgent' | 'red';

/** Asks once per workstation for desktop notifications; a refusal is respected, the in-app toast still works. */
function askPermissionOnce(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  if (localStorage.getItem(ASKED_KEY)) return;
  localStorage.setItem(ASKED_KEY, '1');
  void Notification.requestPermission().catch(() => undefined);
}

function desktopNotify(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some shells refuse page notifications; the in-app toast is enough.
  }
}

/**
 * Polls for new urgent cases and cases that just ran out of time, and tells the user twice:
 * a desktop notification (when allowed) and an in-app one. Clicking either opens the case.
 */
export function useCaseAlerts(openCase: (id: string) => void) {
  const t = i18n.global.t;
  let since = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  function announce(kind: AlertKind, c: CaseSummary): void {
    const title = t(`alerts.${kind}Title`, { caseNo: c.caseNo });
    const body = c.summary;
    desktopNotify(title, body, `${kind}-${c.id}`, () => openCase(c.id));
    const toast = ElNotification({
      title,
      message: body,
      type: kind === 'urgent' ? 'error' : 'warning',
      duration: kind === 'urgent' ? 0 : 15_000,
      customClass: 'gd-alert-toast',
      // Below the top bar, so the user menu and the new-report button stay reachable.
      offset: 52,
      onClick: () => {
        openCase(c.id);
        toast.close();
      },
    });
  }

  function announceAll(kind: AlertKind, cases: CaseSummary[]): void {
    cases.slice(0, MAX_TOASTS).forEach((c) => announce(kind, c));
    if (cases.length > MAX_TOASTS) {
      ElNotification({ title: t(`alerts.${kind}More`, { n: cases.length - MAX_TOASTS }), message: '', type: 'info', duration: 10_000, offset: 52 });
    }
  }

  async function poll(): Promise<void> {
    try {
      const result = await call('cases.alerts', { since });
      if (stopped) return;
      since = result.now;
      announceAll('urgent', result.newUrgent);
      announceAll('red', result.turnedRed);
    } catch {
      // Offline or signed out: the next poll tries again from the same point, so nothing is missed.
    }
  }

  function start(): void {
    askPermissionOnce();
    timer = setInterval(() => void poll(), ALERTS_POLL_MS);
  }
  function stop(): void {
    stopped = true;
    clearInterval(timer);
  }
  onScopeDispose(stop);

  return { start, stop, poll };
}
