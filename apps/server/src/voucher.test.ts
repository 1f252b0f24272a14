import { registerBanSource } from '@kechuang/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';
import { insertQuota, makeTechSme, newEnterprise, orgByName, providerFor, thisYear } from './voucher-fixture.ts';

/*
 * 科技创新券 over the API: an enterprise gets a quota, uses it on contracts with a listed provider, the provider
 * redeems with its evidence, the bureau batches and pays; every refusal writes nothing; two uses at the same
 * moment never overdraw a quota (with DATABASE_URL set this runs on PostgreSQL, where the requests really
 * overlap on a connection pool; on PGlite they take turns on its one connection).
 */

let t: TestApp;
let planner: Client;
let company: Client;
let institute: Client;
let entId: number;
let universityProvider: number;
const year = thisYear();
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

async function rows(table: 'voucher_quota' | 'voucher_use' | 'voucher_use_file' | 'voucher_provider' | 'voucher_batch'): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function audits(action: string): Promise<number> {
  const r = await t.database.db
    .selectFrom('audit_log')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The request is refused with this code and no voucher table or audit row changed. */
async function refusedUnchanged(send: () => Promise<{ statusCode: number; json(): { code: string } }>, status: number, code: string) {
  const tables = ['voucher_quota', 'voucher_use', 'voucher_use_file', 'voucher_provider', 'voucher_batch'] as const;
  const before = [await t.count('audit_log'), ...(await Promise.all(tables.map(rows)))];
  const res = await send();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json().code).toBe(code);
  expect([await t.count('audit_log'), ...(await Promise.all(tables.map(rows)))]).toEqual(before);
}

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
  company = await t.login('enterprise');
  institute = await t.login('institute');
  const db = t.database.db;
  entId = (await db.selectFrom('enterprise').select('id').where('name', '=', '衡阳衡山科学仪器有限公司').executeTakeFirstOrThrow()).id;
  const university = await orgByName(db, '南华大学');
  const res = await planner.request({
    method: 'POST',
    url: '/api/vouchers/providers',
    payload: { orgId: university.id, services: ['testing', 'rnd'], registeredOn: `${year}-01-10` },
  });
  expect(res.statusCode, res.body).toBe(200);
  universityProvider = res.json().id;
});
afterAll(async () => t?.close());

describe('quota application', () => {
  it('refuses an enterprise that is not a 科技型中小企业 this or last year, writing nothing', async () => {
    await t.database.db
      .updateTable('enterprise_status')
      .set({ valid_from: `${year - 3}-01-01`, valid_to: `${year - 2}-12-31` })
      .where('enterprise_id', '=', entId)
      .where('rung', '=', 'techSme')
      .execute();
    await refusedUnchanged(
      () =>
        company.request({
          method: 'POST',
          url: '/api/vouchers/quotas',
          payload: { holderKind: 'enterprise', year, requestedFen: 10_000_000 },
        }),
      400,
      'voucher/not_tech_sme',
    );
  });

  it('refuses an enterprise barred from vouchers by an integrity record, naming the reason', async () => {
    await makeTechSme(t.database.db, entId);
    const off = registerBanSource(async (_ctx, q) =>
      q.activity === 'voucher' && q.subject.kind === 'org' ? { barred: true, reason: '测试：限制申领创新券' } : { barred: false },
    );
    try {
      await refusedUnchanged(
        () =>
          company.request({
            method: 'POST',
            url: '/api/vouchers/quotas',
            payload: { holderKind: 'enterprise', year, requestedFen: 10_000_000 },
          }),
        400,
        'voucher/barred',
      );
    } finally {
      off();
    }
  });

  it('refuses more than the yearly cap of the city pack (30万 + 1 分)', async () => {
    await refusedUnchanged(
      () =>
        company.request({
          method: 'POST',
          url: '/api/vouchers/quotas',
          payload: { holderKind: 'enterprise', year, requestedFen: 30_000_001 },
        }),
      400,
      'voucher/over_cap',
    );
  });

  it('refuses a team below the minimum of core members', async () => {
    await refusedUnchanged(
      () =>
        planner.request({
          method: 'POST',
          url: '/api/vouchers/quotas',
          payload: {
            holderKind: 'team',
            teamName: '两人团队',
            teamIncubator: '衡阳高新区孵化器',
            teamMembers: 2,
            regionCode: '430408',
            year,
            requestedFen: 100,
          },
        }),
      400,
      'voucher/team_too_small',
    );
  });
});

