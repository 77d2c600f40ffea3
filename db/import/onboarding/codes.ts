/** Codes in a sheet that name stored rows (a user's department and grids, a category's department). */
import type { ImportIssue } from '../../../core/import/report';
import type { Knex } from 'knex';
import { faultIssue, type SheetRow } from './readSheet';

/** Active rows of a table by code. */
export async function activeIdsByCode(db: Knex | Knex.Transaction, table: 'departments' | 'regions', where: Record<string, unknown> = {}): Promise<Map<string, string>> {
  const rows = await db(table).where({ deleted: 0, active: 1, ...where }).select('id', 'code');
  return new Map(rows.map((r) => [String(r.code).toLowerCase(), r.id as string]));
}

/** Collects the faults of one batch, one per cell: the first reason found for a cell is the one shown. */
export class FaultList<D> {
  private readonly seen = new Set<string>();
  readonly issues: ImportIssue[] = [];

  constructor(private readonly rows: ReadonlyArray<SheetRow<D>>) {}

  add(fault: { index: number; field: string; reason: string }): void {
    const key = `${fault.index}\u0000${fault.field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(faultIssue(this.rows, fault));
  }
}
