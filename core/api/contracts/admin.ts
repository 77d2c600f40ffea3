// Administration of a real office: users, departments, organisations, catalogue, calendar, setup checklist (issue 9).
// import { method } from '../method';

export const adminMethods = {} as const;
