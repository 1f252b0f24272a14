import type { TDrawRecord, TPanel, TPlatformApplication, TReviewRanking, TSubjectResult, TVerifyResult } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantAccount } from './project-fixture.ts';
import { addExpert } from './review-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

/*
 * Panels for the other subject kinds: a platform 认定 application (batch: the 认定 round) and a project's
 * acceptance (batch: the project itself). The draw, its verification, the exclusions, the declarations, the
 * scores and the ranking work as for project applications; the decisions read the aggregated score.
 */

let t: TestApp;
let planner: Client;
let changsha: Client;

beforeAll(async () => {
  t = await createTestApp();
  [planner, changsha] = await Promise.all([t.login('planner'), t.login('planner.changsha')]);
});
afterAll(async () => t?.close());

const tables = [
  'audit_log',
  'review_draw',
  'review_panel',
  'review_assignment',
  'review_score',
  'review_event',
  'review_avoidance',
] as const;
async function counts() {
  const out = {} as Record<(typeof tables)[number], number>;
  for (const table of tables)
    out[table] = Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}
async function lastAuditId() {
  const r = await t.database.db
    .selectFrom('audit_log')
    .select((e) => e.fn.max('id').as('m'))
    .executeTakeFirstOrThrow();
  return Number(r.m ?? 0);
}
async function auditSince(since: number) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity_type', 'entity_id', 'after'])
    .where('id', '>', String(since))
    .orderBy('id')
    .execute();
}

const rubric = (subjectKind: string, batchId: number) => ({
  subjectKind,
  batchId,
  criteria: [
    { key: 'a', name: '基础条件', max: '50' },
    { key: 'b', name: '运行管理', max: '50' },
  ],
  aggregation: 'mean',
  mode: 'online',
  opinionRequired: false,
});
const constraints = { size: 3, reserves: 1, disciplinePrefix: '997', reviewFrom: '2026-12-20', reviewTo: '2026-12-22' };

/** Seats declare no conflict and score; returns the seats' assignment ids. */
async function reviewAll(panel: TPanel, clients: Map<number, Client>, marks: string[]) {
  const seats = panel.members.filter((m) => m.seat);
  for (const [i, s] of seats.entries()) {
    const c = clients.get(s.expertId) as Client;
    const d = await c.request({ method: 'POST', url: `/api/review/assignments/${s.assignmentId}/declare`, payload: { conflict: false } });
    expect(d.statusCode, d.body).toBe(200);
    const mark = marks[i % marks.length] as string;
    const sc = await c.request({
      method: 'PUT',
      url: `/api/review/assignments/${s.assignmentId}/score`,
      payload: { scores: { a: mark, b: mark } },
    });
    expect(sc.statusCode, sc.body).toBe(200);
  }
}

