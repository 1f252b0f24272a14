import { usccCheckChar } from '@kechuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// 科技型中小企业 入库登记编号 and 撤销 (国科火字〔2019〕87号; 国科发政〔2017〕115号 第十四条).
let t: TestApp;
let admin: Client;
let seq = 0;

function uscc(): string {
  const first = `91430407MA7${String(++seq).padStart(6, '0')}`;
  return `${first}${usccCheckChar(first)}`;
}
async function create(): Promise<number> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/enterprises',
    payload: { uscc: uscc(), name: `入库企业${seq}`, regionCode: '430407' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}
const register = (id: number, year: number, number: string, registeredOn = `${year}-04-01`) =>
  admin.request({ method: 'POST', url: `/api/enterprises/${id}/tech-sme-registrations`, payload: { year, number, registeredOn } });
const revoke = (id: number, registrationId: number, revokedOn: string, reason = 'credit_listing') =>
  admin.request({
    method: 'POST',
    url: `/api/enterprises/${id}/tech-sme-registrations/${registrationId}/revoke`,
    payload: { revokedOn, reason },
  });
const techSmeCondition = async (id: number, at: string, cid: string) => {
  const res = await admin.request({ method: 'GET', url: `/api/enterprises/${id}/assessment?at=${at}` });
  expect(res.statusCode, res.body).toBe(200);
  const pack = res.json().result.assessments.find((a: { program: string }) => a.program === 'techSme');
  return pack.conditions.find((c: { id: string }) => c.id === cid);
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('科技型中小企业 入库登记编号', () => {
  it('registers a number valid to 31 December of its year, with a ladder status and one audit row', async () => {
    const id = await create();
    const audits = await t.count('audit_log');
    const res = await register(id, 2025, '2025430407A0001');
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.techSmeRegistrations).toEqual([
      {
        id: expect.any(Number),
        year: 2025,
        number: '2025430407A0001',
        registeredOn: '2025-04-01',
        revokedOn: null,
        revocationReason: null,
        revocationNote: null,
      },
    ]);
    expect(
      detail.statuses.map((s: { rung: string; reference: string; validFrom: string; validTo: string }) => [
        s.rung,
        s.reference,
        s.validFrom,
        s.validTo,
      ]),
    ).toEqual([['techSme', '2025430407A0001', '2025-04-01', '2025-12-31']]);
    expect(await t.count('audit_log')).toBe(audits + 1);
  });

  it('refuses a second number for the same year and a number in use, writing nothing', async () => {
    const id = await create();
    expect((await register(id, 2025, '2025430407A0002')).statusCode).toBe(200);
    const audits = await t.count('audit_log');
    const again = await register(id, 2025, '2025430407A0003');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('enterprise/tech_sme_year_registered');
    const other = await create();
    const taken = await register(other, 2025, '2025430407A0002');
    expect(taken.json().code).toBe('enterprise/tech_sme_number_taken');
    expect(await t.count('audit_log')).toBe(audits + 1); // the enterprise created, nothing else
    const bad = await register(other, 2025, 'A1', '2024-12-31');
    expect(bad.statusCode).toBe(400);
  });
});

describe('撤销登记编号: 当年不得再次参与评价', () => {
  it('ends the status the day before, bars the same year, and allows the next year', async () => {
    const id = await create();
    const reg = (await register(id, 2026, '2026430407A0001', '2026-03-01')).json().techSmeRegistrations[0];
    expect((await techSmeCondition(id, '2026-04-01', 'techSme.revocation')).status).toBe('met');

    const res = await revoke(id, reg.id, '2026-06-01');
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.techSmeRegistrations[0]).toMatchObject({ revokedOn: '2026-06-01', revocationReason: 'credit_listing' });
    expect(detail.statuses[0]).toMatchObject({ rung: 'techSme', validFrom: '2026-03-01', validTo: '2026-05-31' });

    // the same year: refused with the rule in zh-CN; the next year: allowed
    const barred = await register(id, 2026, '2026430407A0009', '2026-09-01');
    expect(barred.statusCode).toBe(409);
    expect(barred.json()).toMatchObject({
      code: 'enterprise/tech_sme_reapply_barred',
      title: '被撤销登记编号的企业当年不得再次参与科技型中小企业评价',
      detail: '入库登记编号2026430407A0001已于2026-06-01被撤销，当年不得再次参与评价，可于2027年起重新登记',
    });

    // the assessment says so for dates in 2026, not from 1 January 2027
    const c = await techSmeCondition(id, '2026-08-01', 'techSme.revocation');
    expect(c.status).toBe('unmet');
    expect(c.hint).toBe('入库登记编号（编号2026430407A0001）已于2026-06-01被撤销，当年不得再次参与评价，可于2027年起重新参与');
    expect((await techSmeCondition(id, '2027-01-01', 'techSme.revocation')).status).toBe('met');
    expect((await register(id, 2027, '2027430407A0001', '2027-03-01')).statusCode).toBe(200);
  });

  it('refuses a second revocation, a date not after 入库, and an unknown registration', async () => {
    const id = await create();
    const reg = (await register(id, 2026, '2026430407A0002', '2026-03-01')).json().techSmeRegistrations[0];
    expect((await revoke(id, reg.id, '2026-03-01')).statusCode).toBe(400);
    expect((await revoke(id, reg.id, '2026-05-01')).statusCode).toBe(200);
    const twice = await revoke(id, reg.id, '2026-07-01');
    expect(twice.json().code).toBe('enterprise/tech_sme_already_revoked');
    expect((await revoke(id, 999_999, '2026-07-01')).json().code).toBe('enterprise/tech_sme_registration_not_found');
  });
});
