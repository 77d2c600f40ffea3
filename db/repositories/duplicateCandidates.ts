import type { Knex } from 'knex';
import { OPEN_STATUSES } from '../../core/domain/case';
import type { CaseState } from '../../core/workflow/state';

const WINDOW_MS = 72 * 3_600_000;
// About 130 m either way: a cheap box before the exact distance test. A degree of longitude
// shrinks with the latitude, so the box's width is worked out where the case is.
const BOX_METRES = 130;
const METRES_PER_DEGREE = 111_320;
const MAX_CANDIDATES = 200;

/**
 * Open cases reported within 72 hours of this one: in its grid, in the grids that border it
 * (`nearGridIds`, from the office's boundaries), or close by when it has coordinates.
 */
export async function duplicateCandidates(db: Knex, subject: CaseState, nearGridIds: readonly string[] = []): Promise<CaseState[]> {
  const rows = await db('cases')
    .join('case_states', 'case_states.id', 'cases.id')
    .where('cases.deleted', 0)
    .whereIn('cases.status', OPEN_STATUSES)
    .whereNot('cases.id', subject.id)
    .whereBetween('cases.reported_at', [subject.reportedAt - WINDOW_MS, subject.reportedAt + WINDOW_MS])
    .where((w) => {
      w.whereIn('cases.grid_id', [subject.gridId, ...nearGridIds]);
      if (subject.lat !== null && subject.lng !== null) {
        const latBox = BOX_METRES / METRES_PER_DEGREE;
        const lngBox = BOX_METRES / (METRES_PER_DEGREE * Math.max(0.1, Math.cos((subject.lat * Math.PI) / 180)));
        w.orWhere((box) =>
          box.whereBetween('cases.lat', [subject.lat! - latBox, subject.lat! + latBox]).whereBetween('cases.lng', [subject.lng! - lngBox, subject.lng! + lngBox]),
        );
      }
    })
    .orderBy('cases.reported_at', 'desc')
    .limit(MAX_CANDIDATES)
    .select('case_states.state');
  return rows.map((r) => JSON.parse(r.state) as CaseState);
}
