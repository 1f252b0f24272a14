import { jobQueueFor } from '@kechuang/core';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture, submitReportRow } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let f: PlanFixture;

async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
  f = await createPlanFixture(t.database.db);
  // 衡南 reports Q1 of the quarterly task on time; nobody reports the monthly task (耒阳 leads it)
  await submitReportRow(t.database.db, {
    planId: f.planId,
    nodeId: f.quarterly,
    orgId: f.hengnan,
    period: '2026Q1',
    periodEnd: '2026-03-31',
    dueDate: '2026-04-05',
    percent: 30,
  });
});
afterAll(async () => t?.close());

describe('进度通报', () => {
  let bulletinId = 0;

  it('starts the bulletin as a job (202), then archives it when the job has run, audited', async () => {
    const audits = await t.count('audit_log');
    const res = await planner.request({
      method: 'POST',
      url: `/api/plans/${f.planId}/bulletins`,
      payload: { asOf: '2026-04-10', periodLabel: '2026年第一季度', docNumber: '衡科通〔2026〕3号' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json();
    expect(started).toMatchObject({ kind: 'plan.bulletin', status: 'queued', result: null, error: null });
    // the queue of the test's server runs in this process: wait until it has nothing left
    await jobQueueFor(t.database.db)?.drain();
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${started.id}` })).json();
    expect(job).toMatchObject({ id: started.id, status: 'succeeded', progress: { done: 4, total: 4 }, error: null });
    expect(job.finishedAt).not.toBeNull();
    const b = job.result.bulletin;
    bulletinId = b.id;
    expect(b).toMatchObject({
      planId: f.planId,
      title: '关于《衡阳市2026年科技工作要点》2026年第一季度进展情况的通报',
      periodLabel: '2026年第一季度',
      asOf: '2026-04-10',
      generatedBy: '王规划',
      summary: { docNumber: '衡科通〔2026〕3号', tasks: 3, targets: 1 },
    });
    expect(b.summary.lagging).toBeGreaterThanOrEqual(1);
    expect(b.docxBytes).toBeGreaterThan(1000);
    // the request, and the bulletin archived by the job on the planner's behalf
    expect(await t.count('audit_log')).toBe(audits + 2);
    const trail = await t.database.db.selectFrom('audit_log').select(['action', 'actor_username']).orderBy('id', 'desc').limit(2).execute();
    expect(trail).toEqual([
      { action: 'plan.bulletin_generate', actor_username: 'planner' },
      { action: 'plan.bulletin_request', actor_username: 'planner' },
    ]);
    const list = await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/bulletins` });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([bulletinId]);
  });

  it('downloads a .docx in official layout: 红头, 文号, numbered sections, counts table and the lagging task named with its units', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/bulletins/${bulletinId}/docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
    const text = await docxText(res.rawPayload);
    expect(text).toContain('衡阳市科学技术局');
    expect(text).toContain('衡科通〔2026〕3号');
    expect(text).toContain('关于《衡阳市2026年科技工作要点》2026年第一季度进展情况的通报');
    const order = ['一、总体情况', '二、各板块进展', '三、指标完成情况', '四、滞后事项', '五、下一步工作'].map((h) => text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('共分解任务 3 项');
    expect(text).toMatch(/合计\s+3\s+100%/);
    const lagging = text.slice(text.indexOf('四、滞后事项'), text.indexOf('五、下一步工作'));
    expect(lagging).toContain('培育高新技术企业');
    expect(lagging).toContain('牵头单位：耒阳市人民政府');
    expect(lagging).toContain('逾期未报');
    expect(lagging).not.toContain('建设科技创新平台');
    expect(text).toContain('高新技术企业数');
    expect(text).toContain('（一）强化科技创新主体');
    // the font table names the fallbacks for machines without the 方正/GB2312 fonts
    const { unzipSync, strFromU8 } = await import('fflate');
    const fonts = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/fontTable.xml'] as Uint8Array);
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/>');
  });

  it('downloads an .xlsx with every task (status, reason, latest report) and every target against its goal', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/plans/${f.planId}/bulletins/${bulletinId}/xlsx` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const tasks = book.getWorksheet('任务进展') as ExcelJS.Worksheet;
    const rows = new Map<string, ExcelJS.CellValue[]>();
    tasks.eachRow((r, n) => {
      if (n > 2) rows.set(String(r.getCell(3).value), r.values as ExcelJS.CellValue[]);
    });
    expect([...rows.keys()].sort()).toEqual(['完善科技政策体系', '培育高新技术企业', '建设科技创新平台'].sort());
    const monthly = rows.get('培育高新技术企业') as ExcelJS.CellValue[];
    expect(monthly[5]).toBe('逾期未报');
    expect(String(monthly[6])).not.toBe('');
    expect(monthly[9]).toBe('未报送');
    const quarterly = rows.get('建设科技创新平台') as ExcelJS.CellValue[];
    expect(quarterly[8]).toBe('2026Q1');
    expect(quarterly[9]).toBe('已提交待审核');
    expect(quarterly[10]).toBe('按计划推进');
    const targets = book.getWorksheet('指标完成') as ExcelJS.Worksheet;
    expect(targets.getRow(3).getCell(1).value).toBe('高新技术企业数');
    expect(targets.getRow(3).getCell(4).value).toBe(600);
    expect(targets.getRow(3).getCell(3).value).toBe('家');
  });

  it('answers 404 for another plan’s bulletin and refuses reporters and other regions', async () => {
    const other = await createPlanFixture(t.database.db, { title: '另一份计划' });
    const res = await planner.request({ method: 'GET', url: `/api/plans/${other.planId}/bulletins/${bulletinId}/docx` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('bulletin/not_found');
    const reporter = await t.login('reporter.leiyang');
    expect((await reporter.request({ method: 'GET', url: `/api/plans/${f.planId}/bulletins` })).statusCode).toBe(403);
    const changsha = await t.login('planner.changsha');
    const gen = await changsha.request({ method: 'POST', url: `/api/plans/${f.planId}/bulletins`, payload: { periodLabel: '5月' } });
    expect(gen.statusCode).toBe(403);
    expect(gen.json().code).toBe('auth/out_of_scope');
  });

  it('shows a job to its creator and the planners of its region only', async () => {
    const res = await planner.request({ method: 'POST', url: `/api/plans/${f.planId}/bulletins`, payload: { periodLabel: '二次' } });
    const { id } = res.json();
    await jobQueueFor(t.database.db)?.drain();
    const admin = await t.login('admin');
    expect((await admin.request({ method: 'GET', url: `/api/jobs/${id}` })).statusCode).toBe(200);
    const changsha = await t.login('planner.changsha');
    const other = await changsha.request({ method: 'GET', url: `/api/jobs/${id}` });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('auth/out_of_scope');
    const viewer = await t.login('province');
    expect((await viewer.request({ method: 'GET', url: `/api/jobs/${id}` })).statusCode).toBe(403);
    const missing = await planner.request({ method: 'GET', url: '/api/jobs/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('job/not_found');
  });

  it('records a failed job with the stable code and its zh-CN text, and writes no bulletin', async () => {
    const bulletins = async () => (await t.database.db.selectFrom('plan_bulletin').select('id').execute()).length;
    const before = await bulletins();
    const me = await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'planner').executeTakeFirstOrThrow();
    // queued for a plan that is gone by the time the job runs
    const { id } = await t.database.db
      .insertInto('job')
      .values({
        kind: 'plan.bulletin',
        params: JSON.stringify({ planId: 999_999, input: { periodLabel: '失败' } }),
        created_by: me.id,
        region_code: '430400',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await jobQueueFor(t.database.db)?.drain();
    const job = (await planner.request({ method: 'GET', url: `/api/jobs/${id}` })).json();
    expect(job).toMatchObject({ status: 'failed', result: null, error: { code: 'plan/not_found' } });
    expect(job.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await bulletins()).toBe(before);
  });
});
