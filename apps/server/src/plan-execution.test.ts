import { createHash } from 'node:crypto';
import { uploadAttachment } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bureauDay, createExecPlan, type ExecPlan, orgIdOf, pdfBytes, planVersion, taskOf } from './plan-execution-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let leiyang: Client;
let hengnan: Client;
let viewer: Client;
let plan: ExecPlan;
const year = Number(bureauDay().slice(0, 4));
const ids = { bureau: 0, leiyang: 0, hengnan: 0, changsha: 0 };

beforeAll(async () => {
  t = await createTestApp();
  [planner, leiyang, hengnan, viewer] = await Promise.all([
    t.login('planner'),
    t.login('reporter.leiyang'),
    t.login('reporter.hengnan'),
    t.login('province'),
  ]);
  plan = await createExecPlan(planner, year);
  ids.bureau = await orgIdOf(t, '衡阳市科学技术局');
  ids.leiyang = await orgIdOf(t, '耒阳市人民政府');
  ids.hengnan = await orgIdOf(t, '衡南县人民政府');
  ids.changsha = await orgIdOf(t, '长沙市科学技术局');
});
afterAll(async () => t?.close());

const patchNode = async (nodeId: number, body: Record<string, unknown>, c: Client = planner) =>
  c.request({
    method: 'PATCH',
    url: `/api/plans/${plan.id}/nodes/${nodeId}`,
    payload: { version: await planVersion(t, plan.id), ...body },
  });

