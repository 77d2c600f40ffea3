import type { Knex } from 'knex';
import type { CaseEvent } from '../../core/workflow/events';
import { foldCase } from '../../core/workflow/fold';
import type { CaseState } from '../../core/workflow/state';
import type { WriteTx } from '../writePath';
import { factCollector, type CaseFact, type FactContext } from '../../core/assessment/facts';
import { isSqlite } from '../connection';
import { loadFactContext, writeFacts } from './factStore';
import { departmentRows, eventToRow, rowToEvent, searchBody, stateRow, stateToRow } from './caseRows';

function groupByCase(events: readonly CaseEvent[]): Map<string, CaseEvent[]> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  return byCase;
}

export async function loadEvents(db: Knex | Knex.Transaction, caseId: string): Promise<CaseEvent[]> {
  const rows = await db('case_events').where({ case_id: caseId, deleted: 0 }).orderBy('hlc');
  return rows.map(rowToEvent);
}

export async function loadCaseState(db: Knex | Knex.Transaction, caseId: string): Promise<CaseState | null> {
  const row = await db('case_states').where({ id: caseId }).first('state');
  return row ? (JSON.parse(row.state) as CaseState) : null;
}

/**
 * Full-text rows of new cases, keyed by their queue row's rowid (see the search_by_rowid
 * migration). One statement per 2,000 cases finds the rowids and writes the rows inside SQLite,
 * instead of reading the rowids out and binding them back in.
 */
async function writeSearchRows(tx: WriteTx, fresh: readonly CaseState[]): Promise<void> {
  for (let i = 0; i < fresh.length; i += 2000) {
    const bodies = JSON.stringify(fresh.slice(i, i + 2000).map((s) => [s.id, searchBody(s)]));
    await tx.trx.raw("insert into cases_fts (rowid, body) select c.rowid, j.value->>1 from json_each(?) j join cases c on c.id = j.value->>0", [bodies]);
  }
}

/** Folds each case once for both its state and its facts. */
function foldWithFacts(histories: ReadonlyMap<string, CaseEvent[]>, context: FactContext): { states: CaseState[]; facts: CaseFact[] } {
  const states: CaseState[] = [];
  const facts: CaseFact[] = [];
  for (const events of histories.values()) {
    const collector = factCollector(context);
    const state = foldCase(events, collector.visitor);
    states.push(state);
    for (const f of collector.facts(state)) facts.push(f);
  }
  return { states, facts };
}

/**
 * The case's derived rows: the queue row, one row per department it is sent to, and
 * (on SQLite) its full-text entry, written when the case is new on this node.
 */
async function writeProjections(
  tx: WriteTx,
  histories: ReadonlyMap<string, CaseEvent[]>,
  known: ReadonlySet<string>,
  adjust?: (states: CaseState[]) => Promise<void>,
): Promise<CaseState[]> {
  const { states, facts } = foldWithFacts(histories, await loadFactContext(tx.trx));
  await adjust?.(states);
  const ids = states.map((s) => s.id);
  if (known.size > 0) await tx.clearProjection('case_departments', 'case_id', ids.filter((id) => known.has(id)));
  const mode = known.size > 0 ? 'upsert' : 'insert';
  await tx.writeProjection('cases', states.map(stateToRow), mode);
  await tx.writeProjection('case_states', states.map(stateRow), mode);
  await tx.writeProjection('case_departments', states.flatMap(departmentRows), 'insert');
  if (isSqlite(tx.trx)) await writeSearchRows(tx, states.filter((s) => !known.has(s.id)));
  await writeFacts(tx, facts, ids, ids.filter((id) => known.has(id)));
  return states;
}

/**
 * Appends events to existing or new cases and refolds their projections from the full
 * history, so events from other nodes land in the same place as local ones.
 */
export async function appendCaseEvents(tx: WriteTx, events: readonly CaseEvent[]): Promise<CaseState[]> {
  await tx.insert('case_events', events.map(eventToRow));
  const ids = [...groupByCase(events).keys()];
  const known = new Set((await tx.trx('cases').whereIn('id', ids).select('id')).map((r) => r.id as string));
  const histories = new Map<string, CaseEvent[]>();
  for (const caseId of ids) histories.set(caseId, await loadEvents(tx.trx, caseId));
  return writeProjections(tx, histories, known);
}

/**
 * Refolds the projections of the given cases from the events now stored (sync: events from other nodes
 * were just added). A case whose report has not arrived yet has no projection until it does.
 * `adjust` may amend the folded states before they are written (sync: a case number already taken here).
 */
export async function refoldCases(
  tx: WriteTx,
  caseIds: readonly string[],
  adjust?: (states: CaseState[]) => Promise<void>,
): Promise<CaseState[]> {
  if (caseIds.length === 0) return [];
  const histories = new Map<string, CaseEvent[]>();
  for (const caseId of caseIds) {
    const events = await loadEvents(tx.trx, caseId);
    if (events.some((e) => e.type === 'reported')) histories.set(caseId, events);
  }
  const ids = [...histories.keys()];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await tx.trx('cases').whereIn('id', ids.slice(i, i + 500)).select('id')) known.add(r.id as string);
  }
  return writeProjections(tx, histories, known, adjust);
}

/** Removes cases and everything derived from them on this node (sync: the case left this node's scope). */
export async function purgeCases(tx: WriteTx, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = [...caseIds];
  await writeFacts(tx, [], ids, ids); // takes the cases' facts out of the daily and monthly totals
  if (isSqlite(tx.trx)) {
    for (let i = 0; i < ids.length; i += 500) {
      const rowids = (await tx.trx('cases').whereIn('id', ids.slice(i, i + 500)).select('rowid')).map((r) => r.rowid as number);
      if (rowids.length > 0) await tx.trx('cases_fts').whereIn('rowid', rowids).delete();
    }
  }
  await tx.clearProjection('case_departments', 'case_id', ids);
  await tx.clearProjection('case_states', 'id', ids);
  await tx.clearProjection('cases', 'id', ids);
  for (let i = 0; i < ids.length; i += 500) {
    await tx.trx('ledger_actions').whereIn('case_id', ids.slice(i, i + 500)).delete();
    await tx.trx('case_events').whereIn('case_id', ids.slice(i, i + 500)).delete();
  }
}

/** Bulk path for cases that are new on this node (imports, seeds): folds in memory, no reads. */
export async function ingestNewCases(tx: WriteTx, events: readonly CaseEvent[]): Promise<number> {
  await tx.insert('case_events', events.map(eventToRow));
  return ingestProjections(tx, groupByCase(events));
}

/** Writes the derived rows of cases that have none yet on this node. */
export async function ingestProjections(tx: WriteTx, histories: ReadonlyMap<string, CaseEvent[]>): Promise<number> {
  return (await writeProjections(tx, histories, new Set())).length;
}
