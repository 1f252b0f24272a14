import { usccCheckChar } from '@kechuang/contracts';
import { writeValues } from '@kechuang/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let admin: Client;
let province: Client;
beforeAll(async () => {
  t = await createTestApp();
  [planner, admin, province] = await Promise.all([t.login('planner'), t.login('admin'), t.login('province')]);
});
afterAll(async () => t?.close());

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
const head = ['指标代码', '地区代码', '期间', '类型', '数值', '备注'];
const upload = (c: Client, bytes: Buffer, dryRun: boolean, filename = 'values.csv') =>
  c.request({
    method: 'POST',
    url: `/api/indicators/values/import?dryRun=${dryRun}&filename=${encodeURIComponent(filename)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
const valueCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('indicator_value')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('indicator catalog', () => {
  it('lists at least 30 standard indicators with calibers; ratios name their operands', async () => {
    const res = await planner.request({ method: 'GET', url: '/api/indicators' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<Record<string, unknown>>;
    expect(list.filter((i) => i.builtin).length).toBeGreaterThanOrEqual(30);
    const rd = list.find((i) => i.code === 'rd_intensity');
    expect(rd).toMatchObject({
      aggregation: 'ratio',
      numeratorCode: 'rd_expenditure',
      denominatorCode: 'gdp',
      scale: 100,
      derived: true,
      unit: '%',
    });
    for (const code of [
      'hnte_count',
      'tech_sme_count',
      'hitech_value_added_share',
      'tech_contract_turnover',
      'fiscal_st_share',
      'invention_patents_per_10k',
    ])
      expect(list.some((i) => i.code === code)).toBe(true);
  });

  it('admins add local indicators; built-ins keep their structure but take display edits', async () => {
    const body = { code: 'county_lab_count', nameZh: '县级重点实验室数', unit: '个', category: 'platform', aggregation: 'sum' };
    const created = await admin.request({ method: 'POST', url: '/api/indicators', payload: body });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ builtin: false, ownerRegionCode: '430400' });
    expect((await admin.request({ method: 'POST', url: '/api/indicators', payload: body })).json().code).toBe('indicator/duplicate_code');
    const badRatio = await admin.request({
      method: 'POST',
      url: '/api/indicators',
      payload: { ...body, code: 'x_share', aggregation: 'ratio', numeratorCode: 'rd_intensity', denominatorCode: 'gdp', scale: 100 },
    });
    expect(badRatio.json().code).toBe('indicator/invalid_operands');
    const structural = await admin.request({ method: 'PATCH', url: '/api/indicators/gdp', payload: { version: 1, unit: '亿元' } });
    expect(structural.statusCode).toBe(400);
    expect(structural.json().code).toBe('indicator/builtin_readonly');
    const display = await admin.request({
      method: 'PATCH',
      url: '/api/indicators/gdp',
      payload: { version: 1, caliber: '本市统计局年度公报' },
    });
    expect(display.statusCode, display.body).toBe(200);
    expect(display.json()).toMatchObject({ caliber: '本市统计局年度公报', unit: '万元', version: 2 });
    expect((await planner.request({ method: 'POST', url: '/api/indicators', payload: { ...body, code: 'other_x' } })).statusCode).toBe(403);
  });
});

describe('values and their history', () => {
  it('a correction supersedes the old value and keeps it in the history', async () => {
    const key = { indicatorCode: 'hitech_value_added', regionCode: '430422', period: '2017', kind: 'actual' };
    const first = await planner.request({ method: 'POST', url: '/api/indicators/values', payload: { ...key, value: 1200.5 } });
    expect(first.statusCode, first.body).toBe(200);
    const again = await planner.request({ method: 'POST', url: '/api/indicators/values', payload: { ...key, value: '1200.50' } });
    expect(again.json().id).toBe(first.json().id); // equal value: nothing new
    const stale = await planner.request({
      method: 'POST',
      url: '/api/indicators/values',
      payload: { ...key, value: 1300, replaces: 999999 },
    });
    expect(stale.json().code).toBe('common/conflict');
    const fixed = await planner.request({
      method: 'POST',
      url: '/api/indicators/values',
      payload: { ...key, value: 1300, note: '统计局修订', replaces: first.json().id },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const hist = await planner.request({
      method: 'GET',
      url: '/api/indicators/values/history?indicator=hitech_value_added&region=430422&period=2017&kind=actual',
    });
    const versions = hist.json().versions as Array<Record<string, unknown>>;
    expect(versions.map((v) => v.value)).toEqual([1300, 1200.5]);
    expect(versions[0]).toMatchObject({ supersededAt: null, note: '统计局修订', recordedBy: '王规划', source: 'manual' });
    expect(versions[1]).toMatchObject({ supersededBy: fixed.json().id });
    expect(versions[1]?.supersededAt).toEqual(expect.any(String));
    const out = await planner.request({
      method: 'POST',
      url: '/api/indicators/values',
      payload: { ...key, regionCode: '430102', value: 1 },
    });
    expect(out.statusCode).toBe(403);
  });
});

describe('import', () => {
  it('reports every bad row and writes nothing', async () => {
    const before = await valueCount();
    const audits = await t.count('audit_log');
    const file = csv([
      head,
      ['rd_expenditure', '430405', '2019', '实际', '12000', ''],
      ['no_such_code', '430405', '2019', '实际', '1', ''],
      ['gdp', '990000', '2019', '实际', '1', ''],
      ['gdp', '420102', '2019', '实际', '1', ''],
      ['gdp', '430405', '2019', '实际', '十二', ''],
      ['rd_expenditure', '430405', '2019', '实际', '13000', ''],
      ['gdp', '430405', '2025年', '实际', '1', ''],
      ['gdp', '430406', '2019', '预计', '1', ''],
    ]);
    const res = await upload(planner, file, false);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('indicator/import_rows_invalid');
    const errs = body.rowErrors as Array<{ row: number; column: string; message: string }>;
    expect(errs.map((e) => [e.row, e.column])).toEqual([
      [3, '指标代码'],
      [4, '地区代码'],
      [5, '地区代码'],
      [6, '数值'],
      [7, ''],
      [8, '期间'],
      [9, '类型'],
    ]);
    expect(errs[1]?.message).toContain('不存在');
    expect(errs[2]?.message).toContain('管辖范围');
    expect(errs[4]?.message).toContain('第 2 行重复');
    expect(await valueCount()).toBe(before);
    expect(await t.count('audit_log')).toBe(audits);
    const dry = await upload(planner, file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ applied: false, errors: expect.arrayContaining([expect.objectContaining({ row: 3 })]) });
  });

  it('applies a valid file in one go; a city R&D intensity is ΣR&D / ΣGDP of its counties', async () => {
    const rows = [
      head,
      ['rd_expenditure', '430405', '2019', '实际', '12000', ''],
      ['rd_expenditure', '430422', '2019', '实际', '34000', ''],
      ['研发经费投入', '430481', '2019', '实际', '5000', '按名称'],
      ['gdp', '430405', '2019', '实际', '1000000', ''],
      ['gdp', '430422', '2019', '实际', '2500000', ''],
      ['gdp', '430481', '2019', '实际', '500000', ''],
      ['rd_intensity', '430400', '2019', '目标', '2.2', '衡阳市2025年工作要点'],
    ];
    const before = await valueCount();
    const dry = await upload(planner, csv(rows), true);
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, created: 7, errors: [] });
    expect(await valueCount()).toBe(before); // the dry run wrote nothing
    const res = await upload(planner, csv(rows), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, rows: 7, created: 7, corrected: 0, unchanged: 0 });
    const audit = await t.database.db.selectFrom('audit_log').select(['after']).where('action', '=', 'indicator.import').execute();
    expect(audit).toHaveLength(1);

    const rank = await planner.request({ method: 'GET', url: '/api/indicators/ranking?indicator=rd_intensity&region=430400&period=2019' });
    expect(rank.statusCode, rank.body).toBe(200);
    const r = rank.json();
    // 51000 / 4000000 × 100 = 1.275 (the mean of 1.2, 1.36 and 1 would be 1.1867)
    expect(r.parent).toEqual({ value: 1.275, origin: 'derived', source: null, coverage: { covered: 3, total: 15 } });
    expect(
      r.rows.slice(0, 3).map((x: { regionCode: string; rank: number; value: { value: number } }) => [x.regionCode, x.rank, x.value.value]),
    ).toEqual([
      ['430422', 1, 1.36],
      ['430405', 2, 1.2],
      ['430481', 3, 1],
    ]);
    expect(r.rows[3].rank).toBeNull();

    const profile = await planner.request({ method: 'GET', url: '/api/indicators/profile?region=430400&fromYear=2018&toYear=2019' });
    expect(profile.statusCode, profile.body).toBe(200);
    const row = profile.json().rows.find((x: { indicator: { code: string } }) => x.indicator.code === 'rd_intensity');
    expect(row.cells[1]).toMatchObject({
      period: '2019',
      actual: { value: 1.275, origin: 'derived' },
      target: { value: 2.2, origin: 'stored', source: 'file' },
    });
    expect(row.cells[1].attainment).toBe(57.95);

    const cmp = await planner.request({
      method: 'GET',
      url: '/api/indicators/comparison?regions=430405,430422&indicators=rd_intensity,gdp&period=2019',
    });
    expect(cmp.statusCode, cmp.body).toBe(200);
    const cell = (region: string, ind: string) =>
      cmp.json().cells.find((c: { regionCode: string; indicatorCode: string }) => c.regionCode === region && c.indicatorCode === ind);
    expect(cell('430422', 'rd_intensity').radar).toBe(100);
    expect(cell('430405', 'gdp').radar).toBe(40);
  });

  it('exports to .xlsx and the export imports back unchanged', async () => {
    const res = await planner.request({ method: 'GET', url: '/api/indicators/values/export?region=430400' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const current = Number(
      (
        await t.database.db
          .selectFrom('indicator_value')
          .select((e) => e.fn.countAll().as('n'))
          .where('superseded_at', 'is', null)
          .where('region_code', 'like', '4304%')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(book.worksheets[0]?.rowCount).toBe(current + 1);
    const back = await upload(planner, res.rawPayload, true, 'export.xlsx');
    expect(back.json()).toMatchObject({ rows: current, created: 0, corrected: 0, unchanged: current, errors: [] });
  });
});

describe('plan targets side by side', () => {
  it('shows the targets of plans in scope and of published plans elsewhere', async () => {
    const db = t.database.db;
    const seeds: Array<[string, string, number, boolean]> = [
      ['430100', '长沙市2021年科技创新工作要点', 2.9, false],
      ['430900', '益阳市2021年科技工作要点', 2.5, false],
      ['430400', '衡阳市2021年科技工作要点', 2.2, false],
      ['421200', '咸宁市2021年科技工作要点', 1.3, true],
    ];
    for (const [region, title, value, published] of seeds) {
      const { id } = await db
        .insertInto('plan')
        .values({ region_code: region, title, year: 2021, kind: 'plan', status: published ? 'published' : 'draft' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('plan_target')
        .values({
          plan_id: id,
          indicator_name: '研发投入强度',
          indicator_code: 'rd_intensity',
          value,
          unit: '%',
          normalized_value: value,
          normalized_unit: '%',
          kind: 'share',
          target_year: 2021,
        })
        .execute();
    }
    const res = await province.request({ method: 'GET', url: '/api/indicators/plan-targets?indicator=rd_intensity' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { regionName: string; normalizedValue: number }) => [i.regionName, i.normalizedValue])).toEqual([
      ['长沙市', 2.9],
      ['益阳市', 2.5],
      ['衡阳市', 2.2],
      ['咸宁市', 1.3],
    ]);
    const city = await planner.request({ method: 'GET', url: '/api/indicators/plan-targets?indicator=rd_intensity' });
    expect(city.json().items.map((i: { regionName: string }) => i.regionName)).toEqual(['衡阳市', '咸宁市']);
  });
});

describe('registry as a source', () => {
  it('counts high-value invention patents from the enterprises’ IP records (§4 criteria, valid on 31 December)', async () => {
    const first = '91430426MA4H00001';
    const created = await admin.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: `${first}${usccCheckChar(first)}`, name: '祁东高价值专利企业', regionCode: '430426' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const ip = (number: string, extra: Record<string, unknown>) =>
      admin.request({
        method: 'POST',
        url: `/api/enterprises/${id}/ip-items`,
        payload: {
          number,
          kind: 'invention_patent',
          grantDate: '2022-01-10',
          filingDate: '2020-01-10',
          domestic: true,
          owned: true,
          ...extra,
        },
      });
    for (const [n, extra] of [
      ['ZL1', { overseasFamily: true }],
      ['ZL2', { pledgeFinancingFen: 1_000_000_000 }],
      ['ZL3', { pledgeFinancingFen: 999_999_999 }], // below 1000万元: not high-value
      ['ZL4', { strategicEmergingIndustry: true, grantDate: '2026-02-01' }], // granted after 2025-12-31
      ['ZL5', { kind: 'utility_model', strategicEmergingIndustry: true }],
    ] as const) {
      const res = await ip(n, extra);
      expect(res.statusCode, res.body).toBe(200);
    }
    const before = (
      await planner.request({ method: 'POST', url: '/api/indicators/registry-sync', payload: { region: '430400', year: 2025 } })
    ).json();
    const at = (values: Array<{ indicatorCode: string; regionCode: string; value: number }>, region: string) =>
      values.find((v) => v.indicatorCode === 'high_value_invention_patents' && v.regionCode === region)?.value;
    expect(at(before.values, '430426')).toBe(2);
    expect(at(before.values, '430400')).toBeGreaterThanOrEqual(2);
    const profile = await planner.request({ method: 'GET', url: '/api/indicators/profile?region=430426&fromYear=2025&toYear=2025' });
    const row = profile.json().rows.find((x: { indicator: { code: string } }) => x.indicator.code === 'high_value_invention_patents');
    expect(row.cells[0].actual).toMatchObject({ value: 2, source: 'registry' });
  });

  it('writes enterprise counts of the registry as actual values', async () => {
    const res = await planner.request({ method: 'POST', url: '/api/indicators/registry-sync', payload: { region: '430400', year: 2025 } });
    expect(res.statusCode, res.body).toBe(200);
    const { values } = res.json() as { values: Array<{ indicatorCode: string; regionCode: string; value: number }> };
    const city = values.find((v) => v.indicatorCode === 'hnte_count' && v.regionCode === '430400');
    const funnel = await planner.request({ method: 'GET', url: '/api/enterprises/funnel?region=430400&year=2025' });
    const hnte = funnel.json().rungs.find((r: { rung: string }) => r.rung === 'hnte').count;
    expect(hnte).toBeGreaterThan(0);
    expect(city?.value).toBe(hnte);
    const counties = values.filter((v) => v.indicatorCode === 'hnte_count' && v.regionCode !== '430400');
    expect(counties.reduce((s, v) => s + v.value, 0)).toBe(hnte);
    const profile = await planner.request({ method: 'GET', url: '/api/indicators/profile?region=430400&fromYear=2025&toYear=2025' });
    const row = profile.json().rows.find((x: { indicator: { code: string } }) => x.indicator.code === 'hnte_count');
    expect(row.cells[0].actual).toMatchObject({ value: hnte, origin: 'stored', source: 'registry' });
  });
});

describe('科技进步贡献率 (Solow residual, §4)', () => {
  it('computes from the stored 地区生产总值, 资本存量 and 从业人员数, and writes the value on request', async () => {
    const values = [
      ['gdp', '2020', '100'],
      ['gdp', '2025', '161.051'],
      ['capital_stock', '2020', '100'],
      ['capital_stock', '2025', '176.2341683'],
      ['employed_persons', '2020', '100'],
      ['employed_persons', '2025', '105.101005'],
    ] as const;
    await t.database.db.transaction().execute((tx) =>
      writeValues(
        tx,
        values.map(([indicatorCode, period, value]) => ({
          indicatorCode,
          regionCode: '430421',
          period,
          kind: 'actual' as const,
          value,
          source: 'manual' as const,
          sourceRef: null,
          note: null,
        })),
        { userId: null, via: 'test', now: new Date() },
      ),
    );
    const payload = { region: '430421', year: 2025, years: 5, alpha: 0.4, beta: 0.6 };
    const preview = await planner.request({ method: 'POST', url: '/api/indicators/st-progress', payload });
    expect(preview.statusCode, preview.body).toBe(200);
    // y 10%, k 12%, l 1%: a = 10 − 4.8 − 0.6 = 4.6 → 46%
    expect(preview.json()).toMatchObject({ outputGrowth: 10, contribution: 46, saved: false });
    const saved = await planner.request({ method: 'POST', url: '/api/indicators/st-progress', payload: { ...payload, save: true } });
    expect(saved.json().saved).toBe(true);
    const profile = await planner.request({ method: 'GET', url: '/api/indicators/profile?region=430421&fromYear=2025&toYear=2025' });
    const row = profile.json().rows.find((x: { indicator: { code: string } }) => x.indicator.code === 'st_progress_contribution');
    expect(row.cells[0].actual).toMatchObject({ value: 46, source: 'derived' });
    // another window without data: says what is missing, writes nothing
    const missing = await planner.request({
      method: 'POST',
      url: '/api/indicators/st-progress',
      payload: { ...payload, years: 6, save: true },
    });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('缺少资本存量2019年实际值');
    const viewer = await province.request({ method: 'POST', url: '/api/indicators/st-progress', payload: { ...payload, save: true } });
    expect(viewer.statusCode).toBe(403);
  });
});
