import { expertSheetColumns, idNumberCheckChar } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let viewer: Client;
beforeAll(async () => {
  t = await createTestApp();
  [planner, viewer] = [await t.login('planner'), await t.login('province')];
}, 120_000);
afterAll(async () => t?.close());

const idNumber = (body17: string) => body17 + idNumberCheckChar(body17);

async function workbook(rows: (string | number)[][], header: readonly string[] = expertSheetColumns): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('专家库').addRows([[...header], ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const send = (client: Client, bytes: Buffer, dryRun: boolean) =>
  client.request({
    method: 'POST',
    url: `/api/experts/import?dryRun=${dryRun}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

const counts = async () => ({
  experts: Number(
    (
      await t.database.db
        .selectFrom('expert')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: await t.count('audit_log'),
});

// 姓名 身份证号码 性别 职称 现工作单位 曾任职单位 所在地区代码 学科代码 行业代码 研究方向 手机 电子邮箱 年度评审上限 状态
const good = [
  [
    '李红',
    idNumber('43040419780215002'),
    '女',
    '研究员',
    '南华大学',
    '湖南大学（2005-09~2012-06）；中南大学（2001~2005）',
    '430407',
    '490.65；49075',
    'D44',
    '核安全、辐射防护',
    '13907341111',
    '',
    15,
    '',
  ],
  ['赵军', '', '男', '高级工程师', '衡阳衡山科学仪器有限公司', '', '430408', '535.10', 'C40', '分析仪器', '', 'zj@example.com', '', '暂停'],
];

describe('importing experts from .xlsx', () => {
  it('checks in a dry run without writing, then imports all rows with employers and dates', async () => {
    const file = await workbook(good);
    const before = await counts();
    const dry = await send(planner, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ imported: 0, checked: 2, errors: [] });
    expect(await counts()).toEqual(before);
    const real = await send(planner, file, false);
    expect(real.json()).toEqual({ imported: 2, checked: 2, errors: [] });
    expect(await counts()).toEqual({ experts: before.experts + 2, audit: before.audit + 1 });
    const list = (await planner.request({ method: 'GET', url: '/api/experts?pageSize=200&sort=name&order=asc' })).json().items;
    const li = list.find((x: { name: string }) => x.name === '李红');
    expect(li).toMatchObject({
      status: 'active',
      disciplineCodes: ['490.65', '490.75'],
      industryCodes: ['D44'],
      yearlyQuota: 15,
      employer: '南华大学',
    });
    expect(list.find((x: { name: string }) => x.name === '赵军')).toMatchObject({ status: 'paused', yearlyQuota: 20 });
    const detail = (await planner.request({ method: 'GET', url: `/api/experts/${li.id}` })).json();
    expect(detail.employments).toEqual([
      expect.objectContaining({ orgName: '南华大学', toDate: null }),
      expect.objectContaining({ orgName: '湖南大学', fromDate: '2005-09-01', toDate: '2012-06-30' }),
      expect.objectContaining({ orgName: '中南大学', fromDate: '2001-01-01', toDate: '2005-12-31' }),
    ]);
  });

  it('refuses a file with any bad row — each problem with row and column — and writes nothing', async () => {
    const before = await counts();
    const file = await workbook([
      ['王五', '', '男', '教授', '湘潭大学', '', '430300', '520.20', '', '', '', '', '', ''],
      ['钱六', '430407197001010000', '男', '', '南华大学', '', '430407', '999', 'C39', '', '', '', '', ''],
      ['孙七', '', '', '', '南华大学', '某大学（2019）', '999999', '110.61', '', '', '', '', 'abc', '在职'],
      ['李红', idNumber('43040419780215002'), '女', '', '南华大学', '', '430407', '490.65', '', '', '', '', '', ''],
      ['周八', '', '', '', '南华大学', '', '430407', '520.20', '', '', '', '', '', ''],
      ['周八', '', '', '', '南华大学', '', '430407', '520.60', '', '', '', '', '', ''],
    ]);
    for (const dryRun of [true, false]) {
      const res = await send(planner, file, dryRun);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('expert/import_rows_invalid');
      const cells = (res.json().rowErrors as Array<{ row: number; column: string }>).map((e) => `${e.row}:${e.column}`);
      expect(cells).toEqual(
        expect.arrayContaining([
          '2:所在地区代码',
          '3:身份证号码',
          '3:学科代码',
          '4:曾任职单位',
          '4:所在地区代码',
          '4:年度评审上限',
          '4:状态',
          '7:姓名',
        ]),
      );
      expect(res.json().rowErrors.find((e: { row: number }) => e.row === 2).message).toBe('不在您的管辖范围内');
    }
    // the same person as an entry already kept (identity number), checked once the rows themselves are right
    const again = await send(planner, await workbook([good[0] as (string | number)[]]), true);
    expect(again.json().rowErrors).toEqual([expect.objectContaining({ row: 2, column: '身份证号码', message: '此人已在专家库中' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a sheet without the required columns, and viewers', async () => {
    const res = await send(planner, await workbook([['张三']], ['姓名']), true);
    expect(res.json().code).toBe('expert/import_invalid_file');
    expect((await send(viewer, await workbook(good), true)).statusCode).toBe(403);
    const notXlsx = await send(planner, Buffer.from('not a workbook'), true);
    expect(notXlsx.json().code).toBe('expert/import_invalid_file');
  });

  it('exports the filtered list in the template columns, without identity numbers; the export imports back as duplicates', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/experts/export?discipline=490&q=李红' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('experts.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('专家库') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, expertSheetColumns.length)).toEqual([...expertSheetColumns]);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 9)).toEqual([
      '李红',
      '',
      '女',
      '研究员',
      '南华大学',
      expect.stringContaining('湖南大学（2005-09-01~2012-06-30）'),
      '430407',
      '490.65；490.75',
      'D44',
    ]);
    expect(row[14]).toContain('490.65 核安全');
    // the export is a valid template: importing it back finds the same people already kept
    const back = await send(planner, Buffer.from(res.rawPayload), true);
    expect(back.json().rowErrors).toEqual([expect.objectContaining({ row: 2, column: '姓名' })]);
  });

  it('serves the import template to the bureau', async () => {
    const res = await planner.request({ method: 'GET', url: '/api/experts/import-template' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(((book.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1)).toEqual([...expertSheetColumns]);
  });
});
