/**
 * The working calendar's holidays and make-up working days, a year at a time. The shipped
 * calendar is written at initialisation and stays in force for every year the admin leaves alone.
 */
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../../core/api/errors';
import type { CalendarYear } from '../../../core/api/adminTypes';
import { parseDate, validateCalendarYear, type CalendarEntry } from '../../../core/admin/calendarTable';
import type { WriteTx } from '../../writePath';
import { writeAudit } from '../audit';
import { shippedCalendar } from '../../seed/resources';
import type { ChangeSource } from './recordWriter';

type Db = Knex | Knex.Transaction;

export async function loadCalendarYear(db: Db, year: number): Promise<CalendarYear> {
  const rows = await db('calendar_days').where({ deleted: 0 }).andWhere('date', 'like', `${year}-%`).orderBy('date');
  return { year, days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name })) };
}

/** The shipped arrangement of a year (empty for a year the shipped calendar does not cover). */
export function shippedYear(year: number): CalendarYear {
  return { year, days: shippedCalendar().filter((d) => d.date.startsWith(`${year}-`)).map((d) => ({ date: d.date, kind: d.kind, name: d.name })) };
}

/** Replaces a year's days with `entries`: removed dates are tombstoned, changed ones updated, new ones added. */
export async function saveCalendarYear(tx: WriteTx, year: number, input: readonly CalendarEntry[], source: ChangeSource): Promise<{ changed: number }> {
  const faults = validateCalendarYear(year, input);
  if (faults.length) {
    const f = faults[0]!;
    throw new ApiError('VALIDATION_FAILED', `第 ${f.line} 行"${f.value}"：${f.reason}`, faults.map((x) => ({ path: `${x.line - 1}`, message: `第 ${x.line} 行"${x.value}"：${x.reason}` })));
  }
  const entries = input.map((e) => ({ ...e, date: parseDate(e.date)!, name: e.name.trim() }));
  const rows = await tx.trx('calendar_days').where('date', 'like', `${year}-%`);
  const live = new Map(rows.filter((r) => Number(r.deleted) === 0).map((r) => [r.date as string, r]));
  const all = new Map(rows.map((r) => [r.date as string, r]));
  const wanted = new Set(entries.map((e) => e.date));
  let changed = 0;
  for (const [date, row] of live) {
    if (wanted.has(date)) continue;
    await tx.tombstone('calendar_days', row.id);
    changed += 1;
  }
  const inserts: Array<Record<string, unknown>> = [];
  for (const e of entries) {
    const row = all.get(e.date);
    if (!row) inserts.push({ id: uuidv7(), date: e.date, kind: e.kind, name: e.name });
    else if (Number(row.deleted) !== 0 || row.kind !== e.kind || row.name !== e.name) {
      await tx.update('calendar_days', row.id, { kind: e.kind, name: e.name, deleted: 0 });
    } else continue;
    changed += 1;
  }
  await tx.insert('calendar_days', inserts);
  if (changed > 0) {
    const brief = (days: Iterable<{ date: string; kind: string; name: string }>) => [...days].map((d) => `${d.date} ${d.kind === 'holiday' ? '休' : '班'} ${d.name}`.trim());
    await writeAudit(tx, source.at, {
      userId: source.userId, action: 'calendar.set_year', targetType: 'calendar', targetId: null,
      detail: { key: String(year), via: source.via, before: brief(live.values()), after: brief([...entries].sort((a, b) => a.date.localeCompare(b.date))) },
    });
  }
  return { changed };
}