describe('plan editing with history', () => {
  it('edits a task schedule, keeps the previous state as a revision, and refuses a stale version', async () => {
    const t2 = taskOf(plan, '2');
    const v = await planVersion(t, plan.id);
    const res = await planner.request({
      method: 'PATCH',
      url: `/api/plans/${plan.id}/nodes/${t2}`,
      payload: {
        version: v,
        reason: '年中调整报送安排',
        leader: '张副局长',
        cycle: 'custom',
        customDueDates: [bureauDay(40), bureauDay(-10), bureauDay(3)],
        weight: 2,
        milestones: [{ title: '完成入库评价', due: `${year}-06-30`, done: false }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.version).toBe(v + 1);
    const node = body.nodes.find((n: { id: number }) => n.id === t2);
    expect(node).toMatchObject({
      leader: '张副局长',
      cycle: 'custom',
      weight: 2,
      customDueDates: [bureauDay(-10), bureauDay(3), bureauDay(40)],
    });
    expect(node.milestones).toEqual([{ title: '完成入库评价', due: `${year}-06-30`, done: false }]);

    const stale = await planner.request({ method: 'PATCH', url: `/api/plans/${plan.id}/nodes/${t2}`, payload: { version: v, weight: 3 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common/conflict');

    const revs = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/revisions` })).json();
    expect(revs.items[0]).toMatchObject({ version: v, reason: '年中调整报送安排', changedBy: '王规划' });
    const before = revs.items[0].snapshot.nodes.find((n: { id: number }) => n.id === t2);
    expect(before).toMatchObject({ leader: null, cycle: 'none', weight: 1 });
  });

  it('refuses a start after the due date and a custom cycle without dates, writing nothing', async () => {
    const t1 = taskOf(plan, '1');
    const v = await planVersion(t, plan.id);
    const bad = await patchNode(t1, { startDate: `${year}-09-01`, dueDate: `${year}-03-01` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('plan/invalid_schedule');
    expect((await patchNode(t1, { cycle: 'custom' })).json().code).toBe('plan/invalid_schedule');
    expect(await planVersion(t, plan.id)).toBe(v);
  });

  it('adds, reorders and removes tasks; meta edits and publishing bump the version', async () => {
    const s1 = plan.nodes.find((n) => n.number === '一')?.id as number;
    const added = await planner.request({
      method: 'POST',
      url: `/api/plans/${plan.id}/nodes`,
      payload: { version: await planVersion(t, plan.id), parentId: s1, title: '新增任务', number: '2-1', index: 0 },
    });
    expect(added.statusCode, added.body).toBe(200);
    const kids = added.json().nodes.filter((n: { parentId: number | null }) => n.parentId === s1);
    expect(kids.map((n: { title: string }) => n.title)).toEqual(['新增任务', '实施高新技术企业倍增计划', '壮大科技型中小企业']);
    const newId = kids[0].id;
    const order = [kids[1].id, kids[2].id, newId];
    const re = await planner.request({
      method: 'POST',
      url: `/api/plans/${plan.id}/reorder`,
      payload: { version: await planVersion(t, plan.id), parentId: s1, order },
    });
    expect(re.statusCode, re.body).toBe(200);
    expect(
      re
        .json()
        .nodes.filter((n: { parentId: number | null }) => n.parentId === s1)
        .map((n: { id: number }) => n.id),
    ).toEqual(order);
    const badOrder = await planner.request({
      method: 'POST',
      url: `/api/plans/${plan.id}/reorder`,
      payload: { version: await planVersion(t, plan.id), parentId: s1, order: order.slice(1) },
    });
    expect(badOrder.json().code).toBe('plan/invalid_order');
    const del = await planner.request({
      method: 'DELETE',
      url: `/api/plans/${plan.id}/nodes/${newId}?version=${await planVersion(t, plan.id)}&reason=重复`,
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().nodes.some((n: { id: number }) => n.id === newId)).toBe(false);

    const meta = await planner.request({
      method: 'PATCH',
      url: `/api/plans/${plan.id}`,
      payload: { version: await planVersion(t, plan.id), issuer: '衡阳市科学技术局' },
    });
    expect(meta.json().issuer).toBe('衡阳市科学技术局');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'plan')
      .where('entity_id', '=', String(plan.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['plan.update_node', 'plan.add_node', 'plan.reorder', 'plan.remove_node', 'plan.update']),
    );
  });
});

describe('assignments', () => {
  it('suggests organisations from the imported unit names', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/assignment-suggestions` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const t1 = s.tasks.find((x: { nodeId: number }) => x.nodeId === taskOf(plan, '1'));
    expect(t1.lead.map((o: { orgId: number }) => o.orgId)).toEqual([ids.bureau]);
    expect(t1.co.map((o: { orgId: number }) => o.orgId)).toEqual([ids.leiyang]);
    const t3 = s.tasks.find((x: { nodeId: number }) => x.nodeId === taskOf(plan, '3'));
    expect(t3.lead[0].orgId).toBe(ids.hengnan);
    expect(t3.unmatched).toEqual(['不存在的单位']);
    expect(s.orgs.some((o: { orgId: number }) => o.orgId === ids.changsha)).toBe(false);
  });

  it('assigns lead and co units within the plan region, on the timeline', async () => {
    const t1 = taskOf(plan, '1');
    const out = await planner.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/nodes/${t1}/assignments`,
      payload: { lead: [ids.changsha] },
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().code).toBe('plan/invalid_org');
    const both = await planner.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/nodes/${t1}/assignments`,
      payload: { lead: [ids.bureau], co: [ids.bureau] },
    });
    expect(both.json().code).toBe('plan/invalid_lead');
    for (const [n, lead, co] of [
      ['1', [ids.bureau], [ids.leiyang]],
      ['2', [ids.leiyang], []],
      ['3', [ids.hengnan], []],
    ] as const) {
      const res = await planner.request({
        method: 'PUT',
        url: `/api/plans/${plan.id}/nodes/${taskOf(plan, n)}/assignments`,
        payload: { lead, co },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().leadOrgs.map((o: { orgId: number }) => o.orgId)).toEqual(lead);
    }
    const events = await t.database.db
      .selectFrom('task_event')
      .selectAll()
      .where('node_id', '=', t1)
      .where('kind', '=', 'assign')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toMatchObject({
      assigned: expect.arrayContaining([expect.objectContaining({ orgId: ids.leiyang, role: 'co' })]),
    });
  });

  it('reporters cannot report before the plan is published, then can', async () => {
    const body = { nodeId: taskOf(plan, '2'), period: bureauDay(-10), narrative: '草稿' };
    const early = await leiyang.request({ method: 'POST', url: '/api/plan-reports', payload: body });
    expect(early.statusCode).toBe(403);
    const pub = await planner.request({
      method: 'POST',
      url: `/api/plans/${plan.id}/publish`,
      payload: { version: await planVersion(t, plan.id) },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published' });
    expect(pub.json().publishedAt).not.toBeNull();
  });
});

describe('reports, evidence and review', () => {
  let reportId = 0;
  let attachmentId = 0;
  const period = () => bureauDay(-10);

  it('two first saves of the same period at once make one draft, not a 500', async () => {
    const body = { nodeId: taskOf(plan, '2'), period: period(), narrative: '同时保存', percent: 10 };
    const both = await Promise.all([
      leiyang.request({ method: 'POST', url: '/api/plan-reports', payload: body }),
      leiyang.request({ method: 'POST', url: '/api/plan-reports', payload: body }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both[0]?.json().id).toBe(both[1]?.json().id);
    const rows = await t.database.db
      .selectFrom('progress_report')
      .select(['version', 'status'])
      .where('node_id', '=', taskOf(plan, '2'))
      .where('org_id', '=', ids.leiyang)
      .where('period', '=', period())
      .execute();
    expect(rows).toEqual([{ version: 1, status: 'draft' }]);
  });

  it('a reporter saves a draft for its own task; another unit is refused (403 auth/out_of_scope)', async () => {
    const target = plan.targets.find((x) => x.indicatorName === '科技型中小企业新增') as { id: number };
    const res = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: {
        nodeId: taskOf(plan, '2'),
        period: period(),
        narrative: '已完成入库 40 家',
        percent: 40,
        selfStatus: 'on_track',
        values: [{ targetId: target.id, value: 40 }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ status: 'draft', version: 1, orgId: ids.leiyang, percent: 40, dueDate: period() });
    expect(r.values).toEqual([{ targetId: target.id, indicatorName: '科技型中小企业新增', unit: '家', value: 40 }]);
    reportId = r.id;
    // saving again goes into the same draft
    const again = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: {
        nodeId: taskOf(plan, '2'),
        period: period(),
        narrative: '已完成入库 45 家',
        percent: 45,
        values: [{ targetId: target.id, value: 45 }],
      },
    });
    expect(again.json()).toMatchObject({ id: reportId, percent: 45 });

    for (const req of [
      { method: 'POST' as const, url: '/api/plan-reports', payload: { nodeId: taskOf(plan, '2'), period: period(), narrative: 'x' } },
      { method: 'GET' as const, url: `/api/plan-reports/${reportId}` },
      { method: 'GET' as const, url: `/api/plans/${plan.id}/tasks/${taskOf(plan, '2')}` },
      { method: 'PATCH' as const, url: `/api/plan-reports/${reportId}`, payload: { rowVersion: 1, narrative: 'x' } },
    ]) {
      const denied = await hengnan.request(req);
      expect(denied.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(denied.json().code).toBe('auth/out_of_scope');
    }
    const wrongPeriod = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: { nodeId: taskOf(plan, '2'), period: '1999-01', narrative: 'x' },
    });
    expect(wrongPeriod.json().code).toBe('report/invalid_period');
    const foreignTarget = plan.targets.find((x) => x.nodeId === null) as { id: number };
    const wrongTarget = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: { nodeId: taskOf(plan, '2'), period: period(), narrative: 'x', values: [{ targetId: foreignTarget.id, value: 1 }] },
    });
    expect(wrongTarget.json().code).toBe('report/invalid_target');
  });

  it('attaches evidence with type checks, sha256 and a download with Content-Disposition', async () => {
    const up = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/attachments?filename=${encodeURIComponent('入库名单.pdf')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: pdfBytes,
    });
    expect(up.statusCode, up.body).toBe(200);
    const a = up.json();
    expect(a).toMatchObject({
      filename: '入库名单.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      sha256: createHash('sha256').update(pdfBytes).digest('hex'),
    });
    attachmentId = a.id;
    const exe = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/attachments?filename=evil.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('report/attachment_type');
    const bat = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/attachments?filename=run.bat`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('echo'),
    });
    expect(bat.json().code).toBe('report/attachment_type');
    const down = await planner.request({ method: 'GET', url: `/api/plan-reports/${reportId}/attachments/${attachmentId}` });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(down.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('入库名单.pdf')}`);
    expect(Buffer.compare(down.rawPayload, pdfBytes)).toBe(0);
    const denied = await hengnan.request({ method: 'GET', url: `/api/plan-reports/${reportId}/attachments/${attachmentId}` });
    expect(denied.statusCode).toBe(403);
  });

  it('refuses uploads with a clear error when no file store is configured', async () => {
    await expect(
      uploadAttachment({ ...t.ctx(), files: undefined }, reportId, { filename: 'a.pdf', bytes: pdfBytes }),
    ).rejects.toMatchObject({
      code: 'report/storage_unavailable',
    });
  });

  it('submits; a submitted report is immutable', async () => {
    const cur = (await leiyang.request({ method: 'GET', url: `/api/plan-reports/${reportId}` })).json();
    const sub = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/submit`,
      payload: { rowVersion: cur.rowVersion },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', submittedBy: '李填报', onTime: false });
    const edit = await leiyang.request({
      method: 'PATCH',
      url: `/api/plan-reports/${reportId}`,
      payload: { rowVersion: sub.json().rowVersion, narrative: '改' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('report/not_draft');
    const attach = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/attachments?filename=b.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: pdfBytes,
    });
    expect(attach.json().code).toBe('report/not_draft');
    const reviewByReporter = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/accept`,
      payload: { rowVersion: sub.json().rowVersion },
    });
    expect(reviewByReporter.statusCode).toBe(403);
  });

  it('two reviewers at once: exactly one succeeds, the other gets 409 common/conflict', async () => {
    const admin = await t.login('admin');
    const cur = (await planner.request({ method: 'GET', url: `/api/plan-reports/${reportId}` })).json();
    const noComment = await planner.request({
      method: 'POST',
      url: `/api/plan-reports/${reportId}/return`,
      payload: { rowVersion: cur.rowVersion },
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().code).toBe('report/comment_required');
    const [a, b] = await Promise.all([
      planner.request({
        method: 'POST',
        url: `/api/plan-reports/${reportId}/return`,
        payload: { rowVersion: cur.rowVersion, comment: '请补充入库名单盖章件' },
      }),
      admin.request({ method: 'POST', url: `/api/plan-reports/${reportId}/accept`, payload: { rowVersion: cur.rowVersion } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('common/conflict');
    const final = (await planner.request({ method: 'GET', url: `/api/plan-reports/${reportId}` })).json();
    const winnerStatus = a.statusCode === 200 ? 'returned' : 'accepted';
    expect(final.status).toBe(winnerStatus);
    const reviews = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(reportId))
      .where('action', 'in', ['report.accept', 'report.return'])
      .execute();
    expect(reviews).toHaveLength(1);
    if (winnerStatus === 'accepted') {
      // make the rest of the story deterministic: correct it into a returned state
      await t.database.db
        .updateTable('progress_report')
        .set({ status: 'returned', review_comment: '请补充入库名单盖章件' })
        .where('id', '=', reportId)
        .execute();
      await t.database.db
        .updateTable('task_event')
        .set({ kind: 'report.return' })
        .where('report_id', '=', reportId)
        .where('kind', '=', 'report.accept')
        .execute();
    }
  });

  it('a returned report is revised into version 2 (evidence carried over), resubmitted and accepted', async () => {
    const rev = await leiyang.request({ method: 'POST', url: `/api/plan-reports/${reportId}/revise` });
    expect(rev.statusCode, rev.body).toBe(200);
    const v2 = rev.json();
    expect(v2).toMatchObject({ status: 'draft', version: 2, percent: 45 });
    expect(v2.attachments.map((x: { filename: string }) => x.filename)).toEqual(['入库名单.pdf']);
    const again = await leiyang.request({ method: 'POST', url: `/api/plan-reports/${reportId}/revise` });
    expect(again.json().code).toBe('report/not_revisable');
    const saved = await leiyang.request({
      method: 'PATCH',
      url: `/api/plan-reports/${v2.id}`,
      payload: {
        rowVersion: v2.rowVersion,
        narrative: '已补充盖章件，入库 50 家',
        percent: 50,
        values: v2.values.map((x: { targetId: number }) => ({ targetId: x.targetId, value: 50 })),
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await leiyang.request({
      method: 'PATCH',
      url: `/api/plan-reports/${v2.id}`,
      payload: { rowVersion: v2.rowVersion, narrative: 'x' },
    });
    expect(stale.json().code).toBe('common/conflict');
    const sub = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${v2.id}/submit`,
      payload: { rowVersion: saved.json().rowVersion },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const queue = (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/review-queue` })).json();
    expect(queue.items.map((x: { reportId: number }) => x.reportId)).toEqual([v2.id]);
    const acc = await planner.request({
      method: 'POST',
      url: `/api/plan-reports/${v2.id}/accept`,
      payload: { rowVersion: sub.json().rowVersion, comment: '同意' },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json()).toMatchObject({ status: 'accepted', reviewedBy: '王规划', reviewComment: '同意' });
    // the unit's reporter is told, once, with a link to the task
    const inbox = (await leiyang.request({ method: 'GET', url: '/api/notifications' })).json();
    // (version 1 may have been accepted by the winner of the race above: count version 2's)
    const accepted = inbox.items.filter((n: { kind: string; body: string }) => n.kind === 'report.accept' && n.body.includes('第 2 版'));
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ link: `/my-tasks?plan=${plan.id}&node=${taskOf(plan, '2')}` });
    expect(accepted[0].title).toContain('进度报送已采纳');
  });

  it('the task detail shows every version and the timeline of assignment, submissions and reviews', async () => {
    const res = await leiyang.request({ method: 'GET', url: `/api/plans/${plan.id}/tasks/${taskOf(plan, '2')}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.reports.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([
      [2, 'accepted'],
      [1, 'returned'],
    ]);
    expect(d.reports[1].superseded).toBe(true);
    const kinds = d.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['edit', 'assign', 'report.submit', 'report.return', 'report.revise', 'report.submit', 'report.accept']);
    // people by their display names, not their user names
    const who = (kind: string) => d.timeline.find((e: { kind: string }) => e.kind === kind)?.actorName;
    expect([who('assign'), who('report.submit'), who('report.accept')]).toEqual(['王规划', '李填报', '王规划']);
    // the unit's own submission is not marked as entered on its behalf
    expect(d.timeline.find((e: { kind: string }) => e.kind === 'report.submit')?.detail.onBehalf).toBe(false);
    expect(d.can).toEqual({ report: true, review: false, edit: false });
    expect(d.progress.percent).toBe(50);
    expect(d.targets[0]).toMatchObject({ actual: 50, actualSource: 'report', actualSourceLabel: `耒阳市人民政府 ${period()} 期报送` });
  });

  it('drafts stay private to their unit; viewers read submitted reports only', async () => {
    const draft = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: { nodeId: taskOf(plan, '2'), period: bureauDay(3), narrative: '下期草稿' },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await viewer.request({ method: 'GET', url: `/api/plan-reports/${draft.json().id}` })).json().code).toBe('report/not_found');
    expect((await viewer.request({ method: 'GET', url: `/api/plan-reports/${reportId}` })).statusCode).toBe(200);
    const incomplete = await leiyang.request({
      method: 'POST',
      url: `/api/plan-reports/${draft.json().id}/submit`,
      payload: { rowVersion: draft.json().rowVersion },
    });
    expect(incomplete.json().code).toBe('report/incomplete');
  });
});

describe('inbox', () => {
  it('the reporter sees its tasks with due-soon, overdue and draft slots, most urgent first', async () => {
    const res = await leiyang.request({ method: 'GET', url: '/api/plan-inbox' });
    expect(res.statusCode, res.body).toBe(200);
    const inbox = res.json();
    const mine = inbox.items.filter((i: { planId: number }) => i.planId === plan.id);
    expect(mine.map((i: { nodeId: number; role: string }) => [i.nodeId, i.role])).toEqual(
      expect.arrayContaining([
        [taskOf(plan, '2'), 'lead'],
        [taskOf(plan, '1'), 'co'],
      ]),
    );
    const t2 = mine.find((i: { nodeId: number }) => i.nodeId === taskOf(plan, '2'));
    expect(t2.slots.map((s: { period: string; state: string }) => [s.period, s.state])).toEqual([
      [bureauDay(3), 'draft'],
      [bureauDay(40), 'upcoming'],
    ]);
    expect(t2.percent).toBe(50);
    expect(inbox.counts.drafts).toBeGreaterThanOrEqual(1);
    const other = await leiyang.request({ method: 'GET', url: `/api/plan-inbox?orgId=${ids.hengnan}` });
    expect(other.statusCode).toBe(403);
  });

  it('planners filter by unit and see overdue lead slots', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/plan-inbox?planId=${plan.id}&orgId=${ids.hengnan}` });
    expect(res.statusCode, res.body).toBe(200);
    const inbox = res.json();
    expect(inbox.items.every((i: { orgId: number }) => i.orgId === ids.hengnan)).toBe(true);
    expect(inbox.items).toHaveLength(1);
    const dueQuarters = inbox.items[0].slots.filter((s: { state: string }) => s.state === 'overdue').length;
    expect(inbox.counts.overdue).toBe(dueQuarters);
  });
});
