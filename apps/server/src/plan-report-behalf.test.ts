import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// 代为填报: a bureau planner enters a unit's progress report for it (sent by e-mail or on paper).
// The report belongs to the unit; the submitter on record is the planner.

let t: TestApp;
let f: PlanFixture;
let planner: Client;
let leiyang: Client;
let hengnan: Client;
let changsha: Client;
const period = '2026-03';

beforeAll(async () => {
  t = await createTestApp();
  f = await createPlanFixture(t.database.db, { title: '代为填报测试计划' });
  [planner, leiyang, hengnan, changsha] = await Promise.all([
    t.login('planner'),
    t.login('reporter.leiyang'),
    t.login('reporter.hengnan'),
    t.login('planner.changsha'),
  ]);
});
afterAll(async () => t?.close());

/** The reports of the fixture plan, every version and status. */
const reportCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('progress_report')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('plan_id', '=', f.planId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const draftFor = (c: Client, body: Record<string, unknown>) =>
  c.request({ method: 'POST', url: '/api/plan-reports', payload: { nodeId: f.monthly, period, ...body } });

describe('a planner reports on a unit’s behalf', () => {
  let reportId = 0;

  it('creates, saves and submits 耒阳’s report: the unit owns it, the planner is the submitter', async () => {
    const created = await draftFor(planner, { orgId: f.leiyang, narrative: '据耒阳市报送的纸质材料录入', percent: 20 });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', version: 1, orgId: f.leiyang, orgName: '耒阳市人民政府', percent: 20 });
    reportId = draft.id;

    // 耒阳 itself sees the draft the bureau keeps for it
    const own = await leiyang.request({ method: 'GET', url: `/api/plan-reports/${reportId}` });
    expect(own.statusCode, own.body).toBe(200);

    const saved = await planner.request({
      method: 'PATCH',
      url: `/api/plan-reports/${reportId}`,
      payload: {
        rowVersion: draft.rowVersion,
        narrative: '新认定高新技术企业 12 家（据耒阳市 4 月 3 日邮件）',
        percent: 35,
        selfStatus: 'on_track',
        values: [{ targetId: f.targetId, value: 212 }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ id: reportId, percent: 35, orgId: f.leiyang });

    const submitted = await planner.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/submit`,
      payload: { rowVersion: saved.json().rowVersion },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      id: reportId,
      status: 'submitted',
      orgId: f.leiyang,
      orgName: '耒阳市人民政府',
      submittedBy: '王规划',
      percent: 35,
    });

    // the task page of 耒阳 shows it among its reports, and the timeline names the planner
    const detail = (await leiyang.request({ method: 'GET', url: `/api/plans/${f.planId}/tasks/${f.monthly}` })).json();
    expect(detail.reports.find((r: { id: number }) => r.id === reportId)).toMatchObject({ orgId: f.leiyang, submittedBy: '王规划' });
    const event = detail.timeline.find((e: { kind: string; reportId: number }) => e.kind === 'report.submit' && e.reportId === reportId);
    expect(event).toMatchObject({ actorName: '王规划', detail: expect.objectContaining({ orgId: f.leiyang, period, onBehalf: true }) });

    // the audit trail names the planner as the one who submitted
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'report.submit')
      .where('entity_type', '=', 'progress_report')
      .where('entity_id', '=', String(reportId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_username).toBe('planner');
    expect(audit[0]?.after).toMatchObject({ orgId: f.leiyang, period, version: 1 });
  });

  it('耒阳’s inbox counts the period as reported (awaiting review), no longer overdue', async () => {
    const res = await leiyang.request({ method: 'GET', url: `/api/plan-inbox?planId=${f.planId}&asOf=2026-04-20` });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((i: { nodeId: number; orgId: number }) => i.nodeId === f.monthly && i.orgId === f.leiyang);
    expect(item).toBeDefined();
    const slot = item.slots.find((s: { period: string }) => s.period === period);
    expect(slot).toMatchObject({ state: 'submitted' });
    expect(item.percent).toBe(35);
    expect(res.json().counts.awaitingReview).toBeGreaterThanOrEqual(1);
    // the slots without any report before it are overdue; 2026-03 is not among them
    expect(item.slots.filter((s: { state: string }) => s.state === 'overdue').map((s: { period: string }) => s.period)).not.toContain(
      period,
    );
  });

  it('another unit can neither read 耒阳’s draft nor report for 耒阳', async () => {
    const draft = await draftFor(planner, { orgId: f.leiyang, period: '2026-04', narrative: '草稿', percent: 40 });
    expect(draft.statusCode, draft.body).toBe(200);
    const read = await hengnan.request({ method: 'GET', url: `/api/plan-reports/${draft.json().id}` });
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('report/not_found');
    const patch = await hengnan.request({
      method: 'PATCH',
      url: `/api/plan-reports/${draft.json().id}`,
      payload: { rowVersion: draft.json().rowVersion, narrative: '篡改', percent: 90 },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('auth/out_of_scope');

    const before = await reportCount();
    const forLeiyang = await draftFor(hengnan, { orgId: f.leiyang, period: '2026-05', narrative: '冒名填报', percent: 50 });
    expect(forLeiyang.statusCode).toBe(403);
    expect(forLeiyang.json().code).toBe('auth/out_of_scope');
    expect(await reportCount()).toBe(before);
    // its own unit stays open to it
    const ownUnit = await draftFor(hengnan, { orgId: f.hengnan, period: '2026-05', narrative: '衡南县自报', percent: 50 });
    expect(ownUnit.statusCode, ownUnit.body).toBe(200);
    expect(ownUnit.json().orgId).toBe(f.hengnan);
  });

  it('a planner of another city is refused, and so is a unit not assigned to the task', async () => {
    const before = await reportCount();
    const audits = await t.count('audit_log');
    const outside = await draftFor(changsha, { orgId: f.leiyang, period: '2026-06', narrative: '越权', percent: 10 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('auth/out_of_scope');

    // 耒阳 is not assigned the quarterly task (lead 衡南 only)
    const unassigned = await planner.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: { nodeId: f.quarterly, period: '2026-Q1', orgId: f.leiyang, narrative: '未分配单位', percent: 10 },
    });
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().code).toBe('report/not_assigned');
    expect(unassigned.json().title).toBe('该任务未分配给您的单位，不能报送');

    // without orgId the planner reports for the bureau itself, which is not assigned either
    const noOrg = await draftFor(planner, { period: '2026-06', narrative: '未指明单位', percent: 10 });
    expect(noOrg.json().code).toBe('report/not_assigned');

    // a changsha planner cannot submit or revise the 衡阳 report either
    const submit = await changsha.request({ method: 'POST', url: `/api/plan-reports/${reportId}/revise`, payload: {} });
    expect(submit.statusCode).toBe(403);
    expect(await reportCount()).toBe(before);
    expect(await t.count('audit_log')).toBe(audits);
  });
});
