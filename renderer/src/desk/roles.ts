import type { Role } from '@core/domain/roles';

/** Who may file a new report (cases.report); leaders direct, they do not take calls. */
const REPORTERS: readonly Role[] = ['dispatcher', 'shift_leader', 'grid_worker', 'department_staff', 'admin'];
export const canReport = (role: Role | undefined): boolean => role !== undefined && REPORTERS.includes(role);
