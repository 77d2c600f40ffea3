import type { Knex } from 'knex';
import { foldCase } from '../../../core/workflow/fold';
import type { CaseState } from '../../../core/workflow/state';
import { rowToEvent } from '../../../db/repositories/caseRows';
import { sameValue, valueFromWire } from '../../../db/sync/wireValues';
import type { WriteLog } from './actions';
import type { SimNode } from './simNode';

/** The synced tables the simulation writes: the ones compared row by row after healing. */
export const COMPARED_TABLES = ['regions', 'departments', 'categories', 'users', 'case_events'] as const;

type Row = Record<string, unknown>;
interface HubView {
  rows: Map<string, Map<string, Row>>; // table → id → row (as the hub holds it)
  caseStreet: Map<string, string>;
  caseDepartments: Map<string, string[]>;
  seq: number;
}

async function readHub(hub: Knex): Promise<HubView> {
  const rows = new Map<string, Map<string, Row>>(COMPARED_TABLES.map((t) => [t, new Map()]));
  for (const r of await hub('hub_rows').whereIn('table_name', [...COMPARED_TABLES]).select('table_name', 'id', 'row')) {
    rows.get(r.table_name)!.set(r.id, JSON.parse(r.row) as Row);
  }
  const caseStreet = new Map<string, string>();
  const caseDepartments = new Map<string, string[]>();
  for (const c of await hub('hub_cases').select()) {
    caseStreet.set(c.case_id, c.street_id);
    caseDepartments.set(c.case_id, JSON.parse(c.department_ids) as string[]);
  }
  const counter = await hub('hub_counters').where({ name: 'district_seq' }).first('value');
  return { rows, caseStreet, caseDepartments, seq: Number(counter.value) };
}

/** Whether a case is in a node's scope, by the hub's record of where the case is. */
function caseInScope(node: SimNode, hub: HubView, caseId: string): boolean {
  const { scope } = node;
  if (scope.kind === 'district') return true;
  if (scope.kind === 'street') return hub.caseStreet.get(caseId) === scope.streetId;
  return (hub.caseDepartments.get(caseId) ?? []).includes(scope.departmentId);
}

function diffRows(where: string, expected: Map<string, Row>, actual: Map<string, Row>, out: string[]): void {
  for (const [id, want] of expected) {
    const have = actual.get(id);
    if (!have) {
      out.push(`${where}: 缺少 ${id}`);
      continue;
    }
    for (const [column, value] of Object.entries(want)) {
      if (!(column in have)) continue; // a column this node's schema does not have
      if (!sameValue(valueFromWire(value), have[column])) out.push(`${where} ${id}.${column}: 中心=${JSON.stringify(value)} 本机=${JSON.stringify(have[column])}`);
    }
  }
  for (const id of actual.keys()) if (!expected.has(id)) out.push(`${where}: 多出 ${id}（不在中心对本机范围的视图中）`);
}

const stateKey = (s: CaseState) => JSON.stringify({ status: s.status, lastEventId: s.lastEventId, conflict: s.conflict, superseded: [...s.supersededEventIds].sort(), departments: [...s.departmentIds].sort() });

/**
 * Everything that must hold once the network has healed and every node synced to quiescence. Returns what
 * does not, one line each (empty: the run converged).
 */
