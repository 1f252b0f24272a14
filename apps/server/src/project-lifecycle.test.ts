import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantAccount, applicationBody, openCall, submitted } from './project-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let enterprise: Client;
let viewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  [planner, enterprise, viewer] = await Promise.all([t.login('planner'), t.login('enterprise'), t.login('province')]);
});
afterAll(async () => t?.close());

const audits = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const post = (c: Client, url: string, payload: unknown) => c.request({ method: 'POST', url, payload: payload as Record<string, unknown> });

/** A call, an application through formal check and the review stub: the started project. */
async function startedProject(grantedFen = 20_000_000) {
  const call = await openCall(planner, t);
  const app = await submitted(enterprise, call.id);
  const passed = (
    await post(planner, `/api/project-applications/${app.id}/formal-check`, {
      version: app.version,
      checklist: [{ item: '材料齐全', ok: true }],
    })
  ).json();
  const decided = await post(planner, `/api/project-applications/${app.id}/decision`, {
    version: passed.version,
    selected: true,
    grantedFen,
  });
  expect(decided.statusCode, decided.body).toBe(200);
  const projectId = decided.json().timeline.at(-1).detail.projectId as number;
  return { callId: call.id, applicationId: app.id, projectId };
}

describe('formal check', () => {
  it('returns an application with reasons, takes it back corrected, and passes it to review', async () => {
    const call = await openCall(planner, t);
    const app = await submitted(enterprise, call.id);
    const returned = await post(planner, `/api/project-applications/${app.id}/return`, {
      version: app.version,
      reasons: ['预算说明不完整', '缺少单位盖章页'],
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReasons: ['预算说明不完整', '缺少单位盖章页'] });
    const body = applicationBody(call.id, { title: '修改后的题目' });
    const fixed = await enterprise.request({
      method: 'PUT',
      url: `/api/project-applications/${app.id}`,
      payload: { ...body, callId: undefined, version: returned.json().version },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const again = (await post(enterprise, `/api/project-applications/${app.id}/submit`, { version: fixed.json().version })).json();
    expect(again.status).toBe('submitted');
    const checks = (await planner.request({ method: 'GET', url: `/api/project-calls/${call.id}/checks` })).json();
    expect(checks.applications.find((a: { id: number }) => a.id === app.id).findings).toEqual([]);
    const passed = (
      await post(planner, `/api/project-applications/${app.id}/formal-check`, {
        version: again.version,
        checklist: [{ item: '材料齐全', ok: true }],
      })
    ).json();
    expect(passed.status).toBe('under_review');
    expect(passed.timeline.map((e: { kind: string }) => e.kind)).toEqual(['create', 'submit', 'return', 'edit', 'resubmit', 'pass']);
  });

  it('refuses to pass an application with a blocking automatic finding, writing nothing', async () => {
    const call = await openCall(planner, t, { limitPerUnit: null, limitPerLeader: null });
    const app = await submitted(enterprise, call.id);
    // the call's rules tightened after submission: the applicant is no longer eligible
    await t.database.db
      .updateTable('project_call')
      .set({ eligibility: JSON.stringify({ applicantKinds: ['institute'], regionCodes: [], rungsAnyOf: [] }) })
      .where('id', '=', call.id)
      .execute();
    const before = await audits();
    const res = await post(planner, `/api/project-applications/${app.id}/formal-check`, {
      version: app.version,
      checklist: [{ item: '材料齐全', ok: true }],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('project/checks_failed');
    expect(await audits()).toBe(before);
  });
});

describe('decision, 立项公示 and 任务书', () => {
  it('selects within the call budget, refuses beyond it, and publishes the list as .docx and .xlsx', async () => {
    const { callId, projectId } = await startedProject(30_000_000);
    const other = await applicantAccount(t, 'institute', '430407');
    const app2 = await submitted(other.client, callId);
    const p2 = (
      await post(planner, `/api/project-applications/${app2.id}/formal-check`, {
        version: app2.version,
        checklist: [{ item: '材料齐全', ok: true }],
      })
    ).json();
    const before = await audits();
    const over = await post(planner, `/api/project-applications/${app2.id}/decision`, {
      version: p2.version,
      selected: true,
      grantedFen: 20_000_001,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('project/over_budget'); // 30 万 already granted of a 50 万 call
    expect(await audits()).toBe(before);
    expect(
      (
        await post(planner, `/api/project-applications/${app2.id}/decision`, {
          version: p2.version,
          selected: true,
          grantedFen: 20_000_000,
        })
      ).statusCode,
    ).toBe(200);
    const xlsx = await planner.request({ method: 'GET', url: `/api/project-calls/${callId}/approval-list/xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('立项公示')?.getSheetValues() as unknown[][];
    expect(rows[rows.length - 1]?.slice(1)).toEqual(['合计', '', '2 项', '', '', 50]);
    const docx = await planner.request({ method: 'GET', url: `/api/project-calls/${callId}/approval-list/docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const project = (await planner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json();
    expect(project).toMatchObject({ status: 'contracting', grantedFen: 30_000_000, source: 'application' });
    expect(project.contract.targets).toEqual([{ name: '样机测量精度', unit: 'nm', value: '0.5' }]);
  });

  it('starts the project when both sides confirm the 任务书; the unit cannot edit it; stale versions are refused', async () => {
    const { projectId } = await startedProject();
    let p = (await planner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json();
    const milestones = [{ title: '样机完成', due: '2027-06-30', paymentFen: 10_000_000 }];
    const bureau = await post(planner, `/api/projects/${projectId}/contract/confirm`, {
      version: p.version,
      startOn: '2026-07-01',
      endOn: '2028-06-30',
      milestones,
    });
    expect(bureau.json()).toMatchObject({ status: 'contracting', contract: { startOn: '2026-07-01', milestones } });
    const before = await audits();
    const stale = await post(enterprise, `/api/projects/${projectId}/contract/confirm`, { version: p.version });
    expect(stale.json().code).toBe('common/conflict');
    const edit = await post(enterprise, `/api/projects/${projectId}/contract/confirm`, {
      version: bureau.json().version,
      endOn: '2029-01-01',
    });
    expect(edit.json().code).toBe('project/contract_confirmed');
    expect(await audits()).toBe(before);
    p = (await post(enterprise, `/api/projects/${projectId}/contract/confirm`, { version: bureau.json().version })).json();
    expect(p.status).toBe('executing');
    expect(p.timeline.map((e: { kind: string }) => e.kind)).toEqual(['start', 'contract.bureau_confirm', 'contract.unit_confirm']);
  });
});

describe('execution and acceptance', () => {
  async function executing() {
    const { projectId } = await startedProject();
    const v0 = (await planner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().version;
    const v1 = (
      await post(planner, `/api/projects/${projectId}/contract/confirm`, { version: v0, startOn: '2026-07-01', endOn: '2027-12-31' })
    ).json().version;
    return {
      projectId,
      version: (await post(enterprise, `/api/projects/${projectId}/contract/confirm`, { version: v1 })).json().version as number,
    };
  }

  it('pays in batches up to the grant, records reports and the 中期检查, and applies an approved change', async () => {
    const { projectId, version } = await executing();
    const paid = (
      await post(planner, `/api/projects/${projectId}/payments`, { version, amountFen: 12_000_000, paidOn: '2026-07-15' })
    ).json();
    expect(paid).toMatchObject({ paidFen: 12_000_000, payments: [{ batch: 1, amountFen: 12_000_000 }] });
    const before = await audits();
    const over = await post(planner, `/api/projects/${projectId}/payments`, {
      version: paid.version,
      amountFen: 8_000_001,
      paidOn: '2026-12-15',
    });
    expect(over.json().code).toBe('project/over_granted');
    const byUnit = await post(enterprise, `/api/projects/${projectId}/payments`, {
      version: paid.version,
      amountFen: 1,
      paidOn: '2026-12-15',
    });
    expect(byUnit.statusCode).toBe(403);
    expect(await audits()).toBe(before);
    expect(
      (
        await post(enterprise, `/api/projects/${projectId}/reports`, {
          kind: 'periodic',
          period: '2026-H2',
          content: { progress: '完成方案设计', spentFen: 5_000_000 },
        })
      ).statusCode,
    ).toBe(200);
    const mid = await post(planner, `/api/projects/${projectId}/reports`, {
      kind: 'midterm',
      period: '2027-中期',
      content: { progress: '进度正常' },
      outcome: 'good',
    });
    expect(mid.json().reports.map((r: { kind: string; outcome: string | null }) => [r.kind, r.outcome])).toEqual([
      ['periodic', null],
      ['midterm', 'good'],
    ]);
    const asked = (
      await post(enterprise, `/api/projects/${projectId}/changes`, { kind: 'extension', endOn: '2028-06-30', reason: '关键器件到货延迟' })
    ).json();
    const changeId = asked.changes[0].id;
    const approved = (
      await post(planner, `/api/projects/${projectId}/changes/${changeId}/decision`, { approve: true, note: '同意延期' })
    ).json();
    expect(approved.contract.endOn).toBe('2028-06-30');
    expect(approved.changes[0]).toMatchObject({ status: 'approved', decisionNote: '同意延期' });
    expect((await post(planner, `/api/projects/${projectId}/changes/${changeId}/decision`, { approve: false })).json().code).toBe(
      'project/change_not_pending',
    );
  });

  it('archives the 科技报告 full text once, with its checksum; others may read it, nobody replaces it', async () => {
    const { projectId } = await executing();
    const reported = (
      await post(enterprise, `/api/projects/${projectId}/reports`, { kind: 'tech_report', content: { progress: '科技报告摘要' } })
    ).json();
    const reportId = reported.reports[0].id;
    const pdf = Buffer.from('%PDF-1.4\n科技报告全文\n%%EOF\n');
    const upload = (c: Client, bytes: Buffer) =>
      c.request({
        method: 'POST',
        url: `/api/projects/${projectId}/reports/${reportId}/file?filename=${encodeURIComponent('科技报告.pdf')}`,
        headers: { 'content-type': 'application/pdf' },
        payload: bytes,
      });
    const before = await audits();
    expect((await upload(planner, pdf)).statusCode).toBe(403);
    expect(await audits()).toBe(before);
    const archived = await upload(enterprise, pdf);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().reports[0].file).toMatchObject({ filename: '科技报告.pdf', size: pdf.length });
    expect(archived.json().reports[0].file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await audits()).toBe(before + 1);
    const again = await upload(enterprise, Buffer.from('%PDF-1.4\nother\n%%EOF\n'));
    expect(again.json().code).toBe('project/report_file_exists');
    expect(await audits()).toBe(before + 1);
    const download = await planner.request({ method: 'GET', url: `/api/projects/${projectId}/reports/${reportId}/file` });
    expect(download.statusCode).toBe(200);
    expect(Buffer.from(download.rawPayload).equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('科技报告.pdf'));
  });

  it('adjusts the budget between categories only: the 任务书 fiscal total stays', async () => {
    const { projectId } = await executing();
    const contract = (await planner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().contract;
    const fiscal = contract.budget.reduce((s: number, l: { fiscalFen: number }) => s + l.fiscalFen, 0);
    const before = await audits();
    const grown = await post(enterprise, `/api/projects/${projectId}/changes`, {
      kind: 'budget_adjustment',
      budget: [{ category: 'equipment', fiscalFen: fiscal + 1, selfFen: 0 }],
      reason: '设备涨价',
    });
    expect(grown.statusCode).toBe(400);
    expect(grown.json().code).toBe('project/budget_total_changed');
    expect(await audits()).toBe(before);
    const moved = [
      { category: 'equipment', fiscalFen: fiscal - 1_000_000, selfFen: 0 },
      { category: 'labour', fiscalFen: 1_000_000, selfFen: 0 },
    ];
    const asked = (
      await post(enterprise, `/api/projects/${projectId}/changes`, { kind: 'budget_adjustment', budget: moved, reason: '增加劳务费' })
    ).json();
    const approved = (await post(planner, `/api/projects/${projectId}/changes/${asked.changes[0].id}/decision`, { approve: true })).json();
    expect(approved.contract.budget).toEqual(moved);
  });

  it('runs acceptance to 整改后通过: 科技报告 first, one rectification due in three months, targets compared', async () => {
    const { projectId, version } = await executing();
    const early = await post(enterprise, `/api/projects/${projectId}/acceptance/request`, { version });
    expect(early.json().code).toBe('project/tech_report_missing');
    const reported = (
      await post(enterprise, `/api/projects/${projectId}/reports`, {
        kind: 'tech_report',
        content: { progress: '科技报告全文', targets: [{ name: '样机测量精度', achieved: '0.6' }] },
      })
    ).json();
    const asked = (await post(enterprise, `/api/projects/${projectId}/acceptance/request`, { version: reported.version })).json();
    expect(asked.status).toBe('acceptance_requested');
    const targetResults = [{ name: '样机测量精度', promised: '0.5', achieved: '0.6', met: false }];
    const inconsistent = await post(planner, `/api/projects/${projectId}/acceptance`, {
      version: asked.version,
      taskResult: 'fail',
      financeResult: 'pass',
      verdict: 'pass',
      targetResults,
    });
    expect(inconsistent.json().code).toBe('project/invalid_verdict');
    const rect = (
      await post(planner, `/api/projects/${projectId}/acceptance`, {
        version: asked.version,
        taskResult: 'fail',
        financeResult: 'pass',
        verdict: 'rectify',
        targetResults,
      })
    ).json();
    expect(rect.status).toBe('rectifying');
    expect(rect.rectificationDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await post(planner, `/api/projects/${projectId}/acceptance`, {
      version: rect.version,
      taskResult: 'fail',
      financeResult: 'pass',
      verdict: 'rectify',
      targetResults,
    });
    expect(again.json().code).toBe('project/invalid_transition'); // one rectification only
    const done = (
      await post(planner, `/api/projects/${projectId}/acceptance`, {
        version: rect.version,
        taskResult: 'pass',
        financeResult: 'pass',
        verdict: 'pass',
        targetResults: [{ ...targetResults[0], achieved: '0.5', met: true }],
      })
    ).json();
    expect(done.status).toBe('passed_after_rectification');
    expect(done.acceptances.map((a: { round: number; conclusion: string }) => [a.round, a.conclusion])).toEqual([
      [1, 'rectifying'],
      [2, 'passed_after_rectification'],
    ]);
    const viewerTry = await post(viewer, `/api/projects/${projectId}/end`, { version: done.version, kind: 'revoke', reason: 'x' });
    expect(viewerTry.statusCode).toBe(403);
  });

  it('revokes a running project and flags an integrity case', async () => {
    const { projectId, version } = await executing();
    const res = (await post(planner, `/api/projects/${projectId}/end`, { version, kind: 'revoke', reason: '弄虚作假' })).json();
    expect(res.status).toBe('revoked');
    expect(res.timeline.at(-1)).toMatchObject({ kind: 'revoke', detail: { integrityCaseSuggested: true } });
  });
});

describe('项目库, 争资 and indicators', () => {
  it('searches and exports the bank; feeds the project numbers and 争资 into indicator actuals', async () => {
    await startedProject();
    const list = (
      await planner.request({ method: 'GET', url: '/api/projects?region=430408&sort=grantedFen&order=desc&pageSize=5' })
    ).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((p: { regionCode: string }) => p.regionCode.startsWith('4304'))).toBe(true);
    const mine = (await enterprise.request({ method: 'GET', url: '/api/projects?pageSize=200' })).json();
    expect(mine.items.every((p: { orgName: string }) => p.orgName === '衡阳衡山科学仪器有限公司')).toBe(true);
    const other = await applicantAccount(t, 'enterprise');
    expect((await other.client.request({ method: 'GET', url: '/api/projects' })).json().total).toBe(0);
    const xlsx = await planner.request({ method: 'GET', url: '/api/projects/export?year=2026' });
    expect(xlsx.statusCode).toBe(200);

    const up = (
      await post(planner, '/api/project-upward', {
        regionCode: '430408',
        orgName: '衡阳衡山科学仪器有限公司',
        title: '省重点研发',
        level: 'province',
        programmeName: '湖南省重点研发计划',
        year: 2026,
        recommendedOn: '2026-04-01',
      })
    ).json();
    expect((await post(planner, `/api/project-upward/${up.id}/result`, { version: up.version, status: 'won' })).json().code).toBe(
      'project/won_amount_required',
    );
    expect(
      (await post(planner, `/api/project-upward/${up.id}/result`, { version: up.version, status: 'won', wonFen: 3_500_000_000 })).json()
        .wonFen,
    ).toBe(3_500_000_000);

    const live = await t.database.db
      .selectFrom('indicator_value')
      .select('value')
      .where('indicator_code', '=', 'st_project_funding')
      .where('region_code', '=', '430400')
      .where('period', '=', '2026')
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.value)).toBe(3500); // live: written with the result, before any sync
    const n = Number(
      (
        await t.database.db
          .selectFrom('project')
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('year', '=', 2026)
          .where('status', '<>', 'revoked')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const sync = (await post(planner, '/api/projects/indicator-sync', { region: '430400', year: 2026 })).json();
    const value = (code: string, region: string) =>
      sync.values.find((v: { indicatorCode: string; regionCode: string }) => v.indicatorCode === code && v.regionCode === region)?.value;
    expect(value('project_started_count', '430400')).toBe(String(n));
    expect(value('st_project_funding', '430400')).toBe('3500');
    expect(value('st_project_funding', '430408')).toBe('3500');
    expect(value('open_competition_count', '430400')).toBe('0');
    const stored = await t.database.db
      .selectFrom('indicator_value')
      .select(['value', 'source'])
      .where('indicator_code', '=', 'project_started_count')
      .where('region_code', '=', '430400')
      .where('period', '=', '2026')
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(stored.value)).toBe(n);
  });
});

describe('numbers feed plan targets', () => {
  it('a plan target bound to 立项科技项目数 takes its actual from the project records as soon as a project starts', async () => {
    const { createExecPlan, planVersion } = await import('./plan-execution-fixture.ts');
    const plan = await createExecPlan(planner, 2026);
    const dashboard = async () => (await planner.request({ method: 'GET', url: `/api/plans/${plan.id}/dashboard` })).json();
    const target = (await dashboard()).targets[0] as { targetId: number };
    const bound = await planner.request({
      method: 'PUT',
      url: `/api/plans/${plan.id}/targets/${target.targetId}/indicator`,
      payload: { version: await planVersion(t, plan.id), indicatorCode: 'project_started_count' },
    });
    expect(bound.statusCode, bound.body).toBe(200);
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('project')
            .select((e) => e.fn.countAll<string>().as('n'))
            .where('year', '=', 2026)
            .where('status', '<>', 'revoked')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await startedProject();
    const row = (await dashboard()).targets.find((x: { targetId: number }) => x.targetId === target.targetId);
    expect(row).toMatchObject({ indicatorCode: 'project_started_count', actual: await count(), actualSource: 'indicator' });
    const { projectId } = await startedProject();
    const v = (await planner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json().version;
    const v1 = (await post(planner, `/api/projects/${projectId}/contract/confirm`, { version: v })).json().version;
    const v2 = (await post(enterprise, `/api/projects/${projectId}/contract/confirm`, { version: v1 })).json().version;
    expect((await post(planner, `/api/projects/${projectId}/end`, { version: v2, kind: 'revoke', reason: '撤销' })).statusCode).toBe(200);
    const after = (await dashboard()).targets.find((x: { targetId: number }) => x.targetId === target.targetId);
    expect(after.actual).toBe(await count()); // the revoked project no longer counts
  });
});

describe('import of past projects', () => {
  const header = [
    '项目编号',
    '项目名称',
    '计划类别',
    '年度',
    '所在地区代码',
    '承担单位',
    '项目负责人',
    '学科领域',
    '资助金额（万元）',
    '已拨款（万元）',
    '状态',
  ];
  async function workbook(rows: unknown[][]) {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('项目库').addRows([header, ...rows]);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const upload = (c: Client, payload: Buffer) =>
    c.request({ method: 'POST', url: '/api/projects/import', payload, headers: { 'content-type': 'application/octet-stream' } });
  const projects = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('project')
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('reports every wrong row with its column and imports nothing, then imports the corrected list and counts it', async () => {
    const good = [
      'HIS-2019-001',
      '湘南稻田镉污染修复技术示范',
      '重点研发计划',
      2019,
      '430421',
      '衡阳县农科所',
      '欧阳明',
      'D01',
      '45.5',
      '45.5',
      '通过验收',
    ];
    const bad = await workbook([
      good,
      ['HIS-2019-001', '重复编号的项目', '软科学', 2019, '430421', '某单位', '张三', '', '3', '', ''],
      ['HIS-2019-003', '', '揭榜挂帅', 2019, '999999', '某单位', '李四', '', '十万', '', '已完成'],
      ['HIS-2019-004', '武汉的项目', '软科学', 2019, '420102', '某单位', '王五', '', '1', '', ''],
    ]);
    const before = { projects: await projects(), audits: await audits() };
    const res = await upload(planner, bad);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('project/import_rows_invalid');
    expect(res.json().rowErrors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:项目编号',
      '4:项目名称',
      '4:所在地区代码',
      '4:资助金额（万元）',
      '4:状态',
      '5:所在地区代码',
    ]);
    expect({ projects: await projects(), audits: await audits() }).toEqual(before);

    const ok = await upload(
      planner,
      await workbook([
        good,
        ['HIS-2019-002', '揭榜挂帅：高纯氧化铝制备', '揭榜挂帅', 2019, '430408', '某新材料公司', '赵六', '', '300', '', '执行中'],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2, checked: 2, errors: [] });
    const listed = (await planner.request({ method: 'GET', url: '/api/projects?year=2019&sort=grantedFen&order=asc' })).json();
    expect(
      listed.items.map((p: { projectNo: string; grantedFen: number; status: string; programmeKind: string }) => [
        p.projectNo,
        p.grantedFen,
        p.status,
        p.programmeKind,
      ]),
    ).toEqual([
      ['HIS-2019-001', 45_500_000, 'passed', 'key_rnd'],
      ['HIS-2019-002', 300_000_000, 'executing', 'open_competition'],
    ]);
    const value = async (code: string) =>
      (
        await t.database.db
          .selectFrom('indicator_value')
          .select('value')
          .where('indicator_code', '=', code)
          .where('region_code', '=', '430400')
          .where('period', '=', '2019')
          .where('superseded_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).value;
    expect(Number(await value('project_started_count'))).toBe(2);
    expect(Number(await value('open_competition_count'))).toBe(1);
    expect(Number(await value('project_granted_funds'))).toBe(345.5);
    // the same list again: every number is already in the bank
    const again = await upload(planner, await workbook([good]));
    expect(again.json().rowErrors[0]).toMatchObject({ row: 2, column: '项目编号', message: '该项目编号已在项目库中' });
    expect((await upload(enterprise, await workbook([good]))).statusCode).toBe(403);
  });
});

describe('揭榜挂帅', () => {
  it('publishes a 榜单, takes bids, selects two, fixes the targets and pays by milestone', async () => {
    const prog = (
      await post(planner, '/api/project-programmes', { regionCode: '430400', kind: 'open_competition', name: '揭榜挂帅专项' })
    ).json();
    const demand = {
      issuer: '衡阳某装备集团',
      goal: '突破高温合金叶片精密铸造卡脖子工艺',
      targets: [
        { name: '叶片合格率', unit: '%', value: '95' },
        { name: '单件成本下降', unit: '%', value: '30' },
      ],
      periodMonths: 24,
    };
    const { callBody } = await import('./project-fixture.ts');
    const before = await audits();
    const missing = await post(planner, '/api/project-calls', callBody(prog.id, { maxGrantFen: 100_000_000, budgetFen: 150_000_000 }));
    expect(missing.json().code).toBe('project/demand_required');
    expect(await audits()).toBe(before);
    const draft = (
      await post(planner, '/api/project-calls', callBody(prog.id, { maxGrantFen: 100_000_000, budgetFen: 150_000_000, demand }))
    ).json();
    expect(draft.demand).toEqual(demand);
    const board = (await post(planner, `/api/project-calls/${draft.id}/publish`, { version: draft.version })).json();
    const open = (await t.app.inject({ method: 'GET', url: '/api/public/project-calls?region=430408' })).json();
    expect(open.find((c: { id: number }) => c.id === board.id).demand.issuer).toBe('衡阳某装备集团');

    const institute = await applicantAccount(t, 'institute', '430407');
    const projects: number[] = [];
    for (const bidder of [enterprise, institute.client]) {
      const bid = await submitted(bidder, board.id, { summary: '技术路线：定向凝固 + 陶瓷型芯优化' });
      const passed = (
        await post(planner, `/api/project-applications/${bid.id}/formal-check`, {
          version: bid.version,
          checklist: [{ item: '揭榜材料齐全', ok: true }],
        })
      ).json();
      const sel = (
        await post(planner, `/api/project-applications/${bid.id}/decision`, {
          version: passed.version,
          selected: true,
          grantedFen: 60_000_000,
        })
      ).json();
      projects.push(sel.timeline.at(-1).detail.projectId);
    }
    const p = (await planner.request({ method: 'GET', url: `/api/projects/${projects[0]}` })).json();
    expect(p).toMatchObject({ programmeKind: 'open_competition', grantedFen: 60_000_000 });
    expect(p.contract.targets).toEqual(demand.targets); // the 榜单's targets, not the bid's

    const noMilestones = await post(planner, `/api/projects/${p.id}/contract/confirm`, {
      version: p.version,
      startOn: '2026-07-01',
      endOn: '2028-06-30',
    });
    expect(noMilestones.json().code).toBe('project/milestones_invalid');
    const milestones = [
      { title: '合格率达标', due: '2027-06-30', paymentFen: 30_000_000, target: '叶片合格率' },
      { title: '成本达标', due: '2028-06-30', paymentFen: 30_000_000, target: '单件成本下降' },
    ];
    const v1 = (await post(planner, `/api/projects/${p.id}/contract/confirm`, { version: p.version, milestones })).json().version;
    const v2 = (await post(enterprise, `/api/projects/${p.id}/contract/confirm`, { version: v1 })).json().version;
    const loose = await post(planner, `/api/projects/${p.id}/payments`, { version: v2, amountFen: 30_000_000, paidOn: '2027-07-10' });
    expect(loose.json().code).toBe('project/milestone_payment_invalid');
    const wrongAmount = await post(planner, `/api/projects/${p.id}/payments`, {
      version: v2,
      amountFen: 29_000_000,
      paidOn: '2027-07-10',
      milestone: '合格率达标',
    });
    expect(wrongAmount.json().code).toBe('project/milestone_payment_invalid');
    const paid = (
      await post(planner, `/api/projects/${p.id}/payments`, {
        version: v2,
        amountFen: 30_000_000,
        paidOn: '2027-07-10',
        milestone: '合格率达标',
      })
    ).json();
    expect(paid.payments).toEqual([{ batch: 1, amountFen: 30_000_000, paidOn: '2027-07-10', milestone: '合格率达标' }]);
    const twice = await post(planner, `/api/projects/${p.id}/payments`, {
      version: paid.version,
      amountFen: 30_000_000,
      paidOn: '2027-08-10',
      milestone: '合格率达标',
    });
    expect(twice.json().code).toBe('project/milestone_payment_invalid');

    const oc = await t.database.db
      .selectFrom('indicator_value')
      .select('value')
      .where('indicator_code', '=', 'open_competition_count')
      .where('region_code', '=', '430400')
      .where('period', '=', '2026')
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(oc.value)).toBe(2);
  });
});
