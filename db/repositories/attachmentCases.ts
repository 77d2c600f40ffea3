import type { Knex } from 'knex';

// Only these events carry photos (the report, the handler's result, the check that passed it).
const EVENTS_WITH_PHOTOS = ['reported', 'handled', 'verification_passed'];

/**
 * The cases whose history names this attachment. Attachments are their own synced rows and
 * know no case, so the events are searched; ids are UUIDs, quoted in the JSON payload.
 */
export async function casesShowingAttachment(db: Knex, attachmentId: string): Promise<string[]> {
  const rows = await db('case_events')
    .whereIn('type', EVENTS_WITH_PHOTOS)
    .where('deleted', 0)
    .where('payload', 'like', `%"${attachmentId}"%`)
    .distinct('case_id');
  return rows.map((r) => r.case_id as string);
}
