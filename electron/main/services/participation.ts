/** The participation board of social organisations (社会组织参与): the period's referrals per organisation. */
import type { Knex } from 'knex';
import type { ParticipationBoard } from '../../../core/api/organisationTypes';
import { participation, participationTotals } from '../../../core/organisations/participation';
import { referralsIn } from '../../../db/repositories/organisationReferrals';

/** Every organisation of the directory (inactive ones too: they may have cases in the period), busiest first. */
export async function participationBoard(db: Knex, bounds: { from: number; to: number; label: string }): Promise<ParticipationBoard> {
  const directory = (await db('organisations').where({ deleted: 0 }).orderBy('code').select('id', 'name', 'kind', 'active')) as Array<{ id: string; name: string; kind: string; active: number }>;
  const referrals = await referralsIn(db, bounds.from, bounds.to);
  const rows = participation(referrals, directory.map((o) => o.id), bounds.from, bounds.to);
  const byId = new Map(directory.map((o) => [o.id, o]));
  return {
    periodLabel: bounds.label,
    rows: rows
      .map((r) => {
        const o = byId.get(r.organisationId);
        return { ...r, name: o?.name ?? '', kind: o?.kind ?? '', active: Number(o?.active ?? 0) === 1 };
      })
      .sort((a, b) => b.referred - a.referred),
    totals: participationTotals(rows),
  };
}
