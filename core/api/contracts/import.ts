// Excel onboarding and history import (issue 9).
// import { method } from '../method';

export const importMethods = {} as const;
