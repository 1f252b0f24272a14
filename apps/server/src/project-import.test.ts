import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
}, 120_000);
afterAll(async () => t?.close());

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book
    .addWorksheet('项目库')
    .addRows([['项目编号', '项目名称', '计划类别', '年度', '所在地区代码', '承担单位', '项目负责人', '资助金额（万元）'], ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const send = (bytes: Buffer, dryRun: boolean) =>
  planner.request({
    method: 'POST',
    url: `/api/projects/import?dryRun=${dryRun}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

describe('importing a past project list', () => {
  it('checks a file in a dry run without writing, then imports it whole', async () => {
    const file = await workbook([
      ['HY2024-001', '衡阳智能制造关键技术研究', '重点研发', 2024, '430408', '衡阳衡山科学仪器有限公司', '赵企业', '50'],
      ['HY2024-002', '湘南新能源电池材料', '自然科学基金', 2024, '430481', '耒阳湘南新能源电池科技有限公司', '钱研究', '12.5'],
    ]);
    const before = await t.count('audit_log');
    const dry = await send(file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ imported: 0, checked: 2, errors: [] });
    expect(await t.count('audit_log')).toBe(before);
    expect((await t.database.db.selectFrom('project').select('id').where('source', '=', 'import').execute()).length).toBe(0);
    const real = await send(file, false);
    expect(real.json()).toEqual({ imported: 2, checked: 2, errors: [] });
    expect(await t.count('audit_log')).toBe(before + 1);
  });

  it('refuses a file with a bad row in the dry run too, with the row and column', async () => {
    const file = await workbook([['HY2024-003', '某项目', '重点研发', 2024, '999999', '某单位', '孙负责', '10']]);
    const dry = await send(file, true);
    expect(dry.statusCode).toBe(400);
    expect(dry.json().rowErrors[0]).toMatchObject({ row: 2, column: '所在地区代码' });
  });
});
