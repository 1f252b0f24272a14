import { usccCheckChar } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
let seq = 0;

/** A fresh credit code with a valid check character. */
function uscc(): string {
  const first = `91430405MA7${String(++seq).padStart(6, '0')}`;
  return `${first}${usccCheckChar(first)}`;
}

async function exportBook(query = ''): Promise<ExcelJS.Workbook> {
  const res = await admin.request({ method: 'GET', url: `/api/enterprises/export${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业名录.xlsx')}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

async function bytesOf(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

function importFile(bytes: Buffer, dryRun: boolean) {
  return admin.request({
    method: 'POST',
    url: `/api/enterprises/import?dryRun=${dryRun}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

/** A workbook in the export's layout with the given data rows. */
function book(enterprises: unknown[][], years: unknown[][] = []): ExcelJS.Workbook {
  const b = new ExcelJS.Workbook();
  b.addWorksheet('企业名录').addRows([
    ['统一社会信用代码', '企业名称', '所在地区代码', '行业代码', '成立日期', '联系人', '联系电话'],
    ...enterprises,
  ]);
  b.addWorksheet('年度数据').addRows([
    [
      '统一社会信用代码',
      '年度',
      '职工总数（全年月平均，人）',
      '科技人员数（全年月平均，人）',
      '销售收入（万元）',
      '净资产（万元）',
      '研发费用-人员人工（万元）',
    ],
    ...years,
  ]);
  return b;
}

async function enterpriseCount(): Promise<number> {
  const r = await t.database.db
    .selectFrom('enterprise')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function yearCount(): Promise<number> {
  const r = await t.database.db
    .selectFrom('enterprise_year')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('enterprise export and import (.xlsx)', () => {
  it('exports the registry of the scope, money in exact 万元', async () => {
    const code = uscc();
    const created = await admin.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: code, name: '导出测试企业', regionCode: '430405', industryCode: 'C39', registeredOn: '2019-05-06', contact: '张三' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const year = await admin.request({
      method: 'PUT',
      url: `/api/enterprises/${id}/years/2025`,
      payload: { employeesAvg: '120.5', salesFen: 123_456_789_01, netAssetsFen: -5, rdExpense: { personnelFen: 1 } },
    });
    expect(year.statusCode, year.body).toBe(200);

    const b = await exportBook();
    const ent = b.getWorksheet('企业名录') as ExcelJS.Worksheet;
    expect((ent.getRow(1).values as unknown[]).slice(1)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '所在地区代码',
      '所在地区',
      '行业代码',
      '成立日期',
      '联系人',
      '联系电话',
      '当前梯度',
    ]);
    // the whole registry, page by page (the demo holds more enterprises than one page)
    const registry: Array<{ uscc: string; name: string; regionCode: string }> = [];
    for (let page = 1; ; page++) {
      const list = await admin.request({ method: 'GET', url: `/api/enterprises?pageSize=200&page=${page}` });
      const items = list.json().items as Array<{ uscc: string; name: string; regionCode: string }>;
      registry.push(...items);
      if (registry.length >= list.json().total || items.length === 0) break;
    }
    const rows: Array<{ uscc: string; name: string; regionCode: string }> = [];
    ent.eachRow((row, n) => {
      if (n > 1)
        rows.push({ uscc: String(row.getCell(1).value), name: String(row.getCell(2).value), regionCode: String(row.getCell(3).value) });
    });
    const key = (x: { uscc: string }) => x.uscc;
    expect(rows.map(key).sort()).toEqual(registry.map(key).sort());
    const byCode = new Map(registry.map((x) => [x.uscc, { uscc: x.uscc, name: x.name, regionCode: x.regionCode }]));
    for (const r of rows) expect(r).toEqual(byCode.get(r.uscc));
    const mine = rows.findIndex((r) => r.uscc === code) + 2;
    expect(ent.getRow(mine).getCell(5).value).toBe('C39');
    expect(ent.getRow(mine).getCell(6).value).toBe('2019-05-06');

    const yr = b.getWorksheet('年度数据') as ExcelJS.Worksheet;
    let found: ExcelJS.Row | null = null;
    yr.eachRow((row) => {
      if (row.getCell(1).value === code) found = row;
    });
    const r = found as unknown as ExcelJS.Row;
    expect(r.getCell(2).value).toBe(2025);
    expect(r.getCell(3).value).toBe(120.5);
    expect(r.getCell(5).value).toBe(12345.678901); // 销售收入 12345678901 分
    expect(r.getCell(11).value).toBe(-0.000005); // 净资产 −5 分
    expect(r.getCell(12).value).toBe(0.000001); // 研发-人员人工 1 分
  });

  it('reads its own export back as unchanged, and applies an edited cell as an update', async () => {
    const b = await exportBook();
    const dry = await importFile(await bytesOf(b), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, created: 0, updated: 0, errors: [] });
    expect(dry.json().unchanged).toBeGreaterThan(0);

    const ent = b.getWorksheet('企业名录') as ExcelJS.Worksheet;
    const code = String(ent.getRow(2).getCell(1).value);
    ent.getRow(2).getCell(2).value = '改名后的企业有限公司';
    const audit = await t.count('audit_log');
    const res = await importFile(await bytesOf(b), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, created: 0, updated: 1, errors: [] });
    expect(await t.count('audit_log')).toBe(audit + 1);
    const last = await t.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.action).toBe('enterprise.import');
    const list = await admin.request({ method: 'GET', url: `/api/enterprises?q=${code}` });
    expect(list.json().items[0]).toMatchObject({ name: '改名后的企业有限公司', version: 2 });
  });

  it('creates enterprises and years with exact 分 from 万元 text', async () => {
    const code = uscc();
    const res = await importFile(
      await bytesOf(
        book(
          [[code, '新导入企业有限公司', '430407', 'I65', '2020-01-02', '李四', '0734-1234567']],
          [
            [code, 2024, '30', '8.5', '0.1', '-12.000001', '1234.567891'],
            [code, 2025, 31, null, 1234567.89, null, null],
          ],
        ),
      ),
      false,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, created: 1, updated: 0, years: 2 });
    const id = (await admin.request({ method: 'GET', url: `/api/enterprises?q=${code}` })).json().items[0].id;
    const detail = (await admin.request({ method: 'GET', url: `/api/enterprises/${id}` })).json();
    expect(detail).toMatchObject({ name: '新导入企业有限公司', regionCode: '430407', industryCode: 'I65', registeredOn: '2020-01-02' });
    expect(detail.years[0]).toMatchObject({
      year: 2024,
      employeesAvg: '30',
      techStaffAvg: '8.5',
      salesFen: 100_000,
      netAssetsFen: -12_000_001,
    });
    expect(detail.years[0].rdExpense.personnelFen).toBe(1_234_567_891);
    expect(detail.years[1]).toMatchObject({ year: 2025, employeesAvg: '31', salesFen: 1_234_567_890_000 });
  });

  it('rejects a file with bad rows as a whole, listing every error, and writes nothing', async () => {
    const good = uscc();
    const dup = uscc();
    const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const file = await bytesOf(
      book(
        [
          [good, '合格企业有限公司', '430405'],
          [badCheck, '校验位错误企业', '430405'],
          [dup, '重复甲', '430405'],
          [dup, '重复乙', '430405'],
          [uscc(), '地区不存在企业', '439999'],
          [uscc(), '日期错误企业', '430405', null, '2020-13-45'],
        ],
        [
          [good, 2025, '10', '2', '1.1234567'],
          [good, 1800, '10'],
          [uscc(), 2025, '10'],
        ],
      ),
    );
    const [ents, years, audit] = [await enterpriseCount(), await yearCount(), await t.count('audit_log')];
    const res = await importFile(file, false);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('enterprise/import_rows_invalid');
    const errors = res.json().rowErrors as Array<{ sheet: string; row: number; column: string; message: string }>;
    expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['企业名录', 3, '统一社会信用代码'],
      ['企业名录', 5, '统一社会信用代码'],
      ['企业名录', 6, '所在地区代码'],
      ['企业名录', 7, '成立日期'],
      ['年度数据', 2, '销售收入（万元）'],
      ['年度数据', 3, '年度'],
      ['年度数据', 4, '统一社会信用代码'],
    ]);
    expect(errors[1]?.message).toContain('第 4 行重复');
    for (const e of errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect([await enterpriseCount(), await yearCount(), await t.count('audit_log')]).toEqual([ents, years, audit]);

    const dry = await importFile(file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ applied: false });
    expect(dry.json().errors).toEqual(errors);
  });

  it('writes nothing on a dry run of a valid file', async () => {
    const code = uscc();
    const [ents, years, audit] = [await enterpriseCount(), await yearCount(), await t.count('audit_log')];
    const res = await importFile(await bytesOf(book([[code, '试运行企业', '430405']], [[code, 2025, '5']])), true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, applied: false, created: 1, years: 1, errors: [] });
    expect([await enterpriseCount(), await yearCount(), await t.count('audit_log')]).toEqual([ents, years, audit]);
  });

  it('refuses corrupt or non-xlsx bytes with a clear code', async () => {
    for (const bytes of [Buffer.from('not a workbook at all'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])]) {
      const res = await importFile(bytes, true);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('enterprise/import_invalid_file');
    }
  });

  it('rejects rows outside the actor scope', async () => {
    const planner = await t.login('planner');
    const res = await planner.request({
      method: 'POST',
      url: '/api/enterprises/import?dryRun=false',
      headers: { 'content-type': 'application/octet-stream' },
      payload: await bytesOf(book([[uscc(), '武汉企业', '420102']])),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().rowErrors).toEqual([
      { sheet: '企业名录', row: 2, column: '所在地区代码', message: '地区 420102 不在您的管辖范围内' },
    ]);
    const out = await admin.request({ method: 'GET', url: '/api/enterprises/export?region=420100' });
    expect(out.statusCode).toBe(403);
  });
});

