/** The row-level import report as an .xlsx the admin can download, sort and fix the file from. */
import ExcelJS from 'exceljs';
import { REPORT_COLUMNS, sortIssues, type ImportIssue } from '../../core/import/report';

const WIDTHS: Record<(typeof REPORT_COLUMNS)[number]['key'], number> = { sheet: 14, row: 8, column: 16, value: 36, reason: 70 };

export async function issueReportWorkbook(issues: readonly ImportIssue[], title = '导入检查报告'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GridDesk';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.columns = REPORT_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: WIDTHS[column.key] }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const issue of sortIssues(issues)) {
    // Row 0 is the whole file: the cell says so rather than showing a 0 nobody can find.
    const row = sheet.addRow({ ...issue, row: issue.row === 0 ? '整个文件' : issue.row });
    // Values are text as found: never let Excel re-read "=A1" or "0013" as a formula or number.
    row.getCell('value').numFmt = '@';
    row.getCell('value').value = issue.value;
    row.getCell('reason').alignment = { wrapText: true, vertical: 'top' };
  }
  if (issues.length === 0) sheet.addRow({ reason: '没有发现问题' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