export async function checkConverged(hubKnex: Knex, nodes: readonly SimNode[], log: WriteLog): Promise<string[]> {
  const out: string[] = [];
  const hub = await readHub(hubKnex);
  const hubEvents = hub.rows.get('case_events')!;
  const hubFold = new Map<string, CaseState>();
  const byCase = new Map<string, Row[]>();
  for (const row of hubEvents.values()) byCase.set(String(row.case_id), [...(byCase.get(String(row.case_id)) ?? []), row]);
  for (const [caseId, rows] of byCase) hubFold.set(caseId, foldCase(rows.map((r) => rowToEvent(r as never))));

  // Every write a handler made is on the hub exactly once, and the hub holds no other case event.
  for (const [id, w] of log.events) if (!hubEvents.has(id)) out.push(`中心缺少节点${w.node}写下的事件 ${w.type} ${id}（案件 ${w.caseId}）`);
  for (const id of hubEvents.keys()) if (!log.events.has(id)) out.push(`中心有一个没有任何节点写过的事件 ${id}`);

  // A retried, duplicated or late batch applies once: each event enters the district's log once (a history
  // re-sent to a department that newly holds the case is logged again, but not for district nodes).
  const twice: { row_id: string; n: number | string }[] = await hubKnex('hub_changes')
    .where({ table_name: 'case_events', for_district: 1 }).whereNot('op', 'remove')
    .groupBy('row_id').having(hubKnex.raw('count(*) > 1')).select('row_id', hubKnex.raw('count(*) as n'));
  for (const r of twice) out.push(`中心的变更日志里事件 ${r.row_id} 出现 ${r.n} 次`);

  // Per column, last writer (by HLC) wins on the hub.
  const newest = new Map<string, { value: string; hlc: string }>();
  for (const w of log.columns) {
    const key = `${w.table}|${w.id}|${w.column}`;
    const seen = newest.get(key);
    if (!seen || w.hlc > seen.hlc) newest.set(key, { value: w.value, hlc: w.hlc });
  }
  for (const [key, want] of newest) {
    const [table, id, column] = key.split('|') as [string, string, string];
    const have = hub.rows.get(table)!.get(id)?.[column];
    if (have !== want.value) out.push(`中心 ${table}.${column} (${id}) = ${JSON.stringify(have)}，应为最新写入 ${want.value} @ ${want.hlc}`);
  }

  for (const node of nodes) {
    const name = `节点${node.index}(${node.scope.kind})`;
    const knex = node.backend.knex;
    const count = async (table: string) => Number((await knex(table).count({ n: '*' }).first())?.n ?? 0);
    if ((await count('outbox')) > 0) out.push(`${name}: 发件箱未清空（${await count('outbox')} 条）`);
    if ((await count('sync_parked')) > 0) out.push(`${name}: 仍有 ${await count('sync_parked')} 条待引用的行`);
    for (let i = 1; i < node.cursors.length; i++) {
      if (node.cursors[i]! < node.cursors[i - 1]!) out.push(`${name}: 游标后退 ${node.cursors[i - 1]} → ${node.cursors[i]}`);
    }
    const cursor = node.cursors[node.cursors.length - 1]!;
    if (cursor > hub.seq) out.push(`${name}: 游标 ${cursor} 超过中心的序列 ${hub.seq}`);

    for (const table of COMPARED_TABLES) {
      const expected = new Map(hub.rows.get(table)!);
      if (table === 'case_events') for (const [id, row] of expected) if (!caseInScope(node, hub, String(row.case_id))) expected.delete(id);
      const actual = new Map<string, Row>((await knex(table).select()).map((r: Row) => [String(r.id), r]));
      diffRows(`${name} ${table}`, expected, actual, out);
    }

    // The derived projections: one case row per case held, folded the same as the hub's events fold.
    const states: { id: string; state: string }[] = await knex('case_states').select('id', 'state');
    const held = new Set((await knex('case_events').where({ type: 'reported' }).select('case_id')).map((r: Row) => String(r.case_id)));
    const caseRows = new Set((await knex('cases').select('id')).map((r: Row) => String(r.id)));
    for (const id of held) if (!caseRows.has(id)) out.push(`${name}: 案件 ${id} 有事件但没有案件行`);
    for (const id of caseRows) if (!held.has(id)) out.push(`${name}: 案件行 ${id} 没有上报事件`);
    for (const s of states) {
      const want = hubFold.get(s.id);
      const have = JSON.parse(s.state) as CaseState;
      if (!want) out.push(`${name}: 案件 ${s.id} 不在中心`);
      else if (stateKey(want) !== stateKey(have)) out.push(`${name}: 案件 ${s.id} 的状态 ${stateKey(have)}，中心的事件折叠为 ${stateKey(want)}`);
    }

    // The conflict inbox holds only real conflicts: an edit of this node's replaced by a newer one from another.
    for (const c of await knex('sync_conflicts').select()) {
      if (c.kind !== 'overwritten') {
        out.push(`${name}: 冲突收件箱里有 ${c.kind}：${c.table_name} ${c.row_id} ${c.reason ?? ''} ${c.message}`);
        continue;
      }
      const mine = log.columns.some((w) => w.node === node.index && w.table === c.table_name && w.id === c.row_id && w.column === c.column_name && w.value === c.local_value);
      const theirs = log.columns.some((w) => w.node !== node.index && w.table === c.table_name && w.id === c.row_id && w.column === c.column_name && w.value === c.remote_value && w.hlc > (c.local_hlc ?? ''));
      if (!mine || !theirs) out.push(`${name}: 冲突收件箱里有不真实的覆盖：${c.table_name}.${c.column_name} 本机=${c.local_value} 远端=${c.remote_value}`);
    }
  }
  return out;
}
