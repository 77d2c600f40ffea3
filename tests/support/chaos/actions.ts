import type { Move, MoveName } from '../../../core/workflow/moves';
import { MOVE_ROLES } from '../../../core/workflow/moves';
import type { District } from './district';
import type { Prng } from './prng';
import type { SimNode } from './simNode';

/** A reference column written on a node: after healing the hub must hold the newest (by HLC) of these. */
export interface ColumnWrite {
  node: number;
  table: string;
  id: string;
  column: string;
  value: string;
  hlc: string;
}

/** What the simulation's writes left to check. */
export interface WriteLog {
  /** Every case event a node's handler wrote (report and moves), by id. */
  events: Map<string, { node: number; caseId: string; type: string }>;
  columns: ColumnWrite[];
  reports: number;
  moves: number;
  refusedMoves: number;
}

export const newWriteLog = (): WriteLog => ({ events: new Map(), columns: [], reports: 0, moves: 0, refusedMoves: 0 });

async function eventIds(node: SimNode, caseId: string): Promise<Set<string>> {
  const rows: { id: string }[] = await node.backend.knex('case_events').where({ case_id: caseId }).select('id');
  return new Set(rows.map((r) => r.id));
}

async function logNewEvents(node: SimNode, caseId: string, before: Set<string>, log: WriteLog): Promise<void> {
  const rows: { id: string; type: string }[] = await node.backend.knex('case_events').where({ case_id: caseId }).select('id', 'type');
  for (const r of rows) if (!before.has(r.id)) log.events.set(r.id, { node: node.index, caseId, type: r.type });
}

/** A citizen's report taken at a district or street node, through the cases.report handler. */
export async function report(node: SimNode, district: District, rng: Prng, log: WriteLog, step: number): Promise<boolean> {
  const { scope } = node;
  if (scope.kind === 'department') return false;
  const streets = scope.kind === 'street' ? district.streets.filter((s) => s.id === scope.streetId) : district.streets;
  const gridId = rng.pick(rng.pick(streets).gridIds);
  const dispatcher = district.people.find((p) => p.role === 'dispatcher')!;
  const response = await node.dispatch('cases.report', {
    source: 'hotline', gridId, address: `混沌路${step}号`, description: `第${step}步：路灯不亮，夜间行人看不清路面`,
    reporterName: '赵先生', reporterPhone: '13800001234', ...(rng.chance(0.4) ? { categoryId: rng.pick(district.categories).id } : {}),
  }, node.session(dispatcher));
  if (!response.ok) throw new Error(`节点${node.index} 上报失败：${response.error.message}`);
  const caseId = (response.result as { id: string }).id;
  await logNewEvents(node, caseId, new Set(), log);
  log.reports += 1;
  return true;
}

function candidateMoves(district: District, rng: Prng): Move[] {
  return rng.shuffle<Move>([
    { move: 'accept' },
    { move: 'void', reason: '重复上报' },
    { move: 'file', categoryId: rng.pick(district.categories).id },
    { move: 'dispatch', departmentIds: [rng.pick(district.departments).id] },
    { move: 'sign' },
    { move: 'return', reason: '不属于本部门职责' },
    { move: 'handle', result: 'resolved', note: '已到场处置完毕' },
    { move: 'verify_pass' },
    { move: 'verify_fail', reason: '现场尚未整改' },
    { move: 'close' },
  ]);
}

/** A workflow move on a case this node holds, by someone who works there; the first the workflow allows. */
export async function move(node: SimNode, district: District, rng: Prng, log: WriteLog): Promise<boolean> {
  // By case number (made from the node's code and the simulated day), not by id: ids are random, a replay must pick the same case.
  const cases: { id: string }[] = await node.backend.knex('cases').select('id').orderBy(['case_no', 'id']);
  if (cases.length === 0) return false;
  const caseId = rng.pick(cases).id;
  const staff = node.staff(district);
  const before = await eventIds(node, caseId);
  for (const candidate of candidateMoves(district, rng)) {
    const allowed = staff.filter((p) => MOVE_ROLES[candidate.move as MoveName].includes(p.role));
    if (allowed.length === 0) continue;
    const person = rng.pick(allowed);
    const response = await node.dispatch('cases.move', { id: caseId, move: candidate }, node.session(person));
    if (response.ok) {
      await logNewEvents(node, caseId, before, log);
      log.moves += 1;
      return true;
    }
    log.refusedMoves += 1;
  }
  return false;
}

/** A reference edit a node of this scope may make: a department or category renamed, a grid renamed, a phone. */
export async function editReference(node: SimNode, district: District, rng: Prng, log: WriteLog, step: number): Promise<boolean> {
  const { scope } = node;
  const value = `n${node.index}s${step}`;
  let target: { table: string; id: string; column: string; value: string };
  if (scope.kind === 'district') {
    const kind = rng.int(0, 2);
    if (kind === 0) target = { table: 'departments', id: rng.pick(district.departments).id, column: 'name', value: `部门${value}` };
    else if (kind === 1) target = { table: 'departments', id: rng.pick(district.departments).id, column: 'phone', value: `023-${value}` };
    else target = { table: 'categories', id: rng.pick(district.categories).id, column: 'name', value: `类别${value}` };
  } else if (scope.kind === 'street') {
    const street = district.streets.find((s) => s.id === scope.streetId)!;
    target = { table: 'regions', id: rng.pick(street.gridIds), column: 'name', value: `网格${value}` };
  } else {
    const person = district.people.find((p) => p.departmentId === scope.departmentId)!;
    target = { table: 'users', id: person.id, column: 'phone', value: `139${value}` };
  }
  await node.backend.writePath.transaction((tx) => tx.update(target.table as never, target.id, { [target.column]: target.value }));
  node.backend.invalidateCaches();
  const row = await node.backend.knex(target.table).where({ id: target.id }).first('hlc');
  log.columns.push({ node: node.index, ...target, hlc: row.hlc });
  return true;
}
