import type { Knex } from 'knex';

// Only these events carry photos (the report, the handler's result, the check that passed it).
const EVENTS_WITH_PHOTOS = ['reported', 'handled', 'verification_passed'];
// A photo is uploaded in the dialog that then submits it: the event follows within minutes. A
// day of clock skew between nodes before, and a month after, leave ample room.
const BEFORE_MS = 86_400_000;
const AFTER_MS = 31 * 86_400_000;

/**
 * The cases whose history names this attachment. Attachments are their own synced rows and
 * know no case, so the photo-carrying events from around its upload are searched (index on
 * type and time); ids are UUIDs, quoted in the JSON payload.
 */
export async function casesShowingAttachment(db: Knex, attachmentId: string, uploadedAt: number): Promise<string[]> {
  const rows = await db('case_events')
    .whereIn('type', EVENTS_WITH_PHOTOS)
    .whereBetween('at', [uploadedAt - BEFORE_MS, uploadedAt + AFTER_MS])
    .where('deleted', 0)
    .where('payload', 'like', `%"${attachmentId}"%`)
    .distinct('case_id');
  return rows.map((r) => r.case_id as string);
}
