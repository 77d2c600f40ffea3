import type { Knex } from 'knex';
import { OPEN_STATUSES } from '../../core/domain/case';
import type { CaseState } from '../../core/workflow/state';

const WINDOW_MS = 72 * 3_600_000;
// About 130 m either way at Chongqing's latitude: a cheap box before the exact distance test.
const LAT_BOX = 0.0012;
const LNG_BOX = 0.0014;
const MAX_CANDIDATES = 200;

/** Open cases reported within 72 hours of this one, in its grid or close by. */
export async function duplicateCandidates(db: Knex, subject: CaseState): Promise<CaseState[]> {
  const rows = await db('cases')
    .join('case_states', 'case_states.id', 'cases.id')
    .where('cases.deleted', 0)
    .whereIn('cases.status', OPEN_STATUSES)
    .whereNot('cases.id', subject.id)
    .whereBetween('cases.reported_at', [subject.reportedAt - WINDOW_MS, subject.reportedAt + WINDOW_MS])
    .where((w) => {
      w.where('cases.grid_id', subject.gridId);
      if (subject.lat !== null && subject.lng !== null) {
        w.orWhere((box) =>
          box.whereBetween('cases.lat', [subject.lat! - LAT_BOX, subject.lat! + LAT_BOX]).whereBetween('cases.lng', [subject.lng! - LNG_BOX, subject.lng! + LNG_BOX]),
        );
      }
    })
    .orderBy('cases.reported_at', 'desc')
    .limit(MAX_CANDIDATES)
    .select('case_states.state');
  return rows.map((r) => JSON.parse(r.state) as CaseState);
}
