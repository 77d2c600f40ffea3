/**
 * An onboarding template: the data sheet holds only the header (so nothing of the template is
 * imported by mistake), every column formatted as text (15-digit codes and phone numbers stay
 * as typed), drop-downs where there are few choices; the notes sheet says what each column
 * takes and shows example rows.
 */
import ExcelJS from 'exceljs';
import { templateHeader, type KindSpec } from '../../core/import/onboarding/columns';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } } as const;
const REQUIRED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB23B3B' } } as const;
/** Rows the drop-downs and the text format cover. */
const FILL_ROWS = 5000;

export const NOTES_SHEET = '填写说明';

export async function templateWorkbook(spec: KindSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GridDesk';
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => ({ header: templateHeader(column), key: column.field, width: column.width ?? 14, style: { numFmt: '@' } }));
  const header = sheet.getRow(1);
  header.height = 22;
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = column.required ? REQUIRED_FILL : HEADER_FILL;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = column.note;
    if (column.choices) {
      const letter = sheet.getColumn(i + 1).letter;
      // exceljs has range validations at run time but not in its typings.
      (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${FILL_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从下拉列表中选择',
        error: `可填：${column.choices.join('、')}`,
      });
    }
  });

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 18 }, { width: 8 }, { width: 90 }];
  notes.addRow([`${spec.label}导入模板`]).font = { bold: true, size: 14 };
  notes.addRow([`在“${spec.sheet}”工作表中从第 2 行起逐行填写，不要修改表头和工作表名；带 * 的列必填。不要使用公式和合并单元格。导入前会先检查，有问题的行会列出原因，全部无误才会写入。`]);
  notes.addRow([]);
  notes.addRow(['列', '必填', '填写要求']).font = { bold: true };
  for (const column of spec.columns) notes.addRow([column.header, column.required ? '是' : '', column.note]).alignment = { wrapText: true, vertical: 'top' };
  notes.addRow([]);
  notes.addRow(['示例（请在“' + spec.sheet + '”表中填写，不要在这里填）']).font = { bold: true };
  notes.addRow(spec.columns.map(templateHeader));
  for (const example of spec.examples) notes.addRow(spec.columns.map((column) => example[column.field] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
