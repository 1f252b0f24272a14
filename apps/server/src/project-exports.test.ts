import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCall } from './project-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// Every list of the projects module exports to .xlsx with the list's own filters and scope.

let t: TestApp;
let planner: Client;
let enterprise: Client;
beforeAll(async () => {
  t = await createTestApp();
  [planner, enterprise] = await Promise.all([t.login('planner'), t.login('enterprise')]);
});
afterAll(async () => t?.close());

async function sheetRows(c: Client, url: string): Promise<unknown[][]> {
  const res = await c.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('project exports', () => {
  it('exports the calls a user sees, with the list filters; drafts only to the bureau', async () => {
    const published = await openCall(planner, t, { year: 2031, maxGrantFen: 12_345_600 });
    const mine = (await planner.request({ method: 'GET', url: `/api/project-calls/${published.id}` })).json();
    const rows = await sheetRows(planner, '/api/project-calls/export?year=2031');
    expect(rows[0]).toEqual(expect.arrayContaining(['申报指南', '资助强度上限（万元）']));
    expect(rows.slice(1)).toEqual([expect.arrayContaining([mine.title, 2031, '已发布', 12.3456])]);
    const draft = (
      await planner.request({
        method: 'POST',
        url: '/api/project-calls',
        payload: { ...(await import('./project-fixture.ts')).callBody(mine.programmeId, { year: 2031, title: '草稿指南（不外发）' }) },
      })
    ).json();
    expect(draft.status).toBe('draft');
    expect((await sheetRows(planner, '/api/project-calls/export?year=2031')).length).toBe(3);
    const seen = (await sheetRows(enterprise, '/api/project-calls/export?year=2031')).map((r) => r[0]);
    expect(seen).toContain(mine.title);
    expect(seen).not.toContain('草稿指南（不外发）');
  });

  it('exports 争资 with the amounts won in 万元', async () => {
    const up = (
      await planner.request({
        method: 'POST',
        url: '/api/project-upward',
        payload: {
          regionCode: '430400',
          orgName: '衡阳衡山科学仪器有限公司',
          title: '光谱仪核心部件攻关',
          level: 'national',
          programmeName: '国家重点研发计划',
          year: 2031,
          recommendedOn: '2031-03-01',
        },
      })
    ).json();
    await planner.request({
      method: 'POST',
      url: `/api/project-upward/${up.id}/result`,
      payload: { version: up.version, status: 'won', wonFen: 150_000_000 },
    });
    const rows = await sheetRows(planner, '/api/project-upward/export?year=2031');
    expect(rows.slice(1)).toEqual([
      [2031, '光谱仪核心部件攻关', '衡阳衡山科学仪器有限公司', '430400', '国家', '国家重点研发计划', '2031-03-01', '获得立项', 150],
    ]);
    expect((await enterprise.request({ method: 'GET', url: '/api/project-upward/export' })).statusCode).toBe(403);
  });
});
