import { AppError, enterpriseTransferLimits } from '@kechuang/contracts';
import { assertSafeZip, isImportError } from '@kechuang/importer';
import ExcelJS from 'exceljs';

// Reading an uploaded .xlsx safely, and its cells as text: the sheet-level half of the enterprise import.
export type Cell = ExcelJS.CellValue;

function isoOfDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A cell as trimmed text: rich text joined, formulas by their result, dates as ISO days. */
export function cellText(v: Cell, asDate = false): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoOfDate(v);
  if (typeof v === 'number') {
    // an Excel date serial typed into a date column (1900 date system)
    if (asDate && Number.isInteger(v) && v > 0 && v < 2_958_466) return isoOfDate(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
    return String(v);
  }
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: Cell }).result ?? null, asDate);
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('error' in v) return String(v.error);
  }
  return String(v).trim();
}

export interface SheetTable {
  sheet: string;
  /** header text → 1-based column number */
  columns: Map<string, number>;
  rows: Array<{ row: number; values: Cell[] }>;
}

export function readSheet(ws: ExcelJS.Worksheet): SheetTable {
  const columns = new Map<string, number>();
  const head = ws.getRow(1);
  head.eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (text && !columns.has(text)) columns.set(text, col);
  });
  const rows: SheetTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values = row.values as Cell[];
    if (values.some((v) => cellText(v) !== '')) rows.push({ row: n, values });
  });
  return { sheet: ws.name, columns, rows };
}

/** Opens an uploaded workbook, refusing oversize files, non-zip bytes and decompression bombs first. */
export async function openBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > enterpriseTransferLimits.uploadBytes)
    throw new AppError('enterprise/import_too_large', { bytes: bytes.byteLength });
  // an .xlsx is a zip: PK\x03\x04
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new AppError('enterprise/import_invalid_file', { reason: 'not a zip container' });
  }
  // refuse a decompression bomb before exceljs inflates anything
  try {
    assertSafeZip(bytes);
  } catch (e) {
    if (isImportError(e) && e.code === 'import/zip_bomb') throw new AppError('enterprise/import_too_large', { reason: 'expands too much' });
    throw new AppError('enterprise/import_invalid_file', { reason: 'broken zip' });
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('enterprise/import_invalid_file', { reason: 'unreadable workbook' });
  }
  return book;
}
