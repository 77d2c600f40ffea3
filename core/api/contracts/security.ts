// Sessions, audit and hardening (issues 11 and 13).
import { anyone, method } from '../method';
import { empty } from '../schemas';

export const securityMethods = {
  /** Ends every session of the caller, on every PC and browser (a lost laptop, a shared login). */
  'auth.logoutEverywhere': method<{ ended: number }>()({ input: empty, access: anyone }),
} as const;
