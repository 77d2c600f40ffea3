import type { Knex } from 'knex';
import { periodOf, type PeriodSpec, type TargetKind } from '../../../core/assessment';
import { LEDGER_TYPES, type LedgerEntry, type LedgerStatus, type LedgerType } from '../../../core/api/assessmentTypes';
import { actionsFor, LEDGER_COLUMNS, ledgerFilter, type LedgerFactRow } from '../../../db/repositories/assessment/ledger';
import { gridIdsOf } from '../../../db/repositories/users';

interface Names {
  department: Map<string, string>;
  region: Map<string, string>;
  workerOfGrid: Map<string, { id: string; name: string }>;
}

async function loadNames(db: Knex): Promise<Names> {
  const departments = await db('departments').select('id', 'name');
  const regions = await db('regions').select('id', 'name');
  const workers = await db('users').where({ role: 'grid_worker', deleted: 0 }).whereNotNull('region_id').orderBy('username').select('id', 'display_name', 'region_id', 'grid_ids');
  // Each grid's entries go to the worker whose home grid it is, else to a worker who also covers it.
  const workerOfGrid = new Map<string, { id: string; name: string }>();
  for (const w of workers) workerOfGrid.set(w.region_id as string, { id: w.id as string, name: w.display_name as string });
  for (const w of workers) {
    for (const grid of gridIdsOf(w.region_id, w.grid_ids)) {
      if (!workerOfGrid.has(grid)) workerOfGrid.set(grid, { id: w.id as string, name: w.display_name as string });
    }
  }
  return {
    department: new Map(departments.map((d) => [d.id as string, d.name as string])),
    region: new Map(regions.map((r) => [r.id as string, r.name as string])),
    workerOfGrid,
  };
}

/** Who answers for an entry: the department or grid that handled, the street that dispatched, the grid's worker. */
function targetOf(type: LedgerType, f: LedgerFactRow, names: Names): LedgerEntry['target'] {
  const worker = () => {
    const w = names.workerOfGrid.get(f.grid_id);
    return { kind: 'grid_worker' as TargetKind, id: w?.id ?? f.grid_id, name: w?.name ?? names.region.get(f.grid_id) ?? '' };
  };
  const street = { kind: 'street' as TargetKind, id: f.street_id, name: names.region.get(f.street_id) ?? '' };
  if (type === 'wrong_dispatch') return street;
  if (type === 'missed_report' || f.kind === 'verify') return worker();
  if (f.handler === 'department' && f.department_id) return { kind: 'department', id: f.department_id, name: names.department.get(f.department_id) ?? '' };
  if (f.handler === 'grid') return worker();
  return street;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** "约 25 分钟" under an hour, "约 3 小时" above: never "约 0 小时". */
const lateBy = (ms: number): string => (ms < HOUR ? `约 ${Math.max(1, Math.round(ms / MINUTE))} 分钟` : `约 ${Math.round(ms / HOUR)} 小时`);

function detailOf(type: LedgerType, f: LedgerFactRow, now: number): string {
  const stage = { sign: '签收', handle: '处置', verify: '核查' }[f.kind as 'sign' | 'handle' | 'verify'];
  if (type === 'overdue') {
    const late = lateBy((f.done_at ?? now) - (f.due_at ?? now));
    if (f.done_at === null) return `${stage}已超期${late}，尚未完成`;
    if (f.outcome === 'withdrawn') return `超过签收时限${late}仍未签收，派遣已撤回`;
    return f.outcome === 'returned' ? `超过签收时限${late}后退回` : `${stage}超期${late}完成`;
  }
  return { rework: '核查不通过，返工', wrong_dispatch: '派遣后被部门退回', missed_report: '网格内问题由他人首先上报并已立案' }[type];
}

function statusOf(history: Array<{ action: string }>): LedgerStatus {
  const last = history[history.length - 1]?.action;
  return last === 'appeal' ? 'appealed' : last === 'exempt' ? 'exempted' : last === 'uphold' ? 'upheld' : 'open';
}

export interface LedgerQuery {
  period: PeriodSpec;
  type?: LedgerType;
  kind?: TargetKind;
  targetId?: string;
  status?: LedgerStatus;
  entryId?: string;
}

/** The period's accountability entries with their appeal and decision history, newest first. */
export async function ledgerEntries(db: Knex, q: LedgerQuery, now: number): Promise<LedgerEntry[]> {
  const { fromDay, toDay } = periodOf(q.period);
  const names = await loadNames(db);
  const entries: LedgerEntry[] = [];
  for (const type of q.type ? [q.type] : LEDGER_TYPES) {
    const query = ledgerFilter(db, type, fromDay, toDay, now).select(LEDGER_COLUMNS);
    if (q.entryId) query.where('f.id', q.entryId.slice(0, q.entryId.lastIndexOf(':')));
    for (const f of (await query) as LedgerFactRow[]) {
      const target = targetOf(type, f, names);
      if (q.kind && target.kind !== q.kind) continue;
      if (q.targetId && target.id !== q.targetId) continue;
      entries.push({
        id: `${f.fact_id}:${type}`,
        type,
        target,
        caseId: f.case_id,
        caseNo: f.case_no,
        summary: f.summary,
        at: Number(type === 'overdue' ? f.due_at : f.at),
        detail: detailOf(type, f, now),
        stage: type === 'overdue' ? (f.kind as 'sign' | 'handle' | 'verify') : null,
        dueAt: f.due_at === null ? null : Number(f.due_at),
        doneAt: f.done_at === null ? null : Number(f.done_at),
        status: 'open',
        history: [],
      });
    }
  }
  const actions = await actionsFor(db, entries.map((e) => e.id));
  for (const e of entries) {
    e.history = (actions.get(e.id) ?? []).map((a) => ({
      action: a.action, reason: a.reason, evidence: JSON.parse(a.evidence) as string[], actorName: a.actor_name ?? '', at: Number(a.at),
    }));
    e.status = statusOf(e.history);
  }
  return entries.filter((e) => !q.status || e.status === q.status).sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}
