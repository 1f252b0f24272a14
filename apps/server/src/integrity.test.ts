import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { record, suggestion } from './integrity-fixture.ts';
import { applicationBody, idNumber, openCall } from './project-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let admin: Client;
let viewer: Client;
let enterprise: Client;
let expert: Client;
let reporter: Client;

beforeAll(async () => {
  t = await createTestApp();
  [planner, admin, viewer, enterprise, expert, reporter] = (await Promise.all(
    ['planner', 'admin', 'province', 'enterprise', 'expert', 'reporter.leiyang'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client, Client];
});
afterAll(async () => t?.close());

const post = (c: Client, url: string, payload: unknown) => c.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (c: Client | null, url: string) => (c ? c.request({ method: 'GET', url }) : t.app.inject({ method: 'GET', url }));

/** Rows that a refused request must leave untouched. */
async function snapshot() {
  const db = t.database.db;
  const n = async (table: 'audit_log' | 'integrity_record' | 'integrity_suggestion_dismissal') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const versions = await db.selectFrom('integrity_record').select(['id', 'version', 'status']).orderBy('id').execute();
  return {
    audit: await n('audit_log'),
    records: await n('integrity_record'),
    dismissals: await n('integrity_suggestion_dismissal'),
    versions,
  };
}

async function expectRefused(res: { statusCode: number; json(): { code: string } }, status: number, code: string, before: unknown) {
  expect(res.statusCode).toBe(status);
  expect(res.json().code).toBe(code);
  expect(await snapshot()).toEqual(before);
}

const banBody = (personId: number, over: Record<string, unknown> = {}) => ({
  subjectKind: 'person',
  personId,
  listKind: 'black',
  misconductType: 'fabrication',
  severity: 'serious',
  measures: ['criticism', 'ban'],
  banScope: ['apply', 'undertake'],
  periodStart: '2026-04-01',
  periodYears: 3,
  docNo: '衡科诚〔2026〕3号',
  issuer: '衡阳市科学技术局',
  decidedOn: '2026-04-01',
  occurredOn: '2026-03-25',
  summary: '项目结题材料中伪造检测报告',
  ...over,
});

describe('a ban recorded on a project leader', () => {
  it('blocks his next application, with a zh-CN reason naming the record, its measure and period', async () => {
    const leaderId = idNumber();
    const call = await openCall(planner, t, { limitPerUnit: null, limitPerLeader: null });
    const leader = { name: '周研发', idNumber: leaderId, title: '高级工程师' };
    const first = (await post(enterprise, '/api/project-applications', applicationBody(call.id, { leader }))).json();
    const submitted = await post(enterprise, `/api/project-applications/${first.id}/submit`, { version: first.version });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // the bureau finds him by his identity number (matched by its hash; the number never comes back)
    const found = await get(planner, `/api/integrity/subjects?kind=person&q=${leaderId}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).not.toContain(leaderId);
    expect(found.json()).toEqual([expect.objectContaining({ name: '周研发', idLast4: leaderId.slice(-4) })]);
    const personId = found.json()[0].id as number;

    const audit0 = (await snapshot()).audit;
    const draft = await post(planner, '/api/integrity/records', banBody(personId));
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      subjectName: '周研发',
      packId: 'most-24',
      periodEnd: '2029-04-01',
      idLast4: leaderId.slice(-4),
    });
    expect(draft.body).not.toContain(leaderId);
    // a draft bars nobody
    expect((await get(planner, `/api/integrity/check?kind=person&id=${personId}&activity=apply`)).json().barred).toBe(false);

    const confirmed = await post(planner, `/api/integrity/records/${draft.json().id}/confirm`, { version: draft.json().version });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed' });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id', 'actor_username'])
      .where('entity_type', '=', 'integrity_record')
      .where('entity_id', '=', String(draft.json().id))
      .orderBy('id')
      .execute();
    expect(audits.map((a) => [a.action, a.actor_username])).toEqual([
      ['integrity.create', 'planner'],
      ['integrity.confirm', 'planner'],
    ]);
    expect((await snapshot()).audit).toBe(audit0 + 2);

    const check = (await get(viewer, `/api/integrity/check?kind=person&id=${personId}&activity=apply&on=2026-12-01`)).json();
    expect(check.barred).toBe(true);
    expect(check.reason).toContain('衡科诚〔2026〕3号');
    expect(check.reason).toContain('自2026年4月1日至2029年4月1日（3年）');
    expect(check.reason).toContain('一定期限禁止（取消）申报');
    // the scope is the activities the decision names; the period ends on the corresponding day
    expect((await get(viewer, `/api/integrity/check?kind=person&id=${personId}&activity=review&on=2026-12-01`)).json().barred).toBe(false);
    expect((await get(viewer, `/api/integrity/check?kind=person&id=${personId}&activity=apply&on=2029-04-01`)).json().barred).toBe(true);
    expect((await get(viewer, `/api/integrity/check?kind=person&id=${personId}&activity=apply&on=2029-04-02`)).json().barred).toBe(false);

    // his next application is refused, writing nothing
    const second = (await post(enterprise, '/api/project-applications', applicationBody(call.id, { leader }))).json();
    const before = await snapshot();
    const refused = await post(enterprise, `/api/project-applications/${second.id}/submit`, { version: second.version });
    await expectRefused(refused, 403, 'project/barred', before);
    // and the bureau's formal checks show the reason on the one already submitted
    const checks = (await get(planner, `/api/project-calls/${call.id}/checks`)).json();
    const findings = checks.applications.find((a: { id: number }) => a.id === first.id).findings;
    expect(findings).toEqual([expect.objectContaining({ kind: 'barred', message: expect.stringContaining('衡科诚〔2026〕3号') })]);

    // an appeal is noted; while it is pending the ban holds
    const appealed = await post(planner, `/api/integrity/records/${draft.json().id}/appeal`, {
      version: confirmed.json().version,
      appealStatus: 'pending',
      note: '本人提出复核申请',
    });
    expect(appealed.json()).toMatchObject({ appealStatus: 'pending', appealNote: '本人提出复核申请', status: 'confirmed' });
    expect((await get(planner, `/api/integrity/check?kind=person&id=${personId}&activity=apply`)).json().barred).toBe(true);
    // revoked (the appeal upheld), the ban no longer holds
    const revoked = await post(planner, `/api/integrity/records/${draft.json().id}/revoke`, {
      version: appealed.json().version,
      reason: '申诉成立，撤销处理决定',
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokeReason: '申诉成立，撤销处理决定' });
    expect((await get(planner, `/api/integrity/check?kind=person&id=${personId}&activity=apply`)).json().barred).toBe(false);
  });
});

describe('rule packs by incident date', () => {
  it('handles an incident of 2026-03-19 under 令第19号 and one of 2026-03-20 under 令第24号, with their guides', async () => {
    const person = (await t.database.db.insertInto('person').values({ name: '李某' }).returning('id').executeTakeFirstOrThrow()).id;
    const undated = (await post(planner, '/api/integrity/records', { subjectKind: 'person', personId: person, listKind: 'watch' })).json();
    expect(undated.packId).toBeNull();
    const before = (
      await post(planner, '/api/integrity/records', banBody(person, { occurredOn: '2026-03-19', severity: 'extreme', periodYears: 2 }))
    ).json();
    expect(before).toMatchObject({ packId: 'most-19', packName: expect.stringContaining('令第19号') });
    expect(before.warnings).toEqual(expect.arrayContaining([expect.stringContaining('取消5年以上直至永久相关资格')]));
    const after = (
      await post(planner, '/api/integrity/records', banBody(person, { occurredOn: '2026-03-20', severity: 'extreme', periodYears: 2 }))
    ).json();
    expect(after).toMatchObject({ packId: 'most-24', packName: expect.stringContaining('令第24号') });
    expect(after.warnings.join()).not.toContain('取消5年以上');
    expect(after.warnings.join()).toContain('未取得原文');
    const packs = (await get(viewer, '/api/integrity/packs')).json();
    expect(packs.map((x: { id: string; effectiveFrom: string }) => [x.id, x.effectiveFrom])).toEqual([
      ['most-19', '2020-09-01'],
      ['most-24', '2026-03-20'],
    ]);
  });
});

describe('refusals write nothing', () => {
  it('refuses units, experts and viewers, other regions, and inconsistent or incomplete records', async () => {
    const person = (await t.database.db.insertInto('person').values({ name: '王某' }).returning('id').executeTakeFirstOrThrow()).id;
    const body = banBody(person);
    let before = await snapshot();
    for (const c of [enterprise, expert, reporter, viewer])
      await expectRefused(await post(c, '/api/integrity/records', body), 403, 'auth/forbidden', before);
    for (const c of [enterprise, expert, reporter]) {
      expect((await get(c, '/api/integrity/records')).statusCode).toBe(403);
      expect((await get(c, '/api/integrity/suggestions')).statusCode).toBe(403);
    }
    await expectRefused(await post(planner, '/api/integrity/records', { ...body, regionCode: '420100' }), 403, 'auth/out_of_scope', before);
    await expectRefused(
      await post(planner, '/api/integrity/records', { ...body, banScope: [] }),
      400,
      'integrity/ban_scope_mismatch',
      before,
    );
    await expectRefused(
      await post(planner, '/api/integrity/records', { ...body, periodEnd: '2027-01-01' }),
      400,
      'integrity/period_invalid',
      before,
    );
    await expectRefused(
      await post(planner, '/api/integrity/records', { ...body, listKind: 'red' }),
      400,
      'integrity/red_with_measures',
      before,
    );
    await expectRefused(
      await post(planner, '/api/integrity/records', { ...body, subjectKind: 'org', personId: undefined, orgId: 999999 }),
      404,
      'integrity/subject_not_found',
      before,
    );
    await expectRefused(
      await post(planner, '/api/integrity/records', { ...body, measures: ['flogging'] }),
      400,
      'common/validation',
      before,
    );

    const draft = (await post(planner, '/api/integrity/records', { subjectKind: 'person', personId: person, listKind: 'black' })).json();
    before = await snapshot();
    const incomplete = await post(planner, `/api/integrity/records/${draft.id}/confirm`, { version: draft.version });
    await expectRefused(incomplete, 400, 'integrity/incomplete', before);
    await expectRefused(
      await post(planner, `/api/integrity/records/${draft.id}/publish`, { version: draft.version }),
      409,
      'integrity/wrong_status',
      before,
    );
    await expectRefused(
      await post(planner, `/api/integrity/records/${draft.id}/confirm`, { version: draft.version + 1 }),
      409,
      'common/conflict',
      before,
    );
    await expectRefused(
      await post(viewer, `/api/integrity/records/${draft.id}/revoke`, { version: draft.version, reason: '作废' }),
      403,
      'auth/forbidden',
      before,
    );

    const wuhan = await record(t, { region: '420100', status: 'confirmed' });
    before = await snapshot();
    expect((await get(planner, `/api/integrity/records/${wuhan.id}`)).json().code).toBe('auth/out_of_scope');
    await expectRefused(
      await post(admin, `/api/integrity/records/${wuhan.id}/publish`, { version: wuhan.version }),
      403,
      'auth/out_of_scope',
      before,
    );
    const watch = await record(t, { listKind: 'watch', status: 'confirmed' });
    before = await snapshot();
    await expectRefused(
      await post(planner, `/api/integrity/records/${watch.id}/publish`, { version: watch.version }),
      409,
      'integrity/not_publishable',
      before,
    );
  });
});

describe('the public 黑名单 / 红名单', () => {
  it('shows published records of the list only, never an identity number or an internal id', async () => {
    const idNo = idNumber();
    const personId = await t.database.db.transaction().execute(async (tx) => {
      const { upsertPerson } = await import('@kechuang/core');
      return upsertPerson(tx, { name: '赵公示', idNumber: idNo }, null);
    });
    const draft = (await post(planner, '/api/integrity/records', banBody(personId, { docNo: '衡科诚〔2026〕9号' }))).json();
    const red = (
      await post(planner, '/api/integrity/records', {
        subjectKind: 'org',
        orgId: (
          await t.database.db
            .selectFrom('organization')
            .select('id')
            .where('name', '=', '衡阳衡山科学仪器有限公司')
            .executeTakeFirstOrThrow()
        ).id,
        listKind: 'red',
        periodStart: '2026-01-01',
        periodYears: 2,
        docNo: '衡科诚〔2026〕10号',
        decidedOn: '2026-01-01',
        summary: '连续三年科技计划项目绩效评价优秀',
      })
    ).json();
    const hidden = (await post(planner, '/api/integrity/records', banBody(personId, { docNo: '衡科诚〔2026〕11号' }))).json();
    await post(planner, `/api/integrity/records/${hidden.id}/confirm`, { version: hidden.version });
    for (const r of [draft, red]) {
      const c = (await post(planner, `/api/integrity/records/${r.id}/confirm`, { version: r.version })).json();
      const p = await post(admin, `/api/integrity/records/${r.id}/publish`, { version: c.version });
      expect(p.json().status).toBe('published');
    }
    const black = await get(null, `/api/public/integrity-records?listKind=black&q=${encodeURIComponent('赵公示')}`);
    expect(black.statusCode).toBe(200);
    expect(black.json().items).toEqual([
      expect.objectContaining({
        name: '赵公示',
        docNo: '衡科诚〔2026〕9号',
        measures: ['criticism', 'ban'],
        periodEnd: '2029-04-01',
        basis: '',
      }),
    ]);
    expect(black.body).not.toContain(idNo);
    expect(black.body).not.toContain(idNo.slice(-4));
    expect(Object.keys(black.json().items[0])).not.toEqual(expect.arrayContaining(['id', 'personId', 'idLast4']));
    const redList = (await get(null, '/api/public/integrity-records?listKind=red')).json();
    expect(redList.items).toEqual([
      expect.objectContaining({ name: '衡阳衡山科学仪器有限公司', basis: '连续三年科技计划项目绩效评价优秀' }),
    ]);
  });
});

describe('suggestions from failed acceptances and 撤销', () => {
  it('lists a revoked project, turns it into drafts for the unit and the leader, once each; dismisses another', async () => {
    const s = await suggestion(t);
    const other = await suggestion(t);
    await suggestion(t, '420100');
    const list = (await get(planner, '/api/integrity/suggestions')).json();
    expect(list.map((x: { eventId: number }) => x.eventId)).toEqual(expect.arrayContaining([s.eventId, other.eventId]));
    expect(list.every((x: { regionCode: string }) => x.regionCode === '430400')).toBe(true);
    const item = list.find((x: { eventId: number }) => x.eventId === s.eventId);
    expect(item).toMatchObject({ kind: 'revoke', reason: '弄虚作假', orgId: s.orgId, leaderPersonId: s.leaderId, records: [] });

    const forOrg = await post(planner, '/api/integrity/records', {
      subjectKind: 'org',
      orgId: s.orgId,
      listKind: 'black',
      sourceEventId: s.eventId,
    });
    expect(forOrg.json()).toMatchObject({ status: 'draft', sourceProjectId: s.projectId, sourceEventId: s.eventId });
    const forLeader = await post(planner, '/api/integrity/records', {
      subjectKind: 'person',
      personId: s.leaderId,
      listKind: 'black',
      sourceEventId: s.eventId,
    });
    expect(forLeader.statusCode).toBe(200);
    let before = await snapshot();
    const again = await post(planner, '/api/integrity/records', {
      subjectKind: 'org',
      orgId: s.orgId,
      listKind: 'watch',
      sourceEventId: s.eventId,
    });
    await expectRefused(again, 409, 'integrity/suggestion_handled', before);
    await expectRefused(
      await post(planner, `/api/integrity/suggestions/${s.eventId}/dismiss`, { reason: '不予立案' }),
      409,
      'integrity/suggestion_handled',
      before,
    );
    const after = (await get(planner, '/api/integrity/suggestions')).json().find((x: { eventId: number }) => x.eventId === s.eventId);
    expect(after.records.map((r: { subjectKind: string }) => r.subjectKind)).toEqual(['org', 'person']);

    before = await snapshot();
    await expectRefused(
      await post(viewer, `/api/integrity/suggestions/${other.eventId}/dismiss`, { reason: '不予立案' }),
      403,
      'auth/forbidden',
      before,
    );
    const dismissed = await post(planner, `/api/integrity/suggestions/${other.eventId}/dismiss`, { reason: '经核查系客观原因，不予立案' });
    expect(dismissed.statusCode).toBe(200);
    const rest = (await get(planner, '/api/integrity/suggestions')).json();
    expect(rest.map((x: { eventId: number }) => x.eventId)).not.toContain(other.eventId);
    expect((await snapshot()).audit).toBe(before.audit + 1);
  });

  it('picks up the revocation the projects module flags', async () => {
    const db = t.database.db;
    const { orgId, projectId } = await suggestion(t);
    await db.deleteFrom('project_event').where('project_id', '=', projectId).execute();
    // the real flag, as project-acceptance.ts writes it for a failed acceptance
    const { id } = await db
      .insertInto('project_event')
      .values({
        project_id: projectId,
        at: new Date(),
        kind: 'acceptance.failed',
        detail: JSON.stringify({ round: 1, rectificationDue: null, integrityCaseSuggested: true }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('project_event')
      .values({
        project_id: projectId,
        at: new Date(),
        kind: 'acceptance.passed',
        detail: JSON.stringify({ integrityCaseSuggested: false }),
      })
      .execute();
    const list = (await get(planner, '/api/integrity/suggestions')).json().filter((x: { projectId: number }) => x.projectId === projectId);
    expect(list).toEqual([expect.objectContaining({ eventId: id, kind: 'acceptance.failed', orgId })]);
  });
});

describe('list, filters and export', () => {
  it('filters by list, status (expired derived from the period), subject kind and text, and exports what it lists', async () => {
    const db = t.database.db;
    const old = await record(t, { status: 'published' });
    await db
      .updateTable('integrity_record')
      .set({ period_start: '2020-01-01', period_end: '2023-01-01', subject_name: '钱过期' })
      .where('id', '=', old.id)
      .execute();
    const expired = (await get(viewer, `/api/integrity/records?status=expired&q=${encodeURIComponent('钱过期')}`)).json();
    expect(expired.items).toEqual([expect.objectContaining({ id: old.id, status: 'expired' })]);
    expect((await get(viewer, `/api/integrity/records?status=published&q=${encodeURIComponent('钱过期')}`)).json().total).toBe(0);
    const orgs = (await get(viewer, '/api/integrity/records?subjectKind=org&pageSize=200')).json();
    expect(orgs.items.every((r: { subjectKind: string }) => r.subjectKind === 'org')).toBe(true);
    const watch = (await get(viewer, '/api/integrity/records?listKind=watch&pageSize=200')).json();
    expect(watch.total).toBeGreaterThan(0);
    expect(
      watch.items.every((r: { listKind: string; regionCode: string }) => r.listKind === 'watch' && r.regionCode.startsWith('43')),
    ).toBe(true);

    const res = await viewer.request({ method: 'GET', url: `/api/integrity/records/export?q=${encodeURIComponent('钱过期')}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('科研诚信记录.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('科研诚信记录');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(4).value).toBe('钱过期');
    expect(sheet?.getRow(2).getCell(19).value).toBe('已到期');
  });
});
