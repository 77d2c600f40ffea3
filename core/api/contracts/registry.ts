// Base-data registers, personal-data protection and social organisations (issue 12).
// import { method } from '../method';

export const registryMethods = {} as const;
