/** The category catalogue (versioned) and the working calendar. */
import { ApiError } from '../../../../core/api/errors';
import { categoryHistory, listCategoriesForAdmin, saveCategories } from '../../../../db/repositories/admin/categories';
import { loadCalendarYear, saveCalendarYear, shippedYear } from '../../../../db/repositories/admin/calendar';
import { assertKeyFree } from '../../../../db/repositories/admin/recordWriter';
import { requireUser, type Handler } from '../../handlerTypes';

export const listCatalogue: Handler<'catalogue.list'> = async (_input, { backend }) => listCategoriesForAdmin(backend.knex);

export const saveCategory: Handler<'catalogue.save'> = async (input, ctx) => {
  const { backend } = ctx;
  const result = await backend.writePath.transaction(async (tx) => {
    if (!input.id) await assertKeyFree(tx, 'categories', 'code', input.code, '类别编码');
    return saveCategories(tx, [input], { userId: requireUser(ctx).id, at: backend.now(), via: 'admin' });
  });
  // New keywords and criteria reach the triage model on the next suggestion, without a restart.
  backend.invalidateCaches();
  backend.forgetTriageModel();
  const id = result.ids.get(input.code.trim());
  const row = (await listCategoriesForAdmin(backend.knex)).find((c) => c.id === id);
  if (!row) throw new ApiError('NOT_FOUND', '事项类别不存在');
  return row;
};

export const catalogueHistory: Handler<'catalogue.history'> = async ({ id }, { backend }) => categoryHistory(backend.knex, id);

export const calendarYear: Handler<'calendar.year'> = async ({ year }, { backend }) => ({
  ...(await loadCalendarYear(backend.knex, year)),
  shipped: shippedYear(year).days,
});

export const saveCalendar: Handler<'calendar.saveYear'> = async ({ year, days }, ctx) => {
  const { backend } = ctx;
  const { changed } = await backend.writePath.transaction((tx) => saveCalendarYear(tx, year, days, { userId: requireUser(ctx).id, at: backend.now(), via: 'admin' }));
  // Time limits use the calendar: moves from now on count on the new days (deadlines already set stay).
  backend.invalidateCaches();
  return { ...(await loadCalendarYear(backend.knex, year)), changed };
};
