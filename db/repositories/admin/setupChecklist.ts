import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { SetupChecklist } from '../../../core/api/adminTypes';
import { setupChecklist, type ChecklistSetting } from '../../../core/admin/checklist';
import type { WriteTx } from '../../writePath';
import { loadSetting } from '../reference';

type Db = Knex | Knex.Transaction;

const KEY = 'setup_checklist';
const DEFAULT_SETTING: ChecklistSetting = { skipped: [], dismissed: false };

async function count(query: Knex.QueryBuilder): Promise<number> {
  const row = await query.count<{ n: number | string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function loadChecklist(db: Db): Promise<SetupChecklist> {
  const setting = (await loadSetting<ChecklistSetting>(db, KEY)) ?? DEFAULT_SETTING;
  const audited = (actions: string[]) => count(db('audit_log').whereIn('action', actions));
  const years = await db('calendar_days').where({ deleted: 0 }).select(db.raw('substr(date, 1, 4) as y')).groupBy('y');
  return setupChecklist({
    admins: await count(db('users').where({ deleted: 0, role: 'admin', active: 1 })),
    grids: await count(db('regions').where({ deleted: 0, level: 'grid', active: 1 })),
    departments: await count(db('departments').where({ deleted: 0, active: 1 })),
    departmentEdits: await audited(['department.create', 'department.update', 'organisation.create', 'organisation.update']),
    categories: await count(db('categories').where({ deleted: 0 })),
    categoryEdits: await audited(['category.create', 'category.update', 'catalogue.set_admission']),
    staff: await count(db('users').where({ deleted: 0 }).whereNot({ role: 'admin' })),
    calendarYears: years.length,
    calendarEdits: await audited(['calendar.set_year']),
  }, setting);
}

export async function saveChecklistSetting(tx: WriteTx, setting: ChecklistSetting): Promise<void> {
  const row = await tx.trx('settings').where({ key: KEY }).first('id');
  if (row) await tx.update('settings', row.id, { value: JSON.stringify(setting), deleted: 0 });
  else await tx.insert('settings', [{ id: uuidv7(), key: KEY, value: JSON.stringify(setting) }]);
}

export async function loadChecklistSetting(db: Db): Promise<ChecklistSetting> {
  return (await loadSetting<ChecklistSetting>(db, KEY)) ?? DEFAULT_SETTING;
}
