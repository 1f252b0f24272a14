import { describe, expect, it } from 'vitest';
import { parseCsv, readValuesFile } from './values-file.ts';

describe('values file reading', () => {
  it('parses quoted CSV cells, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"1,5","say ""hi"""\r\nx,\n')).toEqual([
      ['a', 'b'],
      ['1,5', 'say "hi"'],
      ['x', ''],
    ]);
  });

  it('keeps 1-based row numbers across blank lines and refuses non-UTF-8 bytes', async () => {
    const t = await readValuesFile(Buffer.from('指标代码,数值\n\ngdp,1\n'), 'v.csv');
    expect(t).toEqual({ sheet: 'v', header: ['指标代码', '数值'], rows: [{ row: 3, cells: ['gdp', '1'] }] });
    await expect(readValuesFile(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).rejects.toMatchObject({ code: 'indicator/import_invalid_file' });
    await expect(readValuesFile(Buffer.from('PK\u0003\u0004broken'))).rejects.toMatchObject({ code: 'indicator/import_invalid_file' });
  });
});