describe('an enterprise gets a voucher, uses it and the provider redeems it', () => {
  let quotaId: number;
  let useId: number;

  it('applies for the cap exactly, once a year, and the bureau grants 20万', async () => {
    const res = await company.request({
      method: 'POST',
      url: '/api/vouchers/quotas',
      payload: { holderKind: 'enterprise', year, requestedFen: 30_000_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', packId: 'voucher-hengyang-draft', expiresOn: `${year}-12-31` });
    quotaId = res.json().id;
    await refusedUnchanged(
      () =>
        company.request({ method: 'POST', url: '/api/vouchers/quotas', payload: { holderKind: 'enterprise', year, requestedFen: 100 } }),
      409,
      'voucher/quota_exists',
    );
    await refusedUnchanged(
      () =>
        planner.request({ method: 'POST', url: `/api/vouchers/quotas/${quotaId}/grant`, payload: { version: 1, grantedFen: 30_000_001 } }),
      400,
      'voucher/over_cap',
    );
    const granted = await planner.request({
      method: 'POST',
      url: `/api/vouchers/quotas/${quotaId}/grant`,
      payload: { version: 1, grantedFen: 20_000_000 },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', grantedFen: 20_000_000, remainingFen: 20_000_000 });
    expect(await audits('voucher.quota.grant')).toBe(1);
  });

  const use = (contractAmountFen: number, extra: object = {}) =>
    company.request({
      method: 'POST',
      url: '/api/vouchers/uses',
      payload: {
        quotaId,
        providerId: universityProvider,
        service: 'testing',
        contractNo: `HT-${contractAmountFen}`,
        contractAmountFen,
        signedOn: `${year}-02-01`,
        notRelated: true,
        ...extra,
      },
    });

  it('covers half of a 30万 contract (15万), then the 5万 remainder of the next, then refuses', async () => {
    const first = await use(30_000_000);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ amountFen: 15_000_000, status: 'reserved', cutToRemainder: false });
    useId = first.json().id;
    const second = await use(20_000_000);
    expect(second.json()).toMatchObject({ amountFen: 5_000_000, cutToRemainder: true });
    await refusedUnchanged(() => use(1_000_000), 409, 'voucher/quota_exhausted');
    const q = await company.request({ method: 'GET', url: `/api/vouchers/quotas/${quotaId}` });
    expect(q.json()).toMatchObject({ usedFen: 20_000_000, remainingFen: 0 });
    // releasing the second voucher gives its amount back
    const cancelled = await company.request({
      method: 'POST',
      url: `/api/vouchers/uses/${second.json().id}/cancel`,
      payload: { version: 1 },
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await company.request({ method: 'GET', url: `/api/vouchers/quotas/${quotaId}` })).json().remainingFen).toBe(5_000_000);
  });

  it('refuses a provider not listed on the contract date, a service outside its scope, and a related party', async () => {
    await refusedUnchanged(() => use(100_000, { signedOn: `${year}-01-09` }), 400, 'voucher/provider_not_listed');
    await refusedUnchanged(() => use(100_000, { service: 'ip' }), 400, 'voucher/service_not_covered');
    const own = await orgByName(t.database.db, '衡阳衡山科学仪器有限公司');
    const self = await providerFor(t.database.db, own.id, '430408');
    await refusedUnchanged(() => use(100_000, { providerId: self }), 400, 'voucher/related_party');
  });

  it('lets the provider upload evidence and apply only with all three files', async () => {
    const upload = (kind: string, filename: string, body: Buffer, type = 'application/pdf') =>
      institute.request({
        method: 'POST',
        url: `/api/vouchers/uses/${useId}/files?kind=${kind}&filename=${encodeURIComponent(filename)}`,
        headers: { 'content-type': type },
        payload: body,
      });
    await refusedUnchanged(() => upload('contract', '合同.pdf', Buffer.from('not a pdf')), 400, 'voucher/file_type');
    expect((await upload('contract', '合同.pdf', pdf)).statusCode).toBe(200);
    expect((await upload('invoice', '发票.pdf', pdf)).statusCode).toBe(200);
    await refusedUnchanged(
      () => institute.request({ method: 'POST', url: `/api/vouchers/uses/${useId}/redemption`, payload: { version: 1 } }),
      400,
      'voucher/files_missing',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await upload('payment', '付款凭证.png', png, 'image/png')).statusCode).toBe(200);
    // the holder cannot apply in the provider's stead
    const wrong = await company.request({ method: 'POST', url: `/api/vouchers/uses/${useId}/redemption`, payload: { version: 1 } });
    expect(wrong.statusCode).toBe(403);
    const res = await institute.request({ method: 'POST', url: `/api/vouchers/uses/${useId}/redemption`, payload: { version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'redemption_requested',
      files: [{ kind: 'contract' }, { kind: 'invoice' }, { kind: 'payment' }],
    });
    const listed = await institute.request({ method: 'GET', url: '/api/vouchers/uses?status=redemption_requested' });
    expect(listed.json().items.map((u: { id: number }) => u.id)).toEqual([useId]);
  });

  it('is approved, batched in its quarter with the total, paid and exported', async () => {
    const approved = await planner.request({ method: 'POST', url: `/api/vouchers/uses/${useId}/approve`, payload: { version: 2 } });
    expect(approved.statusCode, approved.body).toBe(200);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    await refusedUnchanged(
      () =>
        planner.request({ method: 'POST', url: '/api/vouchers/batches', payload: { regionCode: '430400', year: year - 1, quarter: 4 } }),
      400,
      'voucher/batch_empty',
    );
    const batch = await planner.request({ method: 'POST', url: '/api/vouchers/batches', payload: { regionCode: '430400', year, quarter } });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ count: 1, totalFen: 15_000_000, status: 'open' });
    const paid = await planner.request({
      method: 'POST',
      url: `/api/vouchers/batches/${batch.json().id}/pay`,
      payload: { version: 1, paidOn: today },
    });
    expect(paid.json().status).toBe('paid');
    expect((await planner.request({ method: 'GET', url: `/api/vouchers/uses/${useId}` })).json().status).toBe('redeemed');
    const file = await planner.request({ method: 'GET', url: `/api/vouchers/batches/${batch.json().id}/export` });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(2).value).toBe('衡阳衡山科学仪器有限公司');
    expect(sheet?.getRow(3).getCell(1).value).toBe('合计');
    expect(sheet?.getRow(3).getCell(7).value).toBe(150000);
    for (const action of [
      'voucher.quota.apply',
      'voucher.use',
      'voucher.use.file',
      'voucher.redemption.request',
      'voucher.redemption.approve',
      'voucher.batch.create',
      'voucher.batch.pay',
    ]) {
      expect(await audits(action), action).toBeGreaterThan(0);
    }
  });

  it('shows the published registry without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/voucher-providers?region=430400' });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((p: { name: string }) => p.name)).toContain('南华大学');
  });
});

