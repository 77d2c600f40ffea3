import type { ParticipationRow } from '@core/organisations/participation';

type Counts = Omit<ParticipationRow, 'organisationId'>;

/** Results by their deadline over results given; null when none was given yet. */
export const onTimeRate = (r: Counts): number | null => (r.handled > 0 ? r.handledOnTime / r.handled : null);
/** Satisfied and basically satisfied over the callbacks that reached the resident (the scorecard's 满意率). */
export const satisfactionRate = (r: Counts): number | null => (r.callbacks > 0 ? r.satisfied / r.callbacks : null);
