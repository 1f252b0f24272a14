import { registerBanSource } from '@kechuang/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantAccount, applicationBody, callBody, openCall, programme, submitted } from './project-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let enterprise: Client;
let viewer: Client;
let changsha: Client;

beforeAll(async () => {
  t = await createTestApp();
  [planner, enterprise, viewer, changsha] = await Promise.all([
    t.login('planner'),
    t.login('enterprise'),
    t.login('province'),
    t.login('planner.changsha'),
  ]);
});
afterAll(async () => t?.close());

/** Rows of the tables a refused step must leave alone. */
async function snapshot() {
  const db = t.database.db;
  const n = async (table: 'audit_log' | 'project_application' | 'project_event' | 'person' | 'project_call') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statuses = await db.selectFrom('project_application').select(['id', 'status', 'version']).orderBy('id').execute();
  return {
    audit: await n('audit_log'),
    apps: await n('project_application'),
    events: await n('project_event'),
    people: await n('person'),
    calls: await n('project_call'),
    statuses,
  };
}

async function expectRefused(
  res: { statusCode: number; json(): unknown; body: string },
  status: number,
  code: string,
  before: Awaited<ReturnType<typeof snapshot>>,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { code: string }).code).toBe(code);
  expect(await snapshot()).toEqual(before);
}

async function auditRows(action: string, entityId: number) {
  return t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', String(entityId)).execute();
}

describe('calls', () => {
  it('drafts, publishes and closes a call, one audit row each, and shows it on the public page while open', async () => {
    const pid = await programme(t);
    const created = await planner.request({
      method: 'POST',
      url: '/api/project-calls',
      payload: callBody(pid, { title: '公开页测试指南' }),
    });
    expect(created.statusCode, created.body).toBe(200);
    const call = created.json();
    expect(call).toMatchObject({ status: 'draft', window: 'open', maxGrantFen: 30_000_000, programmeKind: 'natural_science' });
    expect(call.closesAt).toMatch(/\+08:00$/);
    const anon = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/public/project-calls?region=430408' })).json() as Array<{ title: string }>;
    expect((await anon()).map((c) => c.title)).not.toContain('公开页测试指南');
    const pub = await planner.request({ method: 'POST', url: `/api/project-calls/${call.id}/publish`, payload: { version: call.version } });
    expect(pub.json()).toMatchObject({ status: 'published', version: call.version + 1 });
    expect((await anon()).map((c) => c.title)).toContain('公开页测试指南');
    // outside the call's region the public page does not list it
    const wuhan = (await t.app.inject({ method: 'GET', url: '/api/public/project-calls?region=420102' })).json() as Array<{
      title: string;
    }>;
    expect(wuhan.map((c) => c.title)).not.toContain('公开页测试指南');
    const closed = await planner.request({
      method: 'POST',
      url: `/api/project-calls/${call.id}/close`,
      payload: { version: call.version + 1 },
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await anon()).map((c) => c.title)).not.toContain('公开页测试指南');
    for (const action of ['project.call.create', 'project.call.publish', 'project.call.close'])
      expect(await auditRows(action, call.id)).toHaveLength(1);
  });

  it('refuses a window that closes before it opens, a published call edit, and a stale version, writing nothing', async () => {
    const pid = await programme(t);
    let before = await snapshot();
    const bad = callBody(pid, { opensAt: '2026-03-31T17:00:00+08:00', closesAt: '2026-03-31T17:00:00+08:00' });
    await expectRefused(
      await planner.request({ method: 'POST', url: '/api/project-calls', payload: bad }),
      400,
      'project/invalid_window',
      before,
    );
    const call = await openCall(planner, t);
    before = await snapshot();
    const edit = await planner.request({
      method: 'PUT',
      url: `/api/project-calls/${call.id}`,
      payload: { ...callBody(pid), version: call.version },
    });
    await expectRefused(edit, 409, 'project/call_not_draft', before);
    const stale = await planner.request({
      method: 'POST',
      url: `/api/project-calls/${call.id}/close`,
      payload: { version: call.version - 1 },
    });
    await expectRefused(stale, 409, 'common/conflict', before);
  });

  it('keeps drafts from applicants, and calls of another city from the bureau', async () => {
    const pid = await programme(t);
    const draft = (await planner.request({ method: 'POST', url: '/api/project-calls', payload: callBody(pid) })).json();
    expect((await enterprise.request({ method: 'GET', url: `/api/project-calls/${draft.id}` })).statusCode).toBe(404);
    expect((await changsha.request({ method: 'GET', url: `/api/project-calls/${draft.id}` })).statusCode).toBe(403);
    const list = (await enterprise.request({ method: 'GET', url: '/api/project-calls?pageSize=200' })).json();
    expect(list.items.every((c: { status: string }) => c.status !== 'draft')).toBe(true);
  });
});

