import type { Knex } from 'knex';
import type { CaseEvent } from '../../core/workflow/events';
import { foldCase } from '../../core/workflow/fold';
import type { CaseState } from '../../core/workflow/state';
import type { WriteTx } from '../writePath';
import { eventToRow, rowToEvent, stateToRow } from './caseRows';

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
  const row = await db('cases').where({ id: caseId, deleted: 0 }).first('state');
  return row ? (JSON.parse(row.state) as CaseState) : null;
}

/**
 * Appends events to existing or new cases and refolds their projections from the full
 * history, so events from other nodes land in the same place as local ones.
 */
export async function appendCaseEvents(tx: WriteTx, events: readonly CaseEvent[]): Promise<CaseState[]> {
  await tx.insert('case_events', events.map(eventToRow));
  const states: CaseState[] = [];
  for (const caseId of groupByCase(events).keys()) {
    states.push(foldCase(await loadEvents(tx.trx, caseId)));
  }
  await tx.writeProjection('cases', states.map(stateToRow), 'upsert');
  return states;
}

/** Bulk path for cases that are new on this node (imports, seeds): folds in memory, no reads. */
export async function ingestNewCases(tx: WriteTx, events: readonly CaseEvent[]): Promise<number> {
  const byCase = groupByCase(events);
  const states = [...byCase.values()].map((list) => foldCase(list));
  await tx.insert('case_events', events.map(eventToRow));
  await tx.writeProjection('cases', states.map(stateToRow), 'insert');
  return states.length;
}
