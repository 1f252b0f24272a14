import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, orgIdNamed, pdf } from './techmarket-test-kit.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
let planner: Client;
let seller: Client;
let reporter: Client;
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  planner = await t.login('planner');
  seller = await t.login('enterprise');
  reporter = await t.login('reporter.leiyang');
}, 120_000);
afterAll(async () => t?.close());

const orgId = (name: string) => orgIdNamed(t, name);

const draft = {
  name: '高精度光谱仪联合研发合同',
  subject: 'commissioned_development',
  buyerName: '长沙某智能装备有限公司',
  buyerRegionCode: '430104',
  contractAmountFen: 1_200_000_000, // 1200 万元
  techField: '先进制造',
  ipType: '技术秘密',
  socioGoal: '工业发展',
  signedOn: `${year}-03-01`,
};

const json = (c: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => callAs(t, c, method, url, payload);

describe('technology contract registration', () => {
  let id = 0;
  let version = 0;

  it('sets up a registration point and registers the seller', async () => {
    const point = await json(admin, 'POST', '/api/techmarket/points', {
      name: '潇湘科技要素大市场衡阳分中心',
      orgId: await orgId('衡阳市科学技术局'),
      regions: ['430400'],
    });
    expect(point.status).toBe(200);
    // outside the admin's region: refused, nothing written
    const before = await t.count('audit_log');
    const out = await json(admin, 'POST', '/api/techmarket/points', {
      name: '武汉登记点',
      orgId: await orgId('衡阳市科学技术局'),
      regions: ['420100'],
    });
    expect(out.body.code).toBe('auth/out_of_scope');
    expect(await t.count('audit_log')).toBe(before);
    // the same name twice: a clear 409, nothing written
    const twice = await json(admin, 'POST', '/api/techmarket/points', {
      name: '潇湘科技要素大市场衡阳分中心',
      orgId: await orgId('衡阳市科学技术局'),
      regions: ['430400'],
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'techmarket/point_exists']);
    expect(await t.count('audit_log')).toBe(before);
    // a contract before 卖方注册 is refused
    expect((await json(seller, 'POST', '/api/techmarket/contracts', draft)).body.code).toBe('techmarket/seller_not_registered');
    const s = await json(seller, 'POST', '/api/techmarket/sellers', {
      uscc: '91430408MA4L16XK37',
      kind: 'enterprise',
      contact: '赵企业 0734-1234567',
    });
    expect(s.status).toBe(200);
    expect((await json(seller, 'POST', '/api/techmarket/sellers', { kind: 'enterprise' })).body.code).toBe('techmarket/seller_exists');
    // a government office's reporter is no seller
    expect((await json(reporter, 'POST', '/api/techmarket/sellers', { kind: 'other' })).status).toBe(403);
  });

  it('keeps a draft, refuses submission without the written contract, and checks the file by its bytes', async () => {
    const c = await json(seller, 'POST', '/api/techmarket/contracts', draft);
    expect(c.status).toBe(200);
    id = c.body.id as number;
    version = c.body.version as number;
    expect(c.body.status).toBe('draft');
    expect(c.body.eligibleForPolicies).toBe(false);
    const before = await t.count('audit_log');
    expect((await json(seller, 'POST', `/api/techmarket/contracts/${id}/submit`, { version })).body.code).toBe(
      'techmarket/contract_file_required',
    );
    const fake = await seller.request({
      method: 'POST',
      url: `/api/techmarket/contracts/${id}/files?filename=${encodeURIComponent('合同.pdf')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('MZ not a pdf'),
    });
    expect(fake.json().code).toBe('techmarket/contract_file_type');
    expect(await t.count('audit_log')).toBe(before);
    const up = await seller.request({
      method: 'POST',
      url: `/api/techmarket/contracts/${id}/files?filename=${encodeURIComponent('合同.pdf')}`,
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode).toBe(200);
    const sub = await json(seller, 'POST', `/api/techmarket/contracts/${id}/submit`, { version });
    expect(sub.body.status).toBe('submitted');
    expect(sub.body.pointName).toBe('潇湘科技要素大市场衡阳分中心');
    version = sub.body.version as number;
  });

  it('lets only the point registrar act, asks for 补正, and takes the resubmission back as accepted with its 补正 date', async () => {
    // the seller cannot accept its own contract; another unit cannot see it
    expect((await json(seller, 'POST', `/api/techmarket/contracts/${id}/accept`, { version })).status).toBe(403);
    expect((await json(reporter, 'GET', `/api/techmarket/contracts/${id}`)).body.code).toBe('auth/out_of_scope');
    const acc = await json(planner, 'POST', `/api/techmarket/contracts/${id}/accept`, { version });
    expect(acc.body.status).toBe('accepted');
    version = acc.body.version as number;
    const acceptedOn = acc.body.acceptedOn as string;
    const due = new Date(`${acceptedOn}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(acc.body.dueOn).toBe(due.toISOString().slice(0, 10)); // 30 days (2000 办法 第十四条)
    // a stale version is a conflict and writes nothing
    expect(
      (await json(planner, 'POST', `/api/techmarket/contracts/${id}/correction`, { version: version - 1, note: '请补充技术方案' })).status,
    ).toBe(409);
    const cor = await json(planner, 'POST', `/api/techmarket/contracts/${id}/correction`, { version, note: '请补充双方盖章页' });
    expect(cor.body.status).toBe('correction_requested');
    const upd = await json(seller, 'PUT', `/api/techmarket/contracts/${id}`, {
      ...draft,
      projectSource: '企业自选',
      version: cor.body.version,
    });
    const re = await json(seller, 'POST', `/api/techmarket/contracts/${id}/submit`, { version: upd.body.version });
    expect(re.body.status).toBe('accepted');
    expect(re.body.correctedOn).toBe(acceptedOn); // the same bureau day in this test
    version = re.body.version as number;
  });

  it('refuses reasons of the wrong stage or not on the checklist, writing nothing', async () => {
    const before = await t.count('audit_log');
    const events = await t.database.db.selectFrom('tech_contract_event').select('id').where('contract_id', '=', id).execute();
    expect((await json(planner, 'POST', `/api/techmarket/contracts/${id}/refuse`, { version, codes: ['oral_contract'] })).body.code).toBe(
      'techmarket/refusal_stage',
    );
    expect((await json(planner, 'POST', `/api/techmarket/contracts/${id}/refuse`, { version, codes: ['no_such_reason'] })).body.code).toBe(
      'techmarket/unknown_refusal_reason',
    );
    expect(await t.count('audit_log')).toBe(before);
    expect(await t.database.db.selectFrom('tech_contract_event').select('id').where('contract_id', '=', id).execute()).toHaveLength(
      events.length,
    );
    const detail = await json(seller, 'GET', `/api/techmarket/contracts/${id}`);
    expect((detail.body.contract as { version: number }).version).toBe(version);
    const checklist = detail.body.refusalChecklist as { code: string; clause: string }[];
    expect(checklist.find((r) => r.code === 'seal_mismatch')?.clause).toContain('火炬中心');
  });

  it('registers it as 技术开发 with the equipment deducted, numbers it, and issues the 登记证明 with both amounts', async () => {
    const reg = await json(planner, 'POST', `/api/techmarket/contracts/${id}/register`, {
      version,
      subject: 'cooperative_development',
      costItems: [
        { kind: 'equipment', quantity: 1, unitCostFen: 150_000_000 },
        { kind: 'carrier', carrier: 'equipment_set', quantity: 3, unitCostFen: 50_000_000 },
      ],
    });
    expect(reg.status).toBe(200);
    expect(reg.body).toMatchObject({ status: 'registered', contractType: 'development', subtype: '合作开发', eligibleForPolicies: true });
    // 1200 − 150 (equipment) − 50 (the third set beyond the two the rule allows) = 1000 万元
    expect(reg.body.technicalAmountFen).toBe(1_000_000_000);
    expect(String(reg.body.registrationNo)).toMatch(new RegExp(`^${year}\\d{4}000001$`));
    const cert = await seller.request({ method: 'GET', url: `/api/techmarket/contracts/${id}/certificate` });
    expect(cert.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: cert.rawPayload })).value;
    expect(text).toContain('技术合同认定登记证明');
    expect(text).toContain('1200 万元');
    expect(text).toContain('1000 万元');
    expect(text).toContain('合作开发');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'tech_contract')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('techmarket.contract.register');
  });

  it('moves the region’s 技术合同成交额 (输出) and the buyer region’s 吸纳 at once', async () => {
    const value = async (code: string, region: string) =>
      (
        await t.database.db
          .selectFrom('indicator_value')
          .select('value')
          .where('indicator_code', '=', code)
          .where('region_code', '=', region)
          .where('period', '=', String(year))
          .where('superseded_at', 'is', null)
          .executeTakeFirst()
      )?.value;
    expect(Number(await value('tech_contract_turnover', '430408'))).toBe(1200);
    expect(Number(await value('tech_contract_turnover', '430400'))).toBe(1200);
    expect(Number(await value('tech_contract_turnover', '430000'))).toBe(1200);
    expect(Number(await value('tech_contract_absorbed', '430100'))).toBe(1200);
    expect(Number(await value('tech_contract_absorbed', '430400'))).toBe(0);
    const stats = await json(planner, 'GET', `/api/techmarket/stats?year=${year}&by=type`);
    expect(stats.body.total).toMatchObject({ count: 1, contractAmountFen: 1_200_000_000, technicalAmountFen: 1_000_000_000 });
    const absorbed = await json(planner, 'GET', `/api/techmarket/stats?year=${year}&direction=absorption`);
    expect((absorbed.body.total as { count: number }).count).toBe(0);
    // the statistical tables as .xlsx
    const xlsx = await planner.request({ method: 'GET', url: `/api/techmarket/stats.xlsx?year=${year}` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按合同类别', '按技术领域', '按卖方类型', '按登记月份']);
    const byType = book.getWorksheet('按合同类别');
    expect(byType?.getRow(3).values).toEqual([undefined, 1, '技术开发', 1, 1200, 1000, 100]);
    expect(byType?.getRow(4).getCell(2).value).toBe('合计');
    // sellers do not read the region's statistics; the province does
    expect((await json(seller, 'GET', `/api/techmarket/stats?year=${year}`)).status).toBe(403);
    const province = await t.login('province');
    expect(((await json(province, 'GET', `/api/techmarket/stats?year=${year}&region=430000`)).body.total as { count: number }).count).toBe(
      1,
    );
  });

  it('refuses a contract whose 补正 never came (不予登记), leaving it not eligible', async () => {
    const c = await json(seller, 'POST', '/api/techmarket/contracts', {
      ...draft,
      name: '未补正的技术服务合同',
      subject: 'technical_service',
    });
    const cid = c.body.id as number;
    await seller.request({
      method: 'POST',
      url: `/api/techmarket/contracts/${cid}/files?filename=c.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    let v = (await json(seller, 'POST', `/api/techmarket/contracts/${cid}/submit`, { version: c.body.version })).body.version as number;
    v = (await json(planner, 'POST', `/api/techmarket/contracts/${cid}/accept`, { version: v })).body.version as number;
    v = (
      await json(planner, 'POST', `/api/techmarket/contracts/${cid}/correction`, { version: v, note: '合同名称与权利义务不一致，请补正' })
    ).body.version as number;
    const refused = await json(planner, 'POST', `/api/techmarket/contracts/${cid}/refuse`, {
      version: v,
      codes: ['name_mismatch_not_corrected'],
    });
    expect(refused.body).toMatchObject({ status: 'refused', eligibleForPolicies: false, refusalCodes: ['name_mismatch_not_corrected'] });
  });

  it('lists contracts to their seller and their registrar only', async () => {
    expect(((await json(seller, 'GET', '/api/techmarket/contracts')).body.total as number) >= 1).toBe(true);
    expect((await json(planner, 'GET', '/api/techmarket/contracts?status=registered')).body.total).toBe(1);
    expect((await json(planner, 'GET', '/api/techmarket/contracts?status=refused')).body.total).toBe(1);
    expect((await json(reporter, 'GET', '/api/techmarket/contracts')).body.total).toBe(0);
    const changsha = await t.login('planner.changsha');
    expect((await json(changsha, 'GET', '/api/techmarket/contracts')).body.total).toBe(0);
  });

  it('gives the registrar the written contract as uploaded, and the register as .xlsx with both amounts', async () => {
    const detail = (await json(planner, 'GET', `/api/techmarket/contracts/${id}`)).body as { files: { id: number; filename: string }[] };
    expect(detail.files.map((f) => f.filename)).toContain('合同.pdf');
    const fileId = detail.files[0]?.id as number;
    const got = await planner.request({ method: 'GET', url: `/api/techmarket/contracts/${id}/files/${fileId}` });
    expect(got.statusCode).toBe(200);
    expect(Buffer.from(got.rawPayload).equals(pdf)).toBe(true);
    const changsha = await t.login('planner.changsha');
    expect((await changsha.request({ method: 'GET', url: `/api/techmarket/contracts/${id}/files/${fileId}` })).statusCode).toBe(403);
    const sheet = await planner.request({ method: 'GET', url: '/api/techmarket/contracts.xlsx?status=registered' });
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(expect.arrayContaining(['登记编号', '合同成交额（万元）', '技术交易额（万元）']));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['已登记']));
  });
});
