import { usccCheckChar } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
let planner: Client;
let enterprise: Client;
let seq = 0;

function uscc(): string {
  const first = `91430405MA8${String(++seq).padStart(6, '0')}`;
  return `${first}${usccCheckChar(first)}`;
}
const at = '2026-06-01';
const patent = {
  number: 'ZL202210000001.1',
  kind: 'invention_patent',
  title: '一种测量装置',
  grantDate: '2022-04-01',
  expiryDate: '2042-01-01',
  domestic: true,
  owned: true,
  acquisition: 'own',
  coreToMainProduct: true,
};

async function create(region = '430405', extra: Record<string, unknown> = {}): Promise<{ id: number; uscc: string }> {
  const code = uscc();
  const res = await admin.request({
    method: 'POST',
    url: '/api/enterprises',
    payload: { uscc: code, name: `知识产权企业${seq}`, regionCode: region, registeredOn: '2018-03-15', ...extra },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().id, uscc: code };
}
async function condition(client: Client, id: number, cid: string): Promise<string> {
  const res = await client.request({ method: 'GET', url: `/api/enterprises/${id}/assessment?at=${at}` });
  expect(res.statusCode, res.body).toBe(200);
  const hnte = res.json().result.assessments.find((a: { program: string }) => a.program === 'hnte');
  return hnte.conditions.find((c: { id: string }) => c.id === cid).status;
}
async function count(table: 'enterprise_ip' | 'enterprise_incident' | 'enterprise_reserve_rules'): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function saveYear(id: number, year: number, figures: Record<string, unknown>) {
  const res = await admin.request({ method: 'PUT', url: `/api/enterprises/${id}/years/${year}`, payload: figures });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  planner = await t.login('planner');
  enterprise = await t.login('enterprise');
});
afterAll(async () => t?.close());