describe('a year entered month by month and the spreadsheet', () => {
  it('keeps the monthly head counts when a row without averages is imported over the year', async () => {
    const code = uscc();
    const created = await admin.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: code, name: `逐月企业${seq}`, regionCode: '430405' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const staffMonths = Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      employeesStart: 40,
      employeesEnd: 40,
      techStaffStart: 8,
      techStaffEnd: 8,
    }));
    const saved = await admin.request({
      method: 'PUT',
      url: `/api/enterprises/${id}/years/2025`,
      payload: { staffMonths, salesFen: 1_000_000 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await importFile(await bytesOf(book([[code, `逐月企业${seq}`, '430405']], [[code, 2025, null, null, '2']])), false);
    expect(res.statusCode, res.body).toBe(200);
    const year = (await admin.request({ method: 'GET', url: `/api/enterprises/${id}` }))
      .json()
      .years.find((y: { year: number }) => y.year === 2025);
    expect(year).toMatchObject({ salesFen: 2_000_000, staffMonths });
    // a row with averages replaces the months
    await importFile(await bytesOf(book([[code, `逐月企业${seq}`, '430405']], [[code, 2025, '41', '9', '2']])), false);
    const after = (await admin.request({ method: 'GET', url: `/api/enterprises/${id}` }))
      .json()
      .years.find((y: { year: number }) => y.year === 2025);
    expect(after).toMatchObject({ employeesAvg: '41', techStaffAvg: '9' });
    expect(after.staffMonths).toBeUndefined();
  });
});
