import ExcelJS from 'exceljs';
import type { ResidentRow } from '../../../../core/api/registryTypes';
import type { SessionUser } from '../../../../core/api/types';
import { writeAudit } from '../../../../db/repositories/audit';
import { listResidents, type ResidentFilter } from '../../../../db/repositories/registry/residentQueries';
import { requireUser, type Handler } from '../../handlerTypes';
import { cipherFor, gridScope, residentView } from './views';

/** An export is a working list, not a copy of the register. */
const MAX_EXPORT_ROWS = 20_000;
const COLUMNS = ['姓名', '身份证号', '电话', '楼栋', '单元', '房号', '与户主关系', '人群标签', '下次核实'];

const chinaTime = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Who exported and when, on the sheet itself and on every printed page. */
export const watermarkText = (user: SessionUser, at: number): string =>
  `导出人：${user.displayName}（${user.username}） 导出时间：${chinaTime(at)} · 个人信息已脱敏，仅限工作使用，禁止外传`;

async function residentsBook(rows: readonly ResidentRow[], watermark: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.headerFooter.oddHeader = `&C&8${watermark}`;
  sheet.headerFooter.oddFooter = `&C&8${watermark} · 第 &P 页`;
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  Object.assign(sheet.getCell(1, 1), { value: watermark, font: { bold: true, color: { argb: 'FFC0392B' } } });
  sheet.getRow(2).values = COLUMNS;
  sheet.getRow(2).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.name, r.idNumber, r.phone, r.building, r.unit, r.room, r.relation, r.tags.map((t) => t.label).join('、'), chinaTime(r.verifyDueAt).slice(0, 10)]);
  }
  sheet.columns.forEach((c, i) => (c.width = [10, 22, 15, 18, 8, 8, 10, 20, 12][i]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The list as the user sees it (masked, tags by role), as .xlsx with a watermark; audited. */
export const exportResidentsHandler: Handler<'registry.exportResidents'> = async (input, ctx) => {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const gridId = gridScope(user, input.gridId);
  const filter: ResidentFilter = { ...(gridId ? { gridId } : {}), ...(input.building ? { building: input.building } : {}), ...(input.name ? { name: input.name } : {}) };
  const { rows } = await listResidents(backend.knex, filter, 1, MAX_EXPORT_ROWS);
  const cipher = await cipherFor(backend, rows);
  const now = backend.now();
  const watermark = watermarkText(user, now);
  const data = await residentsBook(rows.map((r) => residentView(r, user, cipher)), watermark);
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, now, { userId: user.id, action: 'registry.export', targetType: 'residents', detail: { filter, rows: rows.length } }),
  );
  return { name: `居民名单-${chinaTime(now).slice(0, 10)}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: data.toString('base64') };
};