describe('IP items and incidents of a registered enterprise', () => {
  it('turns the IP condition from unknown into met, and back to unmet when the complete list is empty', async () => {
    const { id } = await create();
    expect(await condition(admin, id, 'hnte.c2')).toBe('unknown');
    const added = await admin.request({ method: 'POST', url: `/api/enterprises/${id}/ip-items`, payload: patent });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().ipItems).toMatchObject([{ number: patent.number, kind: 'invention_patent', grantDate: '2022-04-01' }]);
    expect(await condition(admin, id, 'hnte.c2')).toBe('met');

    const itemId = added.json().ipItems[0].id;
    const removed = await admin.request({ method: 'DELETE', url: `/api/enterprises/${id}/ip-items/${itemId}` });
    expect(removed.json().ipItems).toEqual([]);
    expect(await condition(admin, id, 'hnte.c2')).toBe('unknown');
    const declared = await admin.request({
      method: 'PUT',
      url: `/api/enterprises/${id}/disclosure`,
      payload: { ipComplete: true, incidentsComplete: false },
    });
    expect(declared.json().disclosure).toEqual({ ipComplete: true, incidentsComplete: false });
    expect(await condition(admin, id, 'hnte.c2')).toBe('unmet');
  });

  it('does not count a 实用新型 already used in an earlier 高企 application', async () => {
    const { id } = await create();
    const res = await admin.request({
      method: 'POST',
      url: `/api/enterprises/${id}/ip-items`,
      payload: { ...patent, number: 'ZL202220000002.X', kind: 'utility_model', usedInPriorHnte: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await condition(admin, id, 'hnte.c2')).toBe('unmet');
  });

  it('bars 第十一条（八） only for a declared major incident within the year before', async () => {
    const { id } = await create();
    expect(await condition(admin, id, 'hnte.c8')).toBe('unknown');
    const major = await admin.request({
      method: 'POST',
      url: `/api/enterprises/${id}/incidents`,
      payload: { date: '2026-01-10', kind: 'safety', severity: 'major', note: '车间火灾' },
    });
    expect(major.statusCode, major.body).toBe(200);
    // recorded, but the list is not declared complete: still unknown
    expect(await condition(admin, id, 'hnte.c8')).toBe('unknown');
    await admin.request({
      method: 'PUT',
      url: `/api/enterprises/${id}/disclosure`,
      payload: { ipComplete: false, incidentsComplete: true },
    });
    expect(await condition(admin, id, 'hnte.c8')).toBe('unmet');

    await admin.request({ method: 'DELETE', url: `/api/enterprises/${id}/incidents/${major.json().incidents[0].id}` });
    const minor = await admin.request({
      method: 'POST',
      url: `/api/enterprises/${id}/incidents`,
      payload: { date: '2026-02-01', kind: 'quality', severity: 'general' },
    });
    expect(minor.json().incidents).toMatchObject([{ date: '2026-02-01', kind: 'quality', severity: 'general', note: null }]);
    expect(await condition(admin, id, 'hnte.c8')).toBe('met');
    // an especially major one 366 days before no longer bars
    await admin.request({
      method: 'POST',
      url: `/api/enterprises/${id}/incidents`,
      payload: { date: '2025-05-31', kind: 'environment', severity: 'especially_major' },
    });
    expect(await condition(admin, id, 'hnte.c8')).toBe('met');
  });

  it('refuses a duplicate number, an unknown kind and a foreign item with a clear code, writing nothing', async () => {
    const { id } = await create();
    await admin.request({ method: 'POST', url: `/api/enterprises/${id}/ip-items`, payload: patent });
    const other = await create();
    const before = await count('enterprise_ip');
    const audits = await t.count('audit_log');
    const dup = await admin.request({ method: 'POST', url: `/api/enterprises/${id}/ip-items`, payload: patent });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('enterprise/duplicate_ip');
    const badKind = await admin.request({ method: 'POST', url: `/api/enterprises/${id}/ip-items`, payload: { ...patent, kind: 'idea' } });
    expect(badKind.statusCode).toBe(400);
    const badDates = await admin.request({
      method: 'POST',
      url: `/api/enterprises/${id}/ip-items`,
      payload: { ...patent, number: 'X-1', expiryDate: '2020-01-01' },
    });
    expect(badDates.statusCode).toBe(400);
    const foreign = await admin.request({ method: 'DELETE', url: `/api/enterprises/${other.id}/ip-items/1` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('enterprise/record_not_found');
    expect(await count('enterprise_ip')).toBe(before);
    expect(await t.count('audit_log')).toBe(audits);
  });

  it('lets the enterprise user keep its own records only, and the bureau within its region', async () => {
    const mine = (await enterprise.request({ method: 'GET', url: '/api/enterprises?pageSize=5' })).json().items[0].id;
    const own = await enterprise.request({
      method: 'POST',
      url: `/api/enterprises/${mine}/incidents`,
      payload: { date: '2025-03-03', kind: 'environment', severity: 'larger' },
    });
    expect(own.statusCode, own.body).toBe(200);
    const { id: other } = await create();
    const foreign = await enterprise.request({
      method: 'POST',
      url: `/api/enterprises/${other}/incidents`,
      payload: { date: '2025-03-03', kind: 'environment', severity: 'larger' },
    });
    expect(foreign.statusCode).toBe(403);
    const { id: wuhan } = await t.database.db
      .insertInto('enterprise')
      .values({ uscc: uscc(), name: '武汉企业', region_code: '420102' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const out = await planner.request({ method: 'POST', url: `/api/enterprises/${wuhan}/ip-items`, payload: patent });
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('auth/out_of_scope');
  });
});

describe('IP items and incidents in the workbook', () => {
  function importFile(bytes: Buffer, dryRun: boolean) {
    return admin.request({
      method: 'POST',
      url: `/api/enterprises/import?dryRun=${dryRun}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  }
  function book(ipRows: unknown[][], incidentRows: unknown[][]): ExcelJS.Workbook {
    const b = new ExcelJS.Workbook();
    b.addWorksheet('知识产权').addRows([
      ['统一社会信用代码', '专利号/登记号', '类型', '名称', '授权日期', '对主要产品发挥核心支持作用'],
      ...ipRows,
    ]);
    b.addWorksheet('事故记录').addRows([['统一社会信用代码', '发生日期', '类型', '等级', '说明'], ...incidentRows]);
    return b;
  }

  it('lists every bad row and writes nothing; a good file is applied and exported back', async () => {
    const { id, uscc: code } = await create();
    const unknownCode = uscc();
    const bad = book(
      [
        [code, 'ZL1', '发明专利', '装置', '2022-04-01', '是'],
        [code, 'ZL2', '专利', '', '2022-13-01', '也许'],
        [unknownCode, 'ZL3', '软件著作权', '', '', ''],
        [code, 'ZL1', '外观设计专利', '', '', ''],
      ],
      [[code, '2026-01-10', '安全事故', '严重', '']],
    );
    const ips = await count('enterprise_ip');
    const res = await importFile(Buffer.from(await bad.xlsx.writeBuffer()), false);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('enterprise/import_rows_invalid');
    const errors = res.json().rowErrors as Array<{ sheet: string; row: number; column: string; message: string }>;
    expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['知识产权', 3, '类型'],
      ['知识产权', 3, '对主要产品发挥核心支持作用'],
      ['知识产权', 4, '统一社会信用代码'],
      ['知识产权', 5, '专利号/登记号'],
      ['事故记录', 2, '等级'],
    ]);
    expect(errors[0]?.message).toBe('未知的知识产权类型“专利”');
    expect(await count('enterprise_ip')).toBe(ips);

    const good = book(
      [
        [code, 'ZL1', '发明专利', '装置', new Date(Date.UTC(2022, 3, 1)), '是'],
        [code, '2023SR000123', 'software_copyright', '控制软件', '2023-05-06', ''],
      ],
      [[code, '2026-01-10', '安全事故', '重大', '车间火灾']],
    );
    const ok = await importFile(Buffer.from(await good.xlsx.writeBuffer()), false);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ applied: true, ipItems: 2, incidents: 1, errors: [] });
    const detail = (await admin.request({ method: 'GET', url: `/api/enterprises/${id}` })).json();
    expect(detail.ipItems.map((i: { number: string; kind: string }) => [i.number, i.kind])).toEqual([
      ['ZL1', 'invention_patent'],
      ['2023SR000123', 'software_copyright'],
    ]);
    expect(detail.ipItems[0]).toMatchObject({ grantDate: '2022-04-01', coreToMainProduct: true });
    expect(detail.incidents).toMatchObject([{ date: '2026-01-10', kind: 'safety', severity: 'major', note: '车间火灾' }]);
    // importing the same file again changes nothing (upsert by number / date and kind)
    expect((await importFile(Buffer.from(await good.xlsx.writeBuffer()), false)).statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: `/api/enterprises/${id}` })).json().ipItems).toHaveLength(2);

    const exported = await admin.request({ method: 'GET', url: '/api/enterprises/export?region=430405' });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ipSheet = out.getWorksheet('知识产权');
    const rows = (ipSheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual([
      code,
      'ZL1',
      '发明专利',
      '装置',
      '2022-04-01',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      '是',
    ]);
    const incRows = (out.getWorksheet('事故记录')?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(incRows).toContainEqual([code, '2026-01-10', '安全事故', '重大', '车间火灾']);
  });
});

describe('reserve pool rules', () => {
  async function rulesOf(region: string, when?: string) {
    const res = await admin.request({ method: 'GET', url: `/api/enterprises/reserve/rules?region=${region}${when ? `&at=${when}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const figures = (rdWan: number) => ({
    employeesAvg: '100',
    techStaffAvg: '35',
    salesFen: 6000 * 1_000_000,
    totalIncomeFen: 6200 * 1_000_000,
    hitechIncomeFen: 4800 * 1_000_000,
    netAssetsFen: 5000 * 1_000_000,
    rdExpense: { personnelFen: rdWan * 1_000_000 },
  });

  it('falls back to the built-in default, then applies the region version in force with per-rule verdicts', async () => {
    // a county of its own, so other tests' enterprises do not interfere
    const region = '430426';
    const inherited = await rulesOf(region);
    expect(inherited.inForce.id === null || inherited.inForce.regionCode !== region).toBe(true);

    const near = await create(region, { name: '后备近企业' });
    const far = await create(region, { name: '后备远企业' });
    for (const y of [2023, 2024, 2025]) {
      await saveYear(near.id, y, figures(270)); // 4.5% of sales: 0.5 points short of 5%
      await saveYear(far.id, y, figures(120)); // 2%
    }
    const saved = await planner.request({
      method: 'PUT',
      url: '/api/enterprises/reserve/rules',
      payload: {
        regionCode: region,
        effectiveFrom: '2026-01-01',
        rules: { maxUnmet: null, rdWithinPoints: '1', requiredMet: ['hnte.c4'] },
        note: '研发占比差1个百分点以内',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().history[0]).toMatchObject({ version: 1, regionCode: region, rules: { rdWithinPoints: '1', maxUnmet: null } });

    const pool = await admin.request({ method: 'GET', url: `/api/enterprises/reserve?region=${region}&at=${at}` });
    expect(pool.statusCode, pool.body).toBe(200);
    const body = pool.json();
    expect(body.rules.version).toBe(1);
    expect(body.items.map((i: { enterprise: { id: number } }) => i.enterprise.id)).toEqual([near.id]);
    expect(body.items[0].verdicts.map((v: { rule: string; passed: boolean }) => [v.rule, v.passed])).toEqual([
      ['requiredMet', true],
      ['rdWithinPoints', true],
    ]);
    const out = body.excluded.find((x: { enterprise: { id: number } }) => x.enterprise.id === far.id);
    expect(out.failed.map((v: { rule: string }) => v.rule)).toEqual(['rdWithinPoints']);

    // before the effective date, the inherited (or built-in) rules apply
    const earlier = await admin.request({ method: 'GET', url: `/api/enterprises/reserve?region=${region}&at=2025-12-31` });
    expect(earlier.json().rules.regionCode).not.toBe(region);
  });

  it('keeps versions, refuses an effective date before the latest and a region outside the scope', async () => {
    const region = '430423';
    const put = (effectiveFrom: string, rules: Record<string, unknown>, client = planner, regionCode = region) =>
      client.request({ method: 'PUT', url: '/api/enterprises/reserve/rules', payload: { regionCode, effectiveFrom, rules } });
    expect((await put('2026-03-01', { maxUnmet: 2 })).statusCode).toBe(200);
    expect((await put('2026-07-01', { maxUnmet: 1, minScore: 60 })).statusCode).toBe(200);
    const rows = await count('enterprise_reserve_rules');
    const stale = await put('2026-02-01', { maxUnmet: 4 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('enterprise/reserve_rules_stale');
    const bad = await put('2026-08-01', { maxUnmet: -1 });
    expect(bad.statusCode).toBe(400);
    const foreign = await put('2026-08-01', { maxUnmet: 1 }, planner, '420102');
    expect(foreign.statusCode).toBe(403);
    expect(await count('enterprise_reserve_rules')).toBe(rows);

    expect((await rulesOf(region, '2026-06-30')).inForce).toMatchObject({ version: 1, rules: { maxUnmet: 2, minScore: null } });
    const later = await rulesOf(region, '2026-07-01');
    expect(later.inForce).toMatchObject({ version: 2, rules: { maxUnmet: 1, minScore: 60 } });
    expect(later.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'enterprise.reserve_rules.save')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});
