import ExcelJS from 'exceljs';

/*
 * A list exported as one sheet, as a planner opens it in Excel: a bold frozen header row, one row per record,
 * column widths set. Each module declares its columns; the rows are plain values (numbers stay numbers, so
 * sums work in Excel).
 */

export type CellValue = string | number | null;

export interface TableColumn<R> {
  header: string;
  width?: number;
  value: (row: R) => CellValue;
}

export async function tableXlsx<R>(sheetName: string, columns: ReadonlyArray<TableColumn<R>>, rows: Iterable<R>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(columns.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? 16;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
