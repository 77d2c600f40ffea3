// Sessions, audit and hardening (issues 11 and 13).
// import { method } from '../method';

export const securityMethods = {} as const;
