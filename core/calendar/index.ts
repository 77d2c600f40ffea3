export type { LimitUnit, TimeLimit, CalendarDay, OfficeHours, LimitColour } from './types';
export { DEFAULT_OFFICE_HOURS, LIMIT_UNITS } from './types';
export { WorkingCalendar } from './workingCalendar';
export { formatLimit } from './timeLimit';
