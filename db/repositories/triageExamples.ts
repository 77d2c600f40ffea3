import type { Knex } from 'knex';
import type { TrainingExample } from '../../core/triage';

/** The newest filed cases' texts and categories: what the triage model learns from. */
export async function loadTriageExamples(db: Knex, limit: number): Promise<TrainingExample[]> {
  const rows = await db('cases')
    .where('deleted', 0)
    .whereNotNull('category_id')
    .whereNotIn('status', ['reported', 'verifying_report', 'accepted', 'voided', 'merged'])
    .orderBy('reported_at', 'desc')
    .limit(limit)
    .select('summary', 'category_id');
  return rows.map((r) => ({ text: r.summary as string, categoryId: r.category_id as string }));
}
