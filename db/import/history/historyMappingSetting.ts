import { v7 as uuidv7 } from 'uuid';
import type { HistoryMapping } from '../../../core/import/history';
import { loadSetting } from '../../repositories/reference';
import type { WritePath } from '../../writePath';

/** The last mapping used, a synced setting: the next file from the same old system needs no remapping. */
export const HISTORY_MAPPING_KEY = 'history_import_mapping';

export const loadHistoryMapping = (writePath: WritePath): Promise<HistoryMapping | undefined> => loadSetting<HistoryMapping>(writePath.knex, HISTORY_MAPPING_KEY);

/** Saves the mapping; writes nothing when it is unchanged. */
export async function saveHistoryMapping(writePath: WritePath, mapping: HistoryMapping): Promise<void> {
  const value = JSON.stringify(mapping);
  await writePath.transaction(async (tx) => {
    const row = await tx.trx('settings').where({ key: HISTORY_MAPPING_KEY }).first('id', 'value', 'deleted');
    if (!row) await tx.insert('settings', [{ id: uuidv7(), key: HISTORY_MAPPING_KEY, value }]);
    else if (row.value !== value || Number(row.deleted) !== 0) await tx.update('settings', row.id, { value, deleted: 0 });
  });
}
