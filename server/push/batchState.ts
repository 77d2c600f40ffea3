import type { Knex } from 'knex';
import type { Change } from '../../core/sync/protocol';
import { StreetResolver, storedRegion } from '../scope/streets';
import type { StoredRow } from './merge';

export interface CaseInfo {
  street: string;
  /** Departments the case is dispatched to as the batch began (the scope writes are checked against). */
  before: string[];
  isNew: boolean;
}

export type HubRow = StoredRow & { caseId: string | null; street: string | null };

const IN_CHUNK = 500;
const key = (table: string, id: string) => `${table}\u0000${id}`;

async function inChunks<T>(values: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) out.push(...(await read(values.slice(i, i + IN_CHUNK))));
  return out;
}

/**
 * What one push batch works on, read in a few set queries up front and written back at the end:
 * a batch of 1,000 rows costs a handful of round trips, not thousands.
 */
export class BatchState {
  readonly streets: StreetResolver;
  private readonly cases = new Map<string, CaseInfo | null>();
  private readonly rows = new Map<string, HubRow | null>();
  /** Rows written in this batch, with whether they existed before it. */
  readonly dirty = new Map<string, { table: string; id: string; existed: boolean }>();
  readonly touchedCases = new Set<string>();
  private readonly keysByCase = new Map<string, Set<string>>();

  constructor(readonly trx: Knex.Transaction) {
    // Regions written earlier in this batch count: a new grid and its residents may arrive together.
    const stored = storedRegion(trx);
    this.streets = new StreetResolver(async (id) => {
      const k = key('regions', id);
      return this.rows.has(k) ? ((this.rows.get(k)?.row as { id: string } | undefined) ?? null) : stored(id);
    });
  }

  /** Reads the hub's copy of every row the batch names, and the cases they belong to. */
  async prefetch(changes: readonly Change[]): Promise<void> {
    const byTable = new Map<string, string[]>();
    for (const c of changes) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.id]);
    for (const [table, ids] of byTable) {
      for (const id of ids) this.rows.set(key(table, id), null);
      const found = await inChunks([...new Set(ids)], (chunk) => this.trx('hub_rows').where({ table_name: table }).whereIn('id', chunk));
      for (const r of found) {
        this.rows.set(key(table, r.id), { hlc: r.hlc, row: JSON.parse(r.row), columnHlcs: JSON.parse(r.column_hlcs), caseId: r.case_id ?? null, street: r.street_id ?? null });
      }
    }
    const caseIds = new Set<string>();
    for (const c of changes) if (typeof c.row?.case_id === 'string') caseIds.add(c.row.case_id);
    for (const r of this.rows.values()) if (r?.caseId) caseIds.add(r.caseId);
    for (const id of caseIds) this.cases.set(id, null);
    const found = await inChunks([...caseIds], (chunk) => this.trx('hub_cases').whereIn('case_id', chunk));
    for (const r of found) this.cases.set(r.case_id, { street: r.street_id, before: JSON.parse(r.department_ids), isNew: false });
  }

  row(table: string, id: string): HubRow | null {
    return this.rows.get(key(table, id)) ?? null;
  }

  put(table: string, id: string, row: HubRow): void {
    const k = key(table, id);
    if (!this.dirty.has(k)) this.dirty.set(k, { table, id, existed: this.rows.get(k) != null });
    this.rows.set(k, row);
    if (row.caseId) {
      const keys = this.keysByCase.get(row.caseId) ?? new Set<string>();
      keys.add(k);
      this.keysByCase.set(row.caseId, keys);
    }
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

  /** The batch's own rows of a case (all of a new case's events are here). */
  rowsOfCase(caseId: string, table: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const k of this.keysByCase.get(caseId) ?? []) {
      if (k.startsWith(`${table}\u0000`)) out.push(this.rows.get(k)!.row);
    }
    return out;
  }
}
