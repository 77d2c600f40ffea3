import ExcelJS from 'exceljs';
import type { SessionUser } from '../../../../core/api/types';
import { displayName, maskPhone } from '../../../../core/registry/access';
import { COMPONENT_KINDS, CONDITIONS, HOUSE_USES, OCCUPANCIES } from '../../../../core/registry/placeSheets';
import { REGISTER_SHEET_LABELS, type RegisterSheetKind } from '../../../../core/registry/sheetKinds';
import { writeAudit } from '../../../../db/repositories/audit';
import { listComponents, listHouses } from '../../../../db/repositories/registry/places';
import { listResidents, type ResidentFilter } from '../../../../db/repositories/registry/residentQueries';
import type { Backend } from '../../backend';
import { requireUser, type Handler, type HandlerContext } from '../../handlerTypes';
import { cipherFor, gridScope, residentView } from './views';

/** An export is a working list, not a copy of the register. */
const MAX_EXPORT_ROWS = 20_000;

const chinaTime = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const day = (ms: number): string => chinaTime(ms).slice(0, 10);
const label = <T extends string>(labels: Readonly<Record<T, string>>, value: string): string => labels[value as T] ?? value;

/** Who exported and when, on the sheet itself and on every printed page. */
export const watermarkText = (user: SessionUser, at: number): string =>
  `导出人：${user.displayName}（${user.username}） 导出时间：${chinaTime(at)} · 个人信息已脱敏，仅限工作使用，禁止外传`;

interface ExportTable {
  columns: ReadonlyArray<{ header: string; width: number }>;
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/** A list as .xlsx: the watermark in row 1 (merged across, red) and in every printed page's header and footer. */
async function watermarkedBook(sheetName: string, table: ExportTable, watermark: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.headerFooter.oddHeader = `&C&8${watermark}`;
  sheet.headerFooter.oddFooter = `&C&8${watermark} · 第 &P 页`;
  sheet.mergeCells(1, 1, 1, table.columns.length);
  Object.assign(sheet.getCell(1, 1), { value: watermark, font: { bold: true, color: { argb: 'FFC0392B' } } });
  sheet.getRow(2).values = table.columns.map((c) => c.header);
  sheet.getRow(2).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((c, i) => (c.width = table.columns[i]?.width ?? 12));
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface ExportInput {
  kind: RegisterSheetKind;
  gridId?: string | undefined;
  building?: string | undefined;
  name?: string | undefined;
}

/** Each register's rows as the user may see them: personal data masked, names masked for leaders. */
async function exportTable(backend: Backend, user: SessionUser, input: ExportInput, gridId: string | undefined): Promise<{ table: ExportTable; filter: object }> {
  const grid = gridId ? { gridId } : {};
  switch (input.kind) {
    case 'residents': {
      const filter: ResidentFilter = { ...grid, ...(input.building ? { building: input.building } : {}), ...(input.name ? { name: input.name } : {}) };
      const { rows } = await listResidents(backend.knex, filter, 1, MAX_EXPORT_ROWS);
      const cipher = await cipherFor(backend, rows);
      const headers = ['姓名', '身份证号', '电话', '楼栋', '单元', '房号', '与户主关系', '人群标签', '下次核实'];
      const widths = [10, 22, 15, 18, 8, 8, 10, 20, 12];
      return {
        filter,
        table: {
          columns: headers.map((header, i) => ({ header, width: widths[i]! })),
          rows: rows.map((stored) => residentView(stored, user, cipher)).map((r) => [r.name, r.idNumber, r.phone, r.building, r.unit, r.room, r.relation, r.tags.map((t) => t.label).join('、'), day(r.verifyDueAt)]),
        },
      };
    }
    case 'houses': {
      const filter = { ...grid, ...(input.building ? { building: input.building } : {}) };
      const { rows } = await listHouses(backend.knex, filter, 1, MAX_EXPORT_ROWS);
      return {
        filter,
        table: {
          columns: [['房屋编码', 16], ['楼栋', 18], ['单元', 8], ['房号', 8], ['用途', 8], ['居住状态', 10], ['产权人/承租人', 14], ['居住人数', 10], ['下次核实', 12]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
          rows: rows.map((h) => [h.code, h.building, h.unit, h.room, label(HOUSE_USES, h.use), label(OCCUPANCIES, h.occupancy), h.owner_name && displayName(h.owner_name, user.role), Number(h.residents), day(Number(h.verify_due_at))]),
        },
      };
    }
    case 'components': {
      const { rows } = await listComponents(backend.knex, grid, 1, MAX_EXPORT_ROWS);
      return {
        filter: grid,
        table: {
          columns: [['部件编码', 16], ['类别', 10], ['位置', 28], ['经度', 12], ['纬度', 12], ['状况', 8], ['下次核实', 12]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
          rows: rows.map((c) => [c.code, label(COMPONENT_KINDS, c.kind), c.address, c.lng, c.lat, label(CONDITIONS, c.condition), day(Number(c.verify_due_at))]),
        },
      };
    }
    case 'organisations': {
      const rows = (await backend.knex('organisations').where({ deleted: 0 }).orderBy('code').limit(MAX_EXPORT_ROWS)
        .select('code', 'name', 'kind', 'services', 'contact_name', 'contact_phone', 'address', 'duty_hours', 'active')) as Array<Record<string, string | number>>;
      return {
        filter: {},
        table: {
          columns: [['组织编码', 12], ['组织名称', 28], ['类型', 12], ['服务项目', 28], ['联系人', 10], ['联系电话', 15], ['地址', 28], ['值班时间', 20], ['状态', 8]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
          rows: rows.map((o) => [
            String(o.code), String(o.name), String(o.kind), (JSON.parse(String(o.services || '[]')) as string[]).join('、'),
            o.contact_name ? displayName(String(o.contact_name), user.role) : '', maskPhone(String(o.contact_phone ?? '')), String(o.address), String(o.duty_hours), Number(o.active) ? '启用' : '停用',
          ]),
        },
      };
    }
  }
}

/** A register's list as the user sees it (masked by role), as .xlsx with a watermark; every export is audited. */
async function exportRegister(input: ExportInput, ctx: HandlerContext) {
  const user = requireUser(ctx);
  const { backend } = ctx;
  const gridId = gridScope(user, input.gridId);
  const { table, filter } = await exportTable(backend, user, input, gridId);
  const now = backend.now();
  const sheetName = REGISTER_SHEET_LABELS[input.kind];
  const data = await watermarkedBook(sheetName, table, watermarkText(user, now));
  await backend.writePath.transaction((tx) =>
    writeAudit(tx, now, { userId: user.id, action: 'registry.export', targetType: input.kind, detail: { filter, rows: table.rows.length } }),
  );
  return { name: `${sheetName}名单-${day(now)}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: data.toString('base64') };
}

export const registerExportHandler: Handler<'registry.export'> = (input, ctx) => exportRegister(input, ctx);
export const exportResidentsHandler: Handler<'registry.exportResidents'> = (input, ctx) => exportRegister({ ...input, kind: 'residents' }, ctx);
