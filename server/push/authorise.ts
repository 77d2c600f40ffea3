import type { Change, NodeScope } from '../../core/sync/protocol';
import type { SyncedTable } from '../../db/writePath';
import { TABLE_SCOPES } from '../scope/policy';
import type { BatchState } from './batchState';
import type { Verdict } from './validate';

type Row = Record<string, unknown>;

/** Where an accepted row belongs: its street (null: district-wide) and its case for case-bound rows. */
export interface Placement {
  street: string | null;
  caseId: string | null;
}

const outOfScope = (what: string): Verdict => ({ reason: 'out_of_scope', message: `${what}不在本节点的范围内` });
const forbidden = (table: string): Verdict => ({ reason: 'forbidden_table', message: `本节点无权修改 ${table}（仅区级节点可以）` });

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function reportedStreet(row: Row): string | null {
  if (row.type !== 'reported' || typeof row.payload !== 'string') return null;
  try {
    return text((JSON.parse(row.payload) as Row).streetId);
  } catch {
    return null;
  }
}

async function placeCaseRow(change: Change, subject: Row, scope: NodeScope, batch: BatchState): Promise<Placement | Verdict> {
  const caseId = text(subject.case_id);
  if (!caseId) return { reason: 'invalid_row', message: '记录缺少案件编号' };
  let info = await batch.caseInfo(caseId);
  if (!info && change.table === 'case_events') {
    const street = reportedStreet(subject);
    if (street) info = batch.addCase(caseId, street);
  }
  if (!info) return { reason: 'invalid_row', message: '该案件的上报事件尚未到达中心' };
  if (scope.kind === 'street' && info.street !== scope.streetId) return outOfScope('该案件所在街道');
  if (scope.kind === 'department' && !info.before.includes(scope.departmentId)) return outOfScope('该案件（未派遣给本部门）');
  return { street: info.street, caseId };
}

async function regionalStreet(table: string, row: Row, batch: BatchState): Promise<string | null> {
  if (table === 'regions') return batch.streets.ofRegionRow(row as { id: string; level?: string; parent_id?: string | null });
  return batch.streets.ofRegion(text(row.region_id));
}

async function checkRegional(table: string, rows: Row[], scope: NodeScope, batch: BatchState): Promise<Verdict> {
  if (scope.kind === 'district') return null;
  if (scope.kind === 'department') {
    if (table !== 'users') return forbidden(table);
    return rows.every((r) => r.department_id === scope.departmentId) ? null : outOfScope('该用户所属部门');
  }
  for (const row of rows) {
    if ((await regionalStreet(table, row, batch)) !== scope.streetId) return outOfScope(table === 'regions' ? '该区域' : '该记录所属街道');
  }
  return null;
}

/**
 * Decides whether the node may write this row, on the hub, always (docs/hub.md "Scopes"). `existing`
 * is the hub's row before the write: a street node can neither edit another street's row nor move one in.
 */
export async function authorise(change: Change, existing: Row | null, scope: NodeScope, batch: BatchState): Promise<Placement | Verdict> {
  const subject = change.row ?? existing;
  if (!subject) return { reason: 'invalid_row', message: '要删除的记录在中心不存在' };
  const table = change.table as SyncedTable;
  switch (TABLE_SCOPES[table]) {
    case 'case':
      return placeCaseRow(change, { ...existing, ...subject }, scope, batch);
    case 'register': {
      const street = await batch.streets.ofRegion(text(subject.grid_id) ?? text(existing?.grid_id));
      if (scope.kind === 'department') return forbidden(table);
      if (scope.kind === 'street' && street !== scope.streetId) return outOfScope('该网格所在街道');
      return { street, caseId: null };
    }
    case 'regional': {
      const verdict = await checkRegional(table, existing ? [existing, { ...existing, ...subject }] : [subject], scope, batch);
      if (table === 'regions') batch.streets.forget();
      return verdict ?? { street: null, caseId: null };
    }
    case 'district':
      return scope.kind === 'district' ? { street: null, caseId: null } : forbidden(table);
    case 'audit':
    case 'shared':
      return { street: null, caseId: null };
  }
}

export const isPlacement = (v: Placement | Verdict): v is Placement => v !== null && 'street' in v;
