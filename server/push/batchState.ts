import type { Knex } from 'knex';
import { StreetResolver } from '../scope/streets';
import type { StoredRow } from './merge';

export interface CaseInfo {
  street: string;
  /** Departments the case is dispatched to as the batch began (the scope writes are checked against). */
  before: string[];
  isNew: boolean;
}

/** What one push batch has learnt so far: rows, cases and streets read once per batch. */
export class BatchState {
  readonly streets: StreetResolver;
  private readonly cases = new Map<string, CaseInfo | null>();
  readonly touchedCases = new Set<string>();

  constructor(readonly trx: Knex.Transaction) {
    this.streets = new StreetResolver(trx);
  }

  async row(table: string, id: string): Promise<(StoredRow & { caseId: string | null }) | null> {
    const found = await this.trx('hub_rows').where({ table_name: table, id }).first();
    if (!found) return null;
    return { hlc: found.hlc, row: JSON.parse(found.row), columnHlcs: JSON.parse(found.column_hlcs), caseId: found.case_id ?? null };
  }

  async caseInfo(caseId: string): Promise<CaseInfo | null> {
    if (this.cases.has(caseId)) return this.cases.get(caseId)!;
    const found = await this.trx('hub_cases').where({ case_id: caseId }).first();
    const info = found ? { street: found.street_id as string, before: JSON.parse(found.department_ids) as string[], isNew: false } : null;
    this.cases.set(caseId, info);
    return info;
  }

  /** A case first seen in this batch (its report): in its street, dispatched nowhere yet. */
  addCase(caseId: string, street: string): CaseInfo {
    const info = { street, before: [], isNew: true };
    this.cases.set(caseId, info);
    return info;
  }

  knownCase(caseId: string): CaseInfo | null {
    return this.cases.get(caseId) ?? null;
  }
}