describe('applications', () => {
  it('keeps a draft, submits it inside the window, with every step on the timeline and one audit row per change', async () => {
    const call = await openCall(planner, t);
    const created = await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(call.id) });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', fiscalFen: 20_000_000, orgName: '衡阳衡山科学仪器有限公司' });
    expect(draft.leader.idLast4).toMatch(/^\d{3}[\dX]$/);
    expect(JSON.stringify(draft)).not.toMatch(/43040419800101/); // the identity number never leaves in full
    // the bureau does not see a draft
    expect((await planner.request({ method: 'GET', url: `/api/project-applications/${draft.id}` })).statusCode).toBe(403);
    const edited = await enterprise.request({
      method: 'PUT',
      url: `/api/project-applications/${draft.id}`,
      payload: { ...applicationBody(call.id, { title: '改过的题目' }), callId: undefined, version: draft.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const res = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${draft.id}/submit`,
      payload: { version: draft.version + 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json();
    expect(app.status).toBe('submitted');
    expect(app.timeline.map((e: { kind: string }) => e.kind)).toEqual(['create', 'edit', 'submit']);
    for (const a of ['create', 'update', 'submit']) expect(await auditRows(`project.application.${a}`, draft.id)).toHaveLength(1);
    expect((await planner.request({ method: 'GET', url: `/api/project-applications/${draft.id}` })).json().title).toBe('改过的题目');
  });

  it('refuses a submission after the call closes (window ended, or closed by the bureau), writing nothing', async () => {
    const now = Date.now();
    const ended = await openCall(planner, t, {
      opensAt: new Date(now - 48 * 3_600_000).toISOString(),
      closesAt: new Date(now - 1000).toISOString(),
    });
    const draft = (
      await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(ended.id) })
    ).json();
    const before = await snapshot();
    const res = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${draft.id}/submit`,
      payload: { version: draft.version },
    });
    await expectRefused(res, 409, 'project/call_not_open', before);
    const upcoming = await openCall(planner, t, {
      opensAt: new Date(now + 3_600_000).toISOString(),
      closesAt: new Date(now + 48 * 3_600_000).toISOString(),
    });
    const early = (
      await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(upcoming.id) })
    ).json();
    const before2 = await snapshot();
    await expectRefused(
      await enterprise.request({
        method: 'POST',
        url: `/api/project-applications/${early.id}/submit`,
        payload: { version: early.version },
      }),
      409,
      'project/call_not_open',
      before2,
    );
  });

  it('refuses a submission over 限项 per unit and per leader', async () => {
    const call = await openCall(planner, t, { limitPerUnit: 1, limitPerLeader: 1 });
    const first = await submitted(enterprise, call.id);
    expect(first.status).toBe('submitted');
    const second = (
      await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(call.id) })
    ).json();
    let before = await snapshot();
    const r1 = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${second.id}/submit`,
      payload: { version: second.version },
    });
    await expectRefused(r1, 409, 'project/over_limit', before);
    expect(r1.json().title).toBe('超出本指南的限项要求（每单位或每位负责人限报项数）');
    // the same leader from another unit
    const other = await applicantAccount(t, 'institute', '430407');
    const firstLeader = (await enterprise.request({ method: 'GET', url: `/api/project-applications/${first.id}` })).json().leader;
    const sameLeader = await t.database.db
      .selectFrom('person')
      .select('id_hash')
      .where('id', '=', firstLeader.id)
      .executeTakeFirstOrThrow();
    expect(sameLeader.id_hash).toBeTruthy();
    const body = applicationBody(call.id);
    const withLeader = { ...body, leader: { ...body.leader, idNumber: await leaderIdOf(first.id) } };
    const dup = (await other.client.request({ method: 'POST', url: '/api/project-applications', payload: withLeader })).json();
    expect(dup.leader.id).toBe(firstLeader.id);
    before = await snapshot();
    const r2 = await other.client.request({
      method: 'POST',
      url: `/api/project-applications/${dup.id}/submit`,
      payload: { version: dup.version },
    });
    await expectRefused(r2, 409, 'project/over_limit', before);
  });

  it('refuses an ineligible applicant, with the reasons, writing nothing', async () => {
    const call = await openCall(planner, t, { eligibility: { applicantKinds: ['enterprise'], regionCodes: [], rungsAnyOf: ['hnte'] } });
    const draft = (
      await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(call.id) })
    ).json();
    const before = await snapshot();
    const res = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${draft.id}/submit`,
      payload: { version: draft.version },
    });
    await expectRefused(res, 400, 'project/not_eligible', before);
  });

  it('refuses a barred applicant (integrity ban), writing nothing', async () => {
    const call = await openCall(planner, t);
    const barred = await applicantAccount(t, 'enterprise');
    const off = registerBanSource(async (_ctx, q) =>
      q.subject.kind === 'org' && q.subject.id === barred.orgId && q.activity === 'apply'
        ? { barred: true, reason: '严重失信，限制申报' }
        : { barred: false },
    );
    try {
      const draft = (
        await barred.client.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(call.id) })
      ).json();
      const before = await snapshot();
      const res = await barred.client.request({
        method: 'POST',
        url: `/api/project-applications/${draft.id}/submit`,
        payload: { version: draft.version },
      });
      await expectRefused(res, 403, 'project/barred', before);
      // the automatic checks show the same ban
    } finally {
      off();
    }
  });

  it('refuses budgets that do not add up or exceed the maximum grant, and missing attachments', async () => {
    const call = await openCall(planner, t, { requiredAttachments: ['申报书'] });
    const mismatch = (
      await enterprise.request({
        method: 'POST',
        url: '/api/project-applications',
        payload: applicationBody(call.id, { fiscalFen: 20_000_001 }),
      })
    ).json();
    let before = await snapshot();
    await expectRefused(
      await enterprise.request({
        method: 'POST',
        url: `/api/project-applications/${mismatch.id}/submit`,
        payload: { version: mismatch.version },
      }),
      400,
      'project/budget_mismatch',
      before,
    );
    const over = applicationBody(call.id, {
      budget: [{ category: 'equipment', fiscalFen: 30_000_001, selfFen: 0 }],
      fiscalFen: 30_000_001,
      selfFen: 0,
    });
    const big = (await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: over })).json();
    before = await snapshot();
    await expectRefused(
      await enterprise.request({ method: 'POST', url: `/api/project-applications/${big.id}/submit`, payload: { version: big.version } }),
      400,
      'project/over_max_grant',
      before,
    );
    const ok = (await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(call.id) })).json();
    before = await snapshot();
    await expectRefused(
      await enterprise.request({ method: 'POST', url: `/api/project-applications/${ok.id}/submit`, payload: { version: ok.version } }),
      400,
      'project/missing_attachments',
      before,
    );
    const up = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${ok.id}/files?filename=${encodeURIComponent('申报书.pdf')}&kind=${encodeURIComponent('申报书')}`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.statusCode, up.body).toBe(200);
    const fresh = (await enterprise.request({ method: 'GET', url: `/api/project-applications/${ok.id}` })).json();
    expect(
      (await enterprise.request({ method: 'POST', url: `/api/project-applications/${ok.id}/submit`, payload: { version: fresh.version } }))
        .statusCode,
    ).toBe(200);
    const file = await planner.request({ method: 'GET', url: `/api/project-applications/${ok.id}/files/${up.json().id}` });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('%PDF');
  });

  it('refuses another unit and a stale version, writing nothing', async () => {
    const call = await openCall(planner, t);
    const draft = (
      await enterprise.request({ method: 'POST', url: '/api/project-applications', payload: applicationBody(call.id) })
    ).json();
    const other = await applicantAccount(t, 'enterprise');
    const before = await snapshot();
    const put = { ...applicationBody(call.id), callId: undefined, version: draft.version };
    await expectRefused(
      await other.client.request({ method: 'PUT', url: `/api/project-applications/${draft.id}`, payload: put }),
      403,
      'auth/out_of_scope',
      before,
    );
    await expectRefused(
      await other.client.request({
        method: 'POST',
        url: `/api/project-applications/${draft.id}/submit`,
        payload: { version: draft.version },
      }),
      403,
      'auth/out_of_scope',
      before,
    );
    await expectRefused(
      await enterprise.request({
        method: 'PUT',
        url: `/api/project-applications/${draft.id}`,
        payload: { ...put, version: draft.version + 5 },
      }),
      409,
      'common/conflict',
      before,
    );
    await expectRefused(
      await enterprise.request({
        method: 'POST',
        url: `/api/project-applications/${draft.id}/submit`,
        payload: { version: draft.version + 5 },
      }),
      409,
      'common/conflict',
      before,
    );
    expect(
      (await other.client.request({ method: 'GET', url: '/api/project-applications' })).json().items.map((a: { id: number }) => a.id),
    ).not.toContain(draft.id);
    // a viewer reads but never acts
    const sub = await submitted(enterprise, (await openCall(planner, t)).id);
    const before2 = await snapshot();
    await expectRefused(
      await viewer.request({
        method: 'POST',
        url: `/api/project-applications/${sub.id}/return`,
        payload: { version: sub.version, reasons: ['x'] },
      }),
      403,
      'auth/forbidden',
      before2,
    );
  });
});

describe('withdrawal and export', () => {
  it('withdraws a submitted application, which then no longer counts for 限项; exports the list', async () => {
    const call = await openCall(planner, t, { limitPerUnit: 1 });
    const first = await submitted(enterprise, call.id);
    const w = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${first.id}/withdraw`,
      payload: { version: first.version },
    });
    expect(w.json()).toMatchObject({ status: 'withdrawn' });
    expect(w.json().timeline.at(-1).kind).toBe('withdraw');
    const again = await enterprise.request({
      method: 'POST',
      url: `/api/project-applications/${first.id}/withdraw`,
      payload: { version: w.json().version },
    });
    expect(again.json().code).toBe('project/wrong_status');
    const second = await submitted(enterprise, call.id); // the withdrawn one left the unit's quota free
    expect(second.status).toBe('submitted');
    const xlsx = await planner.request({ method: 'GET', url: `/api/project-applications/export?callId=${call.id}` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = ((book.getWorksheet('申报书')?.getSheetValues() ?? []) as unknown[][]).filter(Boolean);
    expect(rows.map((r) => r[8])).toEqual(['状态', '已撤回', '已提交']);
  });
});

/** The identity number of an application's leader: the fixture's numbers follow from their last four characters. */
async function leaderIdOf(applicationId: number): Promise<string> {
  const app = (await enterprise.request({ method: 'GET', url: `/api/project-applications/${applicationId}` })).json();
  return `43040419800101${app.leader.idLast4 as string}`;
}
