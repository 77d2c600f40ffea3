import type { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';

/** 'public' methods run without a session; the rest name the roles allowed to call them. */
export type Access = 'public' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  access: Access;
  /** Never set: carries the result type for the client. */
  readonly __result?: R;
}

export const method =
  <R>() =>
  <I extends z.ZodType>(spec: { input: I; access: Access }): MethodSpec<I, R> =>
    spec;

export const anyone = ROLES;
export const ASSESSORS: readonly Role[] = ['admin', 'leader', 'shift_leader', 'dispatcher'];
export const REPORTERS: readonly Role[] = ['dispatcher', 'shift_leader', 'grid_worker', 'department_staff', 'admin'];

