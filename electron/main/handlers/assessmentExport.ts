import ExcelJS from 'exceljs';
import { INDICATORS, TARGET_KINDS, TARGET_KIND_LABELS } from '../../../core/assessment';
import { ADJUSTMENT_LABELS } from '../../../core/assessment/scheme';
import type { ScorecardRow } from '../../../core/api/assessmentTypes';
import { ApiError } from '../../../core/api/errors';
import { maskName, policyFor } from '../../../core/masking';
import { getRun } from '../../../db/repositories/assessment/runs';
import { audit } from '../auditTrail';
import { requireUser, type Handler } from '../handlerTypes';
import type { ScorecardSet } from '../services/scorecards';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } } as const;
const GRADE_FILL: Record<string, string> = { A: 'FFE3F4E8', B: 'FFEAF2FB', C: 'FFFFF6E0', D: 'FFFDECEA', E: 'FFFADBD8' };
const THIN = { style: 'thin', color: { argb: 'FFBFC7D5' } } as const;


function addSheet(book: ExcelJS.Workbook, title: string, subtitle: string, rows: ScorecardRow[], masked: boolean): void {
  const sheet = book.addWorksheet(title, { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }] });
  const indicators = rows[0]?.indicators.map((i) => i.indicator) ?? [];
  const adjustments = rows[0]?.adjustments.map((a) => a.source) ?? [];
  const headers = ['排名', '考核对象', '所属', '综合得分', '等级', '较上期', ...indicators.flatMap((i) => [`${INDICATORS[i].label}`, `${INDICATORS[i].label}得分`]), ...adjustments.map((a) => `${ADJUSTMENT_LABELS[a]}（加减分）`)];
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = subtitle;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = [];
  const header = sheet.getRow(3);
  header.values = headers;
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => Object.assign(cell, { fill: HEADER_FILL, border: { top: THIN, bottom: THIN, left: THIN, right: THIN } }));
  for (const r of rows) {
    const name = masked && r.target.kind === 'grid_worker' ? maskName(r.target.name) : r.target.name;
    const row = sheet.addRow([
      r.rank ?? '—', name, r.target.parentName ?? '', r.score ?? '—', r.grade ?? '—', r.scoreChange ?? '—',
      ...r.indicators.flatMap((i) => [
        i.value === null ? '—' : INDICATORS[i.indicator].unit === 'rate' ? i.value : i.value,
        i.score ?? '—',
      ]),
      ...r.adjustments.map((a) => a.points),
    ]);
    row.eachCell((cell, col) => {
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      const indicator = col > 6 && (col - 7) % 2 === 0 ? indicators[(col - 7) / 2] : undefined;
      if (indicator && INDICATORS[indicator].unit === 'rate' && typeof cell.value === 'number') cell.numFmt = '0.0%';
    });
    if (r.grade) row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GRADE_FILL[r.grade]! } };
  }
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 22 : i === 2 ? 16 : 12));
}

/** A published or draft run as a styled workbook: one sheet per kind of target, Chinese headers. */
export const exportHandler: Handler<'assessment.export'> = async ({ runId }, ctx) => {
  const user = requireUser(ctx);
  const run = await getRun(ctx.backend.knex, runId);
  if (!run) throw new ApiError('NOT_FOUND', '考核结果不存在');
  const set = JSON.parse(run.results) as ScorecardSet;
  const book = new ExcelJS.Workbook();
  book.creator = 'GridDesk 网格指挥台';
  book.created = new Date(ctx.backend.now());
  const state = run.status === 'published' ? '已发布' : '草稿';
  for (const kind of TARGET_KINDS) {
    addSheet(book, TARGET_KIND_LABELS[kind], `${set.periodLabel} ${TARGET_KIND_LABELS[kind]}考核结果（${run.schemeName}，${state}）`, set.kinds[kind], policyFor(user.role).staffInScores === 'masked');
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await audit(ctx.backend, user, {
    action: 'assessment.export', targetType: 'assessment_run', targetId: runId,
    detail: { period: set.periodLabel, status: run.status, staffNames: policyFor(user.role).staffInScores },
  });
  return {
    name: `考核结果_${set.periodLabel}_${state}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: buffer.toString('base64'),
  };
};
