import type { zhSecurity } from '../zh/security';

/** Signing out, here or everywhere (issue 13). */
export const enSecurity: typeof zhSecurity = {
  signOut: {
    here: 'Sign out',
    everywhere: 'Sign out everywhere',
    confirmTitle: 'Sign out everywhere',
    confirm: 'This ends your sessions on every PC and browser (this one too); you will need to sign in again. Continue?',
    ok: 'Sign out everywhere',
    cancel: 'Cancel',
    done: 'Signed out of {n} sessions',
    failed: 'Could not sign out: {message}',
  },
};
