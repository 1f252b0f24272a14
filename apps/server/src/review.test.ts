import type { TDrawRecord, TPanel, TReviewRanking, TVerifyResult } from '@kechuang/contracts';
import { registerBanSource } from '@kechuang/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExpert, callUnderReview, drawBody, rubricBody, sheet } from './review-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let viewer: Client;
let changsha: Client;

beforeAll(async () => {
  t = await createTestApp();
  [planner, viewer, changsha] = await Promise.all([t.login('planner'), t.login('province'), t.login('planner.changsha')]);
});
afterAll(async () => t?.close());

async function counts() {
  const db = t.database.db;
  const n = async (
    table: 'audit_log' | 'review_draw' | 'review_panel' | 'review_assignment' | 'review_score' | 'review_event' | 'review_rubric',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statuses = await db.selectFrom('review_assignment').select(['id', 'status', 'seat']).orderBy('id').execute();
  return {
    audit: await n('audit_log'),
    draws: await n('review_draw'),
    panels: await n('review_panel'),
    assignments: await n('review_assignment'),
    scores: await n('review_score'),
    events: await n('review_event'),
    rubrics: await n('review_rubric'),
    statuses,
  };
}

async function auditActions(since: number) {
  const rows = await t.database.db.selectFrom('audit_log').select(['id', 'action']).where('id', '>', String(since)).orderBy('id').execute();
  return rows.map((r) => r.action);
}
async function lastAuditId() {
  const r = await t.database.db
    .selectFrom('audit_log')
    .select((e) => e.fn.max('id').as('m'))
    .executeTakeFirstOrThrow();
  return Number(r.m ?? 0);
}

describe('a panel from draw to ranking', () => {
  let callId: number;
  let app: { id: number; orgId: number; client: Client };
  const experts: Array<{ id: number; username: string | null }> = [];
  let insider: number;
  let banned: number;
  let draw: TDrawRecord;
  let panel: TPanel;
  let clients: Map<number, Client>;
  let undo: () => void;

  beforeAll(async () => {
    const c = await callUnderReview(t, planner, 1);
    callId = c.callId;
    app = c.apps[0] as (typeof c.apps)[number];
    const org = await t.database.db.selectFrom('organization').select('name').where('id', '=', app.orgId).executeTakeFirstOrThrow();
    for (let i = 0; i < 7; i++) experts.push(await addExpert(t, { account: true }));
    insider = (await addExpert(t, { employer: { orgId: app.orgId, name: org.name } })).id;
    const b = await addExpert(t, {});
    banned = b.id;
    await addExpert(t, { disciplines: ['630.10'] });
    undo = registerBanSource(async (_ctx, q) =>
      q.subject.kind === 'person' && q.subject.id === b.personId && q.activity === 'review'
        ? { barred: true, reason: '科研失信，2026-01-01 至 2028-12-31 禁止参与评审' }
        : { barred: false },
    );
    clients = new Map();
    for (const e of experts) clients.set(e.id, await t.login(e.username as string));
  });
  afterAll(() => undo?.());

  it('refuses a draw when the pool is too small, writing nothing', async () => {
    const before = await counts();
    const res = await planner.request({
      method: 'POST',
      url: '/api/review/draws',
      payload: drawBody(callId, { constraints: { size: 9 } }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'review/pool_too_small' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a draw to another city’s bureau and to an applicant, writing nothing', async () => {
    const before = await counts();
    for (const who of [changsha, app.client]) {
      const res = await who.request({
        method: 'POST',
        url: '/api/review/draws',
        payload: drawBody(callId, { constraints: { disciplinePrefix: '520' } }),
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('draws 5 + 2 with every exclusion and its reason, and keeps the record with one audit row', async () => {
    const since = await lastAuditId();
    const res = await planner.request({
      method: 'POST',
      url: '/api/review/draws',
      payload: drawBody(callId, { constraints: { disciplinePrefix: '520' } }),
    });
    expect(res.statusCode, res.body).toBe(200);
    draw = res.json() as TDrawRecord;
    expect(draw).toMatchObject({
      algorithm: 'xoshiro128ss-v1',
      operator: 'planner',
      panels: 1,
      opened: false,
      poolSize: expect.any(Number),
    });
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(draw.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.exclusions).toContainEqual(
      expect.objectContaining({ expertId: banned, reason: 'barred', detail: expect.stringContaining('禁止参与评审') }),
    );
    panel = draw.panelList[0] as TPanel;
    expect(panel.exclusions).toContainEqual(
      expect.objectContaining({ expertId: insider, reason: 'employer', detail: expect.stringContaining('现任职于') }),
    );
    const ids = panel.members.map((m) => m.expertId).sort((a, b) => a - b);
    expect(ids).toEqual(experts.map((e) => e.id).sort((a, b) => a - b));
    expect(panel.members.filter((m) => m.seat)).toHaveLength(5);
    expect(panel.members.filter((m) => !m.seat).map((m) => m.position)).toEqual([6, 7]);
    expect(panel.status).toBe('sealed');
    expect(await auditActions(since)).toEqual(['review.draw']);
  });

  it('refuses drawing the same application twice', async () => {
    const res = await planner.request({ method: 'POST', url: '/api/review/draws', payload: drawBody(callId, { subjectIds: [app.id] }) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'review/already_drawn' });
  });

  it('keeps the result sealed: experts see nothing, a viewer sees no names', async () => {
    const seat = panel.members[0];
    const expert = clients.get(seat?.expertId as number) as Client;
    expect((await expert.request({ method: 'GET', url: '/api/review/assignments/mine' })).json()).toEqual([]);
    const read = await expert.request({ method: 'GET', url: `/api/review/assignments/${seat?.assignmentId}/subject` });
    expect(read.statusCode).toBe(409); // no rubric yet
    const v = (await viewer.request({ method: 'GET', url: `/api/review/draws/${draw.id}` })).json() as TDrawRecord;
    expect(v.panelList[0]?.members.every((m) => m.name === '（密封）')).toBe(true);
    expect(v.exclusions.every((x) => x.name === '（密封）')).toBe(true);
  });

  it('never shows the reviewers to the applicant', async () => {
    for (const url of [
      `/api/review/draws/${draw.id}`,
      `/api/review/panels/${panel.id}`,
      `/api/review/ranking?batchId=${callId}`,
      `/api/review/draws?batchId=${callId}`,
    ]) {
      const res = await app.client.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('评审专家');
    }
  });

  it('needs a rubric before the review opens', async () => {
    const before = await counts();
    const res = await planner.request({ method: 'POST', url: `/api/review/draws/${draw.id}/open` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'review/rubric_required' });
    expect(await counts()).toEqual(before);
    const saved = await planner.request({ method: 'PUT', url: '/api/review/rubrics', payload: rubricBody(callId, { blind: true }) });
    expect(saved.statusCode, saved.body).toBe(200);
    const opened = await planner.request({ method: 'POST', url: `/api/review/draws/${draw.id}/open` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect((opened.json() as TDrawRecord).panelList[0]?.status).toBe('open');
  });

  it('puts the seat on the expert’s workbench once the review opens, without the title before declaring', async () => {
    const seat = panel.members.find((m) => m.seat) as TPanel['members'][number];
    const wb = (await (clients.get(seat.expertId) as Client).request({ method: 'GET', url: '/api/workbench' })).json() as {
      sections: Array<{ key: string; total: number; items: Array<{ title: string; link: string }> }>;
    };
    expect(wb.sections).toEqual([
      expect.objectContaining({
        key: 'reviews',
        total: 1,
        items: [expect.objectContaining({ title: `申报书 #${app.id}（待声明）`, link: '/review?view=mine' })],
      }),
    ]);
  });

  it('lets an expert read the application only after declaring, and never one they were not drawn for', async () => {
    const seat = panel.members.find((m) => m.seat) as TPanel['members'][number];
    const reserve = panel.members.find((m) => !m.seat) as TPanel['members'][number];
    const expert = clients.get(seat.expertId) as Client;
    const mine = (await expert.request({ method: 'GET', url: '/api/review/assignments/mine' })).json() as Array<{
      id: number;
      subjectTitle: string | null;
    }>;
    expect(mine).toEqual([expect.objectContaining({ id: seat.assignmentId, subjectTitle: null })]);
    const early = await expert.request({ method: 'GET', url: `/api/review/assignments/${seat.assignmentId}/subject` });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'review/not_declared' });
    // a reserve (not drawn onto a seat) and another expert's assignment
    const reserveClient = clients.get(reserve.expertId) as Client;
    for (const [who, id] of [
      [reserveClient, reserve.assignmentId],
      [reserveClient, seat.assignmentId],
    ] as const) {
      const res = await who.request({ method: 'GET', url: `/api/review/assignments/${id}/subject` });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth/out_of_scope' });
    }
    const before = await counts();
    const other = await reserveClient.request({
      method: 'POST',
      url: `/api/review/assignments/${seat.assignmentId}/declare`,
      payload: { conflict: false },
    });
    expect(other.statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    const since = await lastAuditId();
    const ok = await expert.request({
      method: 'POST',
      url: `/api/review/assignments/${seat.assignmentId}/declare`,
      payload: { conflict: false },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await auditActions(since)).toEqual(['review.assignment.declare']);
    const view = await expert.request({ method: 'GET', url: `/api/review/assignments/${seat.assignmentId}/subject` });
    expect(view.statusCode).toBe(200);
    // blind mode: no applicant unit, leader or member names
    expect(view.json()).toMatchObject({ blind: true, orgName: null, leaderName: null });
    expect(view.body).not.toContain('周研发');
  });

  it('replaces an expert who declares a conflict with the first reserve, logged', async () => {
    const seat = panel.members.filter((m) => m.seat)[1] as TPanel['members'][number];
    const first = panel.members.find((m) => m.position === 6) as TPanel['members'][number];
    const since = await lastAuditId();
    const res = await (clients.get(seat.expertId) as Client).request({
      method: 'POST',
      url: `/api/review/assignments/${seat.assignmentId}/declare`,
      payload: { conflict: true, reason: '与项目负责人曾合作发表论文' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'conflict', replacedBy: first.expertId });
    expect(await auditActions(since)).toEqual(['review.assignment.conflict']);
    const now = (await planner.request({ method: 'GET', url: `/api/review/panels/${panel.id}` })).json() as TPanel;
    expect(now.members.find((m) => m.expertId === first.expertId)).toMatchObject({ seat: true, status: 'invited' });
    expect(now.members.find((m) => m.expertId === seat.expertId)).toMatchObject({
      seat: false,
      status: 'conflict',
      note: '与项目负责人曾合作发表论文',
    });
    expect(now.events.map((e) => e.kind)).toEqual(['draw', 'open', 'declare', 'conflict']);
    expect(now.events[3]?.detail).toMatchObject({ expertId: seat.expertId, replacedBy: first.expertId });
    panel = now;
  });

  it('refuses a bad score sheet, writing nothing, and takes a good one', async () => {
    const seat = panel.members.find((m) => m.status === 'accepted') as TPanel['members'][number];
    const expert = clients.get(seat.expertId) as Client;
    const before = await counts();
    for (const [payload, code] of [
      [sheet('41', '20', '20'), 'review/score_invalid'],
      [{ ...sheet('30', '20', '20'), comments: {} }, 'review/comment_required'],
      [{ ...sheet('30', '20', '20'), opinion: '' }, 'review/opinion_required'],
    ] as const) {
      const res = await expert.request({ method: 'PUT', url: `/api/review/assignments/${seat.assignmentId}/score`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code });
    }
    expect(await counts()).toEqual(before);
  });

  it('aggregates the five seats into a ranking with the dispersion flag', async () => {
    const totals = [
      ['35', '25', '25'], // 85
      ['30', '20', '20'], // 70
      ['38', '28', '26'], // 92
      ['20', '15', '15'], // 50
      ['32', '24', '24'], // 80
    ];
    const seats = panel.members.filter((m) => m.seat);
    for (const [k, m] of seats.entries()) {
      const expert = clients.get(m.expertId) as Client;
      if (m.status === 'invited') {
        const d = await expert.request({
          method: 'POST',
          url: `/api/review/assignments/${m.assignmentId}/declare`,
          payload: { conflict: false },
        });
        expect(d.statusCode, d.body).toBe(200);
      }
      const [a, b, c] = totals[k] as [string, string, string];
      const res = await expert.request({ method: 'PUT', url: `/api/review/assignments/${m.assignmentId}/score`, payload: sheet(a, b, c) });
      expect(res.statusCode, res.body).toBe(200);
    }
    const ranking = (await planner.request({ method: 'GET', url: `/api/review/ranking?batchId=${callId}` })).json() as TReviewRanking;
    // trimmed mean of 50, 70, 80, 85, 92 → (70 + 80 + 85) / 3 = 78.33; spread 42 > 30
    expect(ranking.rows[0]).toMatchObject({ subjectId: app.id, n: 5, score: '78.33', spread: '42', dispersed: true, rank: 1 });
    const result = await planner.request({ method: 'GET', url: `/api/review/result?subjectId=${app.id}` });
    expect(result.json()).toMatchObject({ score: '78.33', rank: 1, of: 1, dispersed: true });
  });

  it('keeps the review result the decision was taken on, on the application’s timeline', async () => {
    const a = (await planner.request({ method: 'GET', url: `/api/project-applications/${app.id}` })).json() as { version: number };
    const res = await planner.request({
      method: 'POST',
      url: `/api/project-applications/${app.id}/decision`,
      payload: { version: a.version, selected: true, grantedFen: 10_000_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const timeline = (res.json() as { timeline: Array<{ kind: string; detail: unknown }> }).timeline;
    expect(timeline.find((e) => e.kind === 'select')?.detail).toMatchObject({
      review: { score: '78.33', rank: 1, of: 1, dispersed: true },
    });
  });

  it('exports the score sheet and the opinions', async () => {
    const x = await planner.request({ method: 'GET', url: `/api/review/ranking.xlsx?batchId=${callId}` });
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('评审排名')?.getRow(3).getCell(8).value).toBe(78.33);
    expect(book.getWorksheet('专家评分')?.rowCount).toBe(6);
    const d = await planner.request({ method: 'GET', url: `/api/review/panels/${panel.id}/opinions.docx` });
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await app.client.request({ method: 'GET', url: `/api/review/panels/${panel.id}/opinions.docx` })).statusCode).toBe(403);
  });

  it('verifies the draw: the same panel again, and a changed pool reported', async () => {
    const v1 = (await viewer.request({ method: 'GET', url: `/api/review/draws/${draw.id}/verify` })).json() as TVerifyResult;
    expect(v1).toMatchObject({ samePanels: true, poolChanged: false, poolChanges: [], snapshotSha256: draw.snapshotSha256 });
    const added = await addExpert(t, {});
    await t.database.db.updateTable('expert_employment').set({ org_name: '新单位' }).where('expert_id', '=', insider).execute();
    const v2 = (await planner.request({ method: 'GET', url: `/api/review/draws/${draw.id}/verify` })).json() as TVerifyResult;
    expect(v2.samePanels).toBe(true);
    expect(v2.poolChanged).toBe(true);
    expect(v2.poolChanges).toEqual(
      expect.arrayContaining([
        { expertId: added.id, change: 'added', fields: [] },
        { expertId: insider, change: 'changed', fields: ['employments'] },
      ]),
    );
  });

  it('reports a tampered record as not the same panel', async () => {
    const row = await t.database.db.selectFrom('review_draw').select('seed').where('id', '=', draw.id).executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('review_draw')
      .set({ seed: 'f'.repeat(32) })
      .where('id', '=', draw.id)
      .execute();
    const v = (await planner.request({ method: 'GET', url: `/api/review/draws/${draw.id}/verify` })).json() as TVerifyResult;
    expect(v.samePanels).toBe(false);
    await t.database.db.updateTable('review_draw').set({ seed: row.seed }).where('id', '=', draw.id).execute();
  });
});

describe('avoidance requests', () => {
  it('lets the applicant ask to keep an expert off its panel, up to three, before the draw; the draw excludes them', async () => {
    const { callId, apps } = await callUnderReview(t, planner, 1);
    const app = apps[0] as (typeof apps)[number];
    const avoided = await addExpert(t, { name: '回避专家甲' });
    for (let i = 0; i < 6; i++) await addExpert(t, {});
    const add = (personName: string) =>
      app.client.request({
        method: 'POST',
        url: '/api/review/avoidances',
        payload: { subjectId: app.id, personName, reason: '存在学术竞争' },
      });
    expect((await add('回避专家甲')).statusCode).toBe(200);
    expect((await add('乙')).statusCode).toBe(200);
    expect((await add('丙')).statusCode).toBe(200);
    const fourth = await add('丁');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ code: 'review/avoidance_limit' });
    // another unit may not ask for this application
    const { client: other } = await (await import('./project-fixture.ts')).applicantAccount(t, 'enterprise');
    expect(
      (await other.request({ method: 'POST', url: '/api/review/avoidances', payload: { subjectId: app.id, personName: 'x', reason: 'y' } }))
        .statusCode,
    ).toBe(403);
    const res = await planner.request({ method: 'POST', url: '/api/review/draws', payload: drawBody(callId) });
    expect(res.statusCode, res.body).toBe(200);
    const panel = (res.json() as TDrawRecord).panelList[0] as TPanel;
    expect(panel.exclusions).toContainEqual(
      expect.objectContaining({ expertId: avoided.id, reason: 'avoidance', detail: '申报单位申请回避：存在学术竞争' }),
    );
    expect(panel.members.map((m) => m.expertId)).not.toContain(avoided.id);
    const late = await add('戊');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'review/avoidance_too_late' });
  });
});

describe('a meeting review', () => {
  it('lets the secretary record declarations and enter scores, and refuses an expert scoring online', async () => {
    const { callId } = await callUnderReview(t, planner, 1);
    const pool: Array<{ id: number; username: string | null }> = [];
    for (let i = 0; i < 5; i++) pool.push(await addExpert(t, { account: i === 0, region: '430000', disciplines: ['999.10'] }));
    await planner.request({
      method: 'PUT',
      url: '/api/review/rubrics',
      payload: rubricBody(callId, { mode: 'meeting', aggregation: 'median' }),
    });
    const draw = (
      await planner.request({
        method: 'POST',
        url: '/api/review/draws',
        payload: drawBody(callId, { constraints: { reserves: 0, disciplinePrefix: '999' } }),
      })
    ).json() as TDrawRecord;
    await planner.request({ method: 'POST', url: `/api/review/draws/${draw.id}/open` });
    const panel = draw.panelList[0] as TPanel;
    const self = panel.members.find((m) => m.expertId === pool[0]?.id) as TPanel['members'][number];
    const expert = await t.login(pool[0]?.username as string);
    await expert.request({ method: 'POST', url: `/api/review/assignments/${self.assignmentId}/declare`, payload: { conflict: false } });
    const online = await expert.request({
      method: 'PUT',
      url: `/api/review/assignments/${self.assignmentId}/score`,
      payload: sheet('30', '20', '20'),
    });
    expect(online.statusCode).toBe(409);
    expect(online.json()).toMatchObject({ code: 'review/wrong_mode' });
    for (const [k, m] of panel.members.entries()) {
      if (m.expertId !== pool[0]?.id)
        expect(
          (
            await planner.request({
              method: 'POST',
              url: `/api/review/assignments/${m.assignmentId}/declare`,
              payload: { conflict: false },
            })
          ).statusCode,
        ).toBe(200);
      const res = await planner.request({
        method: 'PUT',
        url: `/api/review/assignments/${m.assignmentId}/score`,
        payload: sheet(String(20 + k), '20', '20'),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const ranking = (await planner.request({ method: 'GET', url: `/api/review/ranking?batchId=${callId}` })).json() as TReviewRanking;
    // median of 60..64
    expect(ranking.rows[0]).toMatchObject({ n: 5, score: '62.00', dispersed: false });
    // the secretary of another city may not
    const m0 = panel.members[0] as TPanel['members'][number];
    expect(
      (await changsha.request({ method: 'PUT', url: `/api/review/assignments/${m0.assignmentId}/score`, payload: sheet('1', '1', '1') }))
        .statusCode,
    ).toBe(403);
  });
});