describe('a panel for a platform 认定 application', () => {
  let callId: number;
  let appId: number;
  let orgId: number;
  let unit: Client;
  let insider: number;
  let avoided: number;
  let draw: TDrawRecord;
  const clients = new Map<number, Client>();

  beforeAll(async () => {
    const db = t.database.db;
    const acct = await applicantAccount(t, 'enterprise');
    unit = acct.client;
    orgId = acct.orgId;
    const org = await db.selectFrom('organization').select(['name', 'region_code']).where('id', '=', orgId).executeTakeFirstOrThrow();
    callId = (
      await db
        .insertInto('platform_call')
        .values({
          title: '2026年市级工程技术研究中心认定（评审测试）',
          region_code: '430400',
          year: 2026,
          type_codes: ['eng_center'],
          closes_on: '2099-12-31',
          status: 'open',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    appId = (
      await db
        .insertInto('platform_application')
        .values({
          call_id: callId,
          org_id: orgId,
          region_code: org.region_code,
          name: '衡阳市智能仪器工程技术研究中心',
          type_code: 'eng_center',
          type_version: 1,
          fields: JSON.stringify({ rd_staff: 12, rd_area: 400, equipment_wan: 260, rd_spend_wan: 350 }),
          conditions: JSON.stringify([{ field: 'rd_staff', min: 10, text: '专职研发人员不少于10人', met: true, value: 12 }]),
          status: 'submitted',
          submitted_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < 4; i++) {
      const e = await addExpert(t, { account: true, disciplines: ['997.10'] });
      clients.set(e.id, await t.login(e.username as string));
    }
    // works for the 依托单位: excluded as its employer
    insider = (await addExpert(t, { disciplines: ['997.10'], employer: { orgId, name: org.name } })).id;
    // the unit asks to keep this one off its panel
    avoided = (await addExpert(t, { disciplines: ['997.10'], name: '回避测试专家', employer: { name: '竞争对手研究院' } })).id;
  });

  it('lets the 依托单位 ask for avoidance, list and withdraw it before the draw; others are refused', async () => {
    const other = (await applicantAccount(t, 'enterprise')).client;
    const before = await counts();
    const add = await unit.request({
      method: 'POST',
      url: '/api/review/avoidances',
      payload: { subjectKind: 'platform_application', subjectId: appId, personName: '回避测试专家', reason: '存在竞争关系' },
    });
    expect(add.statusCode, add.body).toBe(200);
    const extra = await unit.request({
      method: 'POST',
      url: '/api/review/avoidances',
      payload: { subjectKind: 'platform_application', subjectId: appId, orgName: '某大学', reason: '合作过' },
    });
    expect(extra.statusCode).toBe(200);
    const refused = await changsha.request({ method: 'DELETE', url: `/api/review/avoidances/${extra.json().id}` });
    expect(refused.statusCode).toBe(403);
    expect((await other.request({ method: 'DELETE', url: `/api/review/avoidances/${extra.json().id}` })).statusCode).toBe(403);
    const gone = await unit.request({ method: 'DELETE', url: `/api/review/avoidances/${extra.json().id}` });
    expect(gone.statusCode, gone.body).toBe(200);
    const list = await unit.request({ method: 'GET', url: `/api/review/avoidances?subjectKind=platform_application&subjectId=${appId}` });
    expect(list.json()).toEqual([expect.objectContaining({ personName: '回避测试专家', reason: '存在竞争关系' })]);
    const after = await counts();
    expect(after.review_avoidance).toBe(before.review_avoidance + 1);
    expect(after.audit_log).toBe(before.audit_log + 3);
  });

  it('refuses a draw to another city’s bureau and to the unit, writing nothing', async () => {
    const before = await counts();
    for (const who of [changsha, unit]) {
      const res = await who.request({
        method: 'POST',
        url: '/api/review/draws',
        payload: { subjectKind: 'platform_application', batchId: callId, constraints },
      });
      expect(res.statusCode).toBe(403);
    }
    const big = await planner.request({
      method: 'POST',
      url: '/api/review/draws',
      payload: { subjectKind: 'platform_application', batchId: callId, constraints: { ...constraints, size: 5 } },
    });
    expect(big.json()).toMatchObject({ code: 'review/pool_too_small' });
    expect(await counts()).toEqual(before);
  });

  it('draws a panel for the round, leaving out the 依托单位’s employee and the avoided expert with their reasons', async () => {
    const since = await lastAuditId();
    const res = await planner.request({
      method: 'POST',
      url: '/api/review/draws',
      payload: { subjectKind: 'platform_application', batchId: callId, constraints },
    });
    expect(res.statusCode, res.body).toBe(200);
    draw = res.json() as TDrawRecord;
    expect(draw).toMatchObject({ subjectKind: 'platform_application', batchId: callId, panels: 1 });
    const panel = draw.panelList[0] as TPanel;
    expect(panel.subjectTitle).toBe('衡阳市智能仪器工程技术研究中心');
    expect(panel.exclusions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ expertId: insider, reason: 'employer' }),
        expect.objectContaining({ expertId: avoided, reason: 'avoidance', detail: expect.stringContaining('存在竞争关系') }),
      ]),
    );
    expect(panel.members.map((m) => m.expertId).sort()).toEqual([...clients.keys()].sort());
    const audit = await auditSince(since);
    expect(audit.map((a) => a.action)).toEqual(['review.draw']);
    expect(audit[0]?.after).toMatchObject({ subjectKind: 'platform_application', batchId: callId });
    // too late for avoidance now
    const late = await unit.request({
      method: 'POST',
      url: '/api/review/avoidances',
      payload: { subjectKind: 'platform_application', subjectId: appId, orgName: '另一单位', reason: '迟到的申请' },
    });
    expect(late.json()).toMatchObject({ code: 'review/avoidance_too_late' });
  });

  it('verifies the draw: the same panels from the record', async () => {
    const v = (await planner.request({ method: 'GET', url: `/api/review/draws/${draw.id}/verify` })).json() as TVerifyResult;
    expect(v.samePanels).toBe(true);
    expect(v.panels).toHaveLength(1);
  });

  it('never shows the reviewers to the unit', async () => {
    const panel = draw.panelList[0] as TPanel;
    for (const url of [
      `/api/review/draws/${draw.id}`,
      `/api/review/panels/${panel.id}`,
      `/api/review/ranking?subjectKind=platform_application&batchId=${callId}`,
      `/api/review/result?subjectKind=platform_application&subjectId=${appId}`,
    ]) {
      const res = await unit.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it('opens with the round’s rubric; an expert reads the application only after declaring, then scores', async () => {
    const defaults = await planner.request({
      method: 'GET',
      url: `/api/review/rubrics?subjectKind=platform_application&batchId=${callId}`,
    });
    expect(defaults.json().criteria[0].name).toBe('基础条件');
    expect(
      (await planner.request({ method: 'PUT', url: '/api/review/rubrics', payload: rubric('platform_application', callId) })).statusCode,
    ).toBe(200);
    expect((await planner.request({ method: 'POST', url: `/api/review/draws/${draw.id}/open` })).statusCode).toBe(200);
    const seat = (draw.panelList[0] as TPanel).members[0] as TPanel['members'][number];
    const expert = clients.get(seat.expertId) as Client;
    const mine = (await expert.request({ method: 'GET', url: '/api/review/assignments/mine' })).json();
    expect(mine).toEqual([
      expect.objectContaining({
        subjectKind: 'platform_application',
        subjectTitle: null,
        batchTitle: '2026年市级工程技术研究中心认定（评审测试）',
      }),
    ]);
    const early = await expert.request({ method: 'GET', url: `/api/review/assignments/${seat.assignmentId}/subject` });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'review/not_declared' });
    const panel = (await planner.request({ method: 'GET', url: `/api/review/panels/${(draw.panelList[0] as TPanel).id}` })).json();
    await reviewAll(panel, clients, ['40', '30', '35']);
    const read = (await expert.request({ method: 'GET', url: `/api/review/assignments/${seat.assignmentId}/subject` })).json();
    expect(read).toMatchObject({
      subjectKind: 'platform_application',
      title: '衡阳市智能仪器工程技术研究中心',
      direction: '工程技术研究中心',
      targets: expect.arrayContaining([{ name: '研发人员数', unit: '人', value: '12' }]),
      facts: [{ label: '专职研发人员不少于10人', value: '✓ 12' }],
    });
  });

  it('ranks the round and the 认定 decision keeps the aggregated score', async () => {
    const ranking = (
      await planner.request({ method: 'GET', url: `/api/review/ranking?subjectKind=platform_application&batchId=${callId}` })
    ).json() as TReviewRanking;
    expect(ranking.rows).toEqual([expect.objectContaining({ subjectId: appId, n: 3, score: '70.00', rank: 1, group: '工程技术研究中心' })]);
    const result = (
      await planner.request({ method: 'GET', url: `/api/review/result?subjectKind=platform_application&subjectId=${appId}` })
    ).json() as TSubjectResult;
    expect(result).toMatchObject({ score: '70.00', rank: 1, of: 1 });
    const x = await planner.request({ method: 'GET', url: `/api/review/ranking.xlsx?subjectKind=platform_application&batchId=${callId}` });
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('评审排名');
    expect(sheet?.getRow(2).values).toEqual(expect.arrayContaining(['平台名称', '依托单位', '平台类型']));
    expect(sheet?.getRow(3).getCell(8).value).toBe(70);
    const since = await lastAuditId();
    const decided = await planner.request({
      method: 'POST',
      url: `/api/platform-applications/${appId}/review`,
      payload: { score: 70, opinion: '专家组评审通过', passed: true },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((decided.json() as TPlatformApplication).status).toBe('passed');
    const audit = await auditSince(since);
    expect(audit[0]).toMatchObject({
      action: 'platform.application_review',
      after: expect.objectContaining({ review: { score: '70.00', rank: 1, of: 1, dispersed: false, vetoed: false } }),
    });
    // still in the ranking once decided
    const again = (
      await planner.request({ method: 'GET', url: `/api/review/ranking?subjectKind=platform_application&batchId=${callId}` })
    ).json() as TReviewRanking;
    expect(again.rows[0]?.score).toBe('70.00');
  });
});

describe('a panel for a project’s acceptance (batch: the project)', () => {
  let projectId: number;
  let unit: Client;
  let leaderExpert: number;
  let draw: TDrawRecord;
  const clients = new Map<number, Client>();

  beforeAll(async () => {
    const db = t.database.db;
    const acct = await applicantAccount(t, 'enterprise');
    unit = acct.client;
    const org = await db.selectFrom('organization').select(['name', 'region_code']).where('id', '=', acct.orgId).executeTakeFirstOrThrow();
    const leader = await db.insertInto('person').values({ name: '验收测试负责人' }).returning('id').executeTakeFirstOrThrow();
    projectId = (
      await db
        .insertInto('project')
        .values({
          project_no: `YS-TEST-${Date.now()}`,
          programme_kind: 'key_rnd',
          programme_name: '重点研发计划',
          region_code: org.region_code,
          bureau_region_code: '430400',
          org_id: acct.orgId,
          org_name: org.name,
          year: 2024,
          title: '油茶果高效脱壳装备研制',
          field_code: '997',
          leader_person_id: leader.id,
          leader_name: '验收测试负责人',
          granted_fen: 50_000_000,
          start_on: '2024-01-01',
          end_on: '2026-06-30',
          status: 'executing',
          contract: JSON.stringify({
            startOn: '2024-01-01',
            endOn: '2026-06-30',
            targets: [{ name: '脱壳率', unit: '%', value: '95' }],
            budget: [],
            milestones: [],
          }),
          source: 'import',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < 4; i++) {
      const e = await addExpert(t, { account: true, disciplines: ['997.20'] });
      clients.set(e.id, await t.login(e.username as string));
    }
    // the project's own leader is also an expert: never on its panel
    const le = await t.database.db
      .insertInto('expert')
      .values({ person_id: leader.id, region_code: '430400', discipline_codes: ['997.20'], status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
    leaderExpert = le.id;
  });

  it('refuses a draw before the acceptance is requested, writing nothing', async () => {
    const before = await counts();
    const res = await planner.request({
      method: 'POST',
      url: '/api/review/draws',
      payload: { subjectKind: 'acceptance', batchId: projectId, constraints: { ...constraints, disciplinePrefix: '997.2' } },
    });
    expect(res.json()).toMatchObject({ code: 'review/no_subjects' });
    expect(await counts()).toEqual(before);
  });

  it('draws the acceptance panel once requested, leaving out the project’s own leader', async () => {
    await t.database.db.updateTable('project').set({ status: 'acceptance_requested' }).where('id', '=', projectId).execute();
    const res = await planner.request({
      method: 'POST',
      url: '/api/review/draws',
      payload: { subjectKind: 'acceptance', batchId: projectId, constraints: { ...constraints, disciplinePrefix: '997.2' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    draw = res.json() as TDrawRecord;
    expect(draw.exclusions).toContainEqual(expect.objectContaining({ expertId: leaderExpert, reason: 'own_application' }));
    expect((draw.panelList[0] as TPanel).subjectTitle).toBe('油茶果高效脱壳装备研制');
    const v = (await planner.request({ method: 'GET', url: `/api/review/draws/${draw.id}/verify` })).json() as TVerifyResult;
    expect(v.samePanels).toBe(true);
    expect((await unit.request({ method: 'GET', url: `/api/review/draws/${draw.id}` })).statusCode).toBe(403);
  });

  it('experts score against the acceptance rubric; the decision keeps the aggregated score', async () => {
    const defaults = await planner.request({ method: 'GET', url: `/api/review/rubrics?subjectKind=acceptance&batchId=${projectId}` });
    expect(defaults.json()).toMatchObject({
      aggregation: 'mean',
      criteria: expect.arrayContaining([expect.objectContaining({ name: '考核指标完成情况' })]),
    });
    expect(
      (await planner.request({ method: 'PUT', url: '/api/review/rubrics', payload: rubric('acceptance', projectId) })).statusCode,
    ).toBe(200);
    expect((await planner.request({ method: 'POST', url: `/api/review/draws/${draw.id}/open` })).statusCode).toBe(200);
    const panel = (await planner.request({ method: 'GET', url: `/api/review/panels/${(draw.panelList[0] as TPanel).id}` })).json();
    await reviewAll(panel, clients, ['45', '40', '41']);
    const seat = panel.members[0];
    const read = (
      await (clients.get(seat.expertId) as Client).request({ method: 'GET', url: `/api/review/assignments/${seat.assignmentId}/subject` })
    ).json();
    expect(read).toMatchObject({
      subjectKind: 'acceptance',
      title: '油茶果高效脱壳装备研制',
      leaderName: '验收测试负责人',
      targets: [{ name: '脱壳率', unit: '%', value: '95' }],
      facts: expect.arrayContaining([expect.objectContaining({ label: '执行期', value: '2024-01-01 至 2026-06-30' })]),
    });
    const result = (
      await planner.request({ method: 'GET', url: `/api/review/result?subjectKind=acceptance&subjectId=${projectId}` })
    ).json() as TSubjectResult;
    expect(result).toMatchObject({ n: 3, score: '84.00', rank: 1, of: 1 });
    const p = (await planner.request({ method: 'GET', url: `/api/projects/${projectId}` })).json();
    const since = await lastAuditId();
    const decided = await planner.request({
      method: 'POST',
      url: `/api/projects/${projectId}/acceptance`,
      payload: { version: p.version, taskResult: 'pass', financeResult: 'pass', verdict: 'pass', targetResults: [] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const audit = await auditSince(since);
    expect(audit.find((a) => a.action === 'project.acceptance.decide')?.after).toMatchObject({
      review: { score: '84.00', n: 3, dispersed: false, vetoed: false },
    });
  });
});
