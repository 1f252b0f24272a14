import { AppError, indicatorLimits } from '@kechuang/contracts';
import { assertSafeZip, isImportError } from '@kechuang/importer';
import ExcelJS from 'exceljs';
import { cellText } from '../enterprise-registry/xlsx-workbook.ts';

/** A values file as text cells: the header → column index, and the data rows with their 1-based row numbers. */
export interface TextTable {
  sheet: string;
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

const isZip = (b: Uint8Array) => b.byteLength >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF), UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

/** A numeric Excel cell as decimal text without exponent (floating noise beyond 8 places dropped). */
function numberCell(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return v.toFixed(8).replace(/\.?0+$/, '');
}

function tableFromRows(sheet: string, raw: string[][]): TextTable {
  const [head, ...body] = raw;
  const rows: TextTable['rows'] = [];
  body.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 2, cells: cells.map((c) => c.trim()) });
  });
  return { sheet, header: (head ?? []).map((h) => h.trim()), rows };
}

/**
 * Reads an uploaded values file: .xlsx (first worksheet; size and zip-bomb checks first) or CSV in UTF-8.
 * Anything else → indicator/import_invalid_file; too big → indicator/import_too_large.
 */
export async function readValuesFile(bytes: Uint8Array, filename?: string): Promise<TextTable> {
  if (bytes.byteLength > indicatorLimits.uploadBytes) throw new AppError('indicator/import_too_large', { bytes: bytes.byteLength });
  if (bytes.byteLength === 0) throw new AppError('indicator/import_invalid_file', { reason: 'empty' });
  let table: TextTable;
  if (isZip(bytes)) {
    try {
      assertSafeZip(bytes);
    } catch (e) {
      if (isImportError(e) && e.code === 'import/zip_bomb')
        throw new AppError('indicator/import_too_large', { reason: 'expands too much' });
      throw new AppError('indicator/import_invalid_file', { reason: 'broken zip' });
    }
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    } catch {
      throw new AppError('indicator/import_invalid_file', { reason: 'unreadable workbook' });
    }
    const ws = book.worksheets[0];
    if (!ws) throw new AppError('indicator/import_invalid_file', { reason: 'no sheet' });
    const raw: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) {
        const v = values[c];
        cells.push(typeof v === 'number' ? numberCell(v) : cellText(v ?? null));
      }
      raw[n - 1] = cells;
    });
    for (let i = 0; i < raw.length; i++) raw[i] ??= [];
    table = tableFromRows(ws.name, raw);
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('indicator/import_invalid_file', { reason: 'not UTF-8 text' });
    }
    if (text.includes('\u0000')) throw new AppError('indicator/import_invalid_file', { reason: 'binary' });
    table = tableFromRows(filename?.replace(/\.[^.]*$/, '') || 'CSV', parseCsv(text));
  }
  if (table.rows.length > indicatorLimits.rows) throw new AppError('indicator/import_too_large', { rows: table.rows.length });
  return table;
}
