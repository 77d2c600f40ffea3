import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SessionUser } from '@core/api/types';
import { call, hasToken, setToken } from '../api/client';

const MUST_CHANGE_KEY = 'griddesk.mustChangePassword';

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  /** A new account or a reset password: the shell keeps the change-password dialog open until it is changed. */
  const mustChangePassword = ref(sessionStorage.getItem(MUST_CHANGE_KEY) === '1');
  function setMustChange(value: boolean): void {
    mustChangePassword.value = value;
    if (value) sessionStorage.setItem(MUST_CHANGE_KEY, '1');
    else sessionStorage.removeItem(MUST_CHANGE_KEY);
  }
  let restoring: Promise<void> | null = null;

  /** After a reload the token survives in sessionStorage; ask the backend who it belongs to. */
  function restore(): Promise<void> {
    if (user.value || !hasToken()) return Promise.resolve();
    restoring ??= call('auth.me', {})
      .then((me) => {
        user.value = me;
      })
      .catch(() => {
        setToken(null);
      })
      .finally(() => {
        restoring = null;
      });
    return restoring;
  }

  async function login(username: string, password: string): Promise<void> {
    const result = await call('auth.login', { username, password });
    setToken(result.token);
    user.value = result.user;
    setMustChange(result.mustChangePassword);
  }

  function passwordChanged(): void {
    setMustChange(false);
  }

  async function logout(): Promise<void> {
    try {
      await call('auth.logout', {});
    } catch {
      // The session is dropped locally either way; a dead token on the server expires by itself.
    }
    setToken(null);
    user.value = null;
    setMustChange(false);
  }

  /** The backend refused our token (expired or revoked elsewhere). */
  function forget(): void {
    user.value = null;
  }

  /** The server said this session must change its password first (e.g. the flag was lost with the tab's storage). */
  function passwordChangeRequired(): void {
    setMustChange(true);
  }

  return { user, mustChangePassword, restore, login, logout, forget, passwordChanged, passwordChangeRequired };
});
