/**
 * Child process for the write-path test: writes a case halfway inside one transaction,
 * tells the parent, then waits to be killed with SIGKILL before it can commit.
 */
import { writeFileSync } from 'node:fs';
import { eventToRow, stateToRow } from '../../db/repositories/caseRows';
import { Backend } from '../../electron/main/backend';
import { dispatcherCaseEvents } from './cases';

const [dbFile, markerFile] = process.argv.slice(2) as [string, string];
const backend = await Backend.open({ db: { client: 'sqlite', filename: dbFile } });
const { events, state } = await dispatcherCaseEvents(backend, [{ move: 'accept' }]);
await backend.writePath.transaction(async (tx) => {
  await tx.insert('case_events', events.map(eventToRow));
  await tx.writeProjection('cases', [stateToRow(state)], 'insert');
  await tx.flushOutbox();
  writeFileSync(markerFile, state.id);
  await new Promise(() => undefined); // never commits
});
