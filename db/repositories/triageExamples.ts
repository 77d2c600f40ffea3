import type { Knex } from 'knex';
import type { TrainingExample } from '../../core/triage';
import { isSqlite } from '../connection';

/** The category a case was reported with, read from its report event (SQLite and PostgreSQL spell JSON access differently). */
function reportedCategory(db: Knex): Knex.Raw {
  return isSqlite(db)
    ? db.raw("json_extract(case_events.payload, '$.categoryId') as reported_category_id")
    : db.raw("(case_events.payload::json ->> 'categoryId') as reported_category_id");
}

/**
 * The newest filed cases' texts, categories and urgency: what the triage model learns from. A case
 * reported with one category and filed under another is a dispatcher's correction; a case that is
 * urgent now was filed urgent or flagged 加急.
 */
export async function loadTriageExamples(db: Knex, limit: number): Promise<TrainingExample[]> {
  const rows = await db('cases')
    .leftJoin('case_events', (join) => join.on('case_events.case_id', 'cases.id').andOnVal('case_events.type', 'reported'))
    .where('cases.deleted', 0)
    .whereNotNull('cases.category_id')
    .whereNotIn('cases.status', ['reported', 'verifying_report', 'accepted', 'voided', 'merged'])
    .orderBy('cases.reported_at', 'desc')
    .limit(limit)
    .select('cases.summary', 'cases.category_id', 'cases.priority', reportedCategory(db));
  return rows.map((r) => ({
    text: r.summary as string,
    categoryId: r.category_id as string,
    urgent: r.priority === 'urgent',
    corrected: r.reported_category_id != null && r.reported_category_id !== r.category_id,
  }));
}
