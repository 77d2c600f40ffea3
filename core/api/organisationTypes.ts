import type { ParticipationRow } from '../organisations/participation';

/** One organisation's line on the board (社会组织参与), with its directory entry. */
export interface ParticipationBoardRow extends ParticipationRow {
  name: string;
  kind: string;
  active: boolean;
}

export interface ParticipationBoard {
  periodLabel: string;
  rows: ParticipationBoardRow[];
  totals: Omit<ParticipationRow, 'organisationId'>;
}
