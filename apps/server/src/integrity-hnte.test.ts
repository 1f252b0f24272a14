import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
});
afterAll(async () => t?.close());

const hnteOf = async (id: number, at: string) => {
  const res = await planner.request({ method: 'GET', url: `/api/enterprises/${id}/assessment?at=${at}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.assessments.find((a: { program: string }) => a.program === 'hnte');
};

describe('高企认定 respects an active integrity ban', () => {
  it('adds an unmet condition naming the record while the ban on 高企认定 runs, and nothing outside it', async () => {
    const db = t.database.db;
    const e = await db
      .selectFrom('enterprise')
      .select(['id', 'org_id'])
      .where('name', '=', '衡阳衡山科学仪器有限公司')
      .executeTakeFirstOrThrow();
    const clean = await hnteOf(e.id, '2026-06-01');
    expect(clean.conditions.map((c: { id: string }) => c.id)).not.toContain('hnte.integrity');

    const draft = (
      await planner.request({
        method: 'POST',
        url: '/api/integrity/records',
        payload: {
          subjectKind: 'org',
          orgId: e.org_id,
          listKind: 'black',
          misconductType: 'improper_means',
          severity: 'serious',
          measures: ['ban'],
          banScope: ['hnte'],
          periodStart: '2026-05-01',
          periodYears: 3,
          docNo: '衡科诚〔2026〕7号',
          decidedOn: '2026-05-01',
          occurredOn: '2026-04-01',
        },
      })
    ).json();
    await planner.request({ method: 'POST', url: `/api/integrity/records/${draft.id}/confirm`, payload: { version: draft.version } });

    const barred = await hnteOf(e.id, '2026-06-01');
    expect(barred.outcome).toBe('unlikely');
    expect(barred.conditions.find((c: { id: string }) => c.id === 'hnte.integrity')).toMatchObject({
      status: 'unmet',
      hint: expect.stringContaining('衡科诚〔2026〕7号'),
    });
    // before the ban starts, and after it ends, the assessment is as before
    expect((await hnteOf(e.id, '2026-04-30')).conditions.map((c: { id: string }) => c.id)).not.toContain('hnte.integrity');
    expect((await hnteOf(e.id, '2029-05-02')).conditions.map((c: { id: string }) => c.id)).not.toContain('hnte.integrity');
  });
});
