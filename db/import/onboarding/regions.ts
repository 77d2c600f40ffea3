/** Regions from an Excel code table: the same validator and upsert as every other way regions come in. */
import { readRegionRow, REGIONS_SPEC } from '../../../core/import/onboarding/regions';
import { validateRegionRecords, type RegionRecord } from '../../../core/regions/records';
import { upsertRegionRecords } from '../../repositories/regionRecords';
import { noChange, type KindImporter } from './importer';
import { faultIssue } from './readSheet';

export const regionsImporter: KindImporter<RegionRecord> = {
  spec: REGIONS_SPEC,
  readRow: readRegionRow,
  async apply(run, rows, write) {
    const stored = await run.tx.trx('regions').where({ deleted: 0 }).select('code', 'level', 'active');
    const known = new Map(stored.map((r) => [r.code as string, { level: r.level, active: Number(r.active) === 1 }]));
    const records = rows.map((r) => r.draft);
    const faults = validateRegionRecords(records, known);
    // Level and parent are what the code says: a fault in them is the code's.
    const column = (field: string) => (field === 'level' || field === 'parentCode' ? 'code' : field);
    if (faults.length > 0) return noChange(faults.map((fault) => faultIssue(rows, { ...fault, field: column(fault.field) })));
    if (!write) return noChange([]);
    const result = await upsertRegionRecords(run.tx, records, { userId: run.userId, at: run.at, via: 'excel' });
    return { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, issues: [] };
  },
};