describe('two uses of one quota at the same moment', () => {
  it('never exceed the quota: one gets its cover, the other the remainder or a conflict', async () => {
    for (let round = 0; round < 5; round++) {
      const holder = await newEnterprise(t.database.db, '430408', (await orgByName(t.database.db, '衡阳衡山科学仪器有限公司')).id);
      await t.database.db
        .updateTable('enterprise')
        .set({ org_id: null })
        .where('id', '<>', holder)
        .where('org_id', '=', (await orgByName(t.database.db, '衡阳衡山科学仪器有限公司')).id)
        .execute();
      const q = await insertQuota(t.database.db, { region: '430408', enterpriseId: holder, grantedFen: 10_000_000n });
      const send = () =>
        company.request({
          method: 'POST',
          url: '/api/vouchers/uses',
          payload: {
            quotaId: q.id,
            providerId: universityProvider,
            service: 'rnd',
            contractNo: `C-${round}`,
            contractAmountFen: 16_000_000,
            signedOn: `${year}-03-01`,
            notRelated: true,
          },
        });
      const results = await Promise.all([send(), send()]);
      const ok = results.filter((r) => r.statusCode === 200).map((r) => r.json().amountFen as number);
      const refused = results.filter((r) => r.statusCode !== 200);
      for (const r of refused) expect([409]).toContain(r.statusCode);
      // the first gets 8万 (half of 16万); the second the 2万 left, or a conflict
      expect(ok).toContain(8_000_000);
      expect(ok.reduce((s, a) => s + a, 0)).toBeLessThanOrEqual(10_000_000);
      if (ok.length === 2) expect(ok.sort()).toEqual([2_000_000, 8_000_000]);
      const quota = await t.database.db
        .selectFrom('voucher_quota')
        .select(['used_fen', 'granted_fen'])
        .where('id', '=', q.id)
        .executeTakeFirstOrThrow();
      const uses = await t.database.db.selectFrom('voucher_use').select('amount_fen').where('quota_id', '=', q.id).execute();
      expect(Number(quota.used_fen)).toBe(uses.reduce((s, u) => s + Number(u.amount_fen), 0));
      expect(Number(quota.used_fen)).toBeLessThanOrEqual(Number(quota.granted_fen));
    }
  });
});

describe('scope', () => {
  it('keeps one enterprise out of another’s quota', async () => {
    const other = await insertQuota(t.database.db, { region: '430407', enterpriseId: await newEnterprise(t.database.db, '430407') });
    const res = await company.request({ method: 'GET', url: `/api/vouchers/quotas/${other.id}` });
    expect(res.statusCode).toBe(403);
  });
});
