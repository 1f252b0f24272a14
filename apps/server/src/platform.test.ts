import { countsByTypeLevelRegion } from '@kechuang/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

/*
 * 创新平台 API: the city 认定 round from call to 认定 (conditions, 科研诚信, review, 公示, document number), the
 * yearly report by the platform's own unit, 绩效评价 with its consequence, the counts feeding the indicators,
 * the registry's status history; refusals write nothing; every mutation leaves its audit row.
 */

let t: TestApp;
let planner: Client;
let viewer: Client;
let enterprise: Client;
let reporter: Client;
let institute: Client;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  [planner, viewer, enterprise, reporter, institute] = (await Promise.all(
    ['planner', 'province', 'enterprise', 'reporter.leiyang', 'institute'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client];
});
afterAll(async () => t?.close());

const post = (c: Client, url: string, payload?: unknown) =>
  c.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const get = (c: Client | null, url: string) => (c ? c.request({ method: 'GET', url }) : t.app.inject({ method: 'GET', url }));

async function n(table: 'audit_log' | 'platform' | 'platform_application' | 'platform_event' | 'platform_report' | 'platform_call') {
  const r = await t.database.db
    .selectFrom(table)
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function snapshot() {
  return {
    audit: await n('audit_log'),
    platforms: await n('platform'),
    apps: await n('platform_application'),
    events: await n('platform_event'),
    reports: await n('platform_report'),
    calls: await n('platform_call'),
  };
}
async function expectRefused(res: { statusCode: number; json(): { code: string } }, status: number, code: string, before: unknown) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json().code).toBe(code);
  expect(await snapshot()).toEqual(before);
}
async function actual(code: string, region: string, period = String(year)) {
  const row = await t.database.db
    .selectFrom('indicator_value')
    .select('value')
    .where('indicator_code', '=', code)
    .where('region_code', '=', region)
    .where('period', '=', period)
    .where('kind', '=', 'actual')
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return row ? Number(row.value) : null;
}
async function lastAudit(action: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
}

const good = { rd_staff: 12, rd_area: 400, equipment_wan: 260, rd_spend_wan: 350 };

describe('the city 认定 round', () => {
  let callId: number;
  let appId: number;
  let platformId: number;

  it('opens a round for 工程技术研究中心; a unit outside the bureau cannot open one', async () => {
    const body = {
      title: `${year}年衡阳市工程技术研究中心认定`,
      regionCode: '430400',
      year,
      typeCodes: ['eng_center'],
      closesOn: `${year}-12-31`,
    };
    let before = await snapshot();
    await expectRefused(await post(enterprise, '/api/platform-calls', body), 403, 'auth/forbidden', before);
    await expectRefused(
      await post(planner, '/api/platform-calls', { ...body, typeCodes: ['no_such'] }),
      400,
      'platform/type_unknown',
      before,
    );
    const res = await post(planner, '/api/platform-calls', body);
    expect(res.statusCode, res.body).toBe(200);
    callId = res.json().id;
    expect(res.json().status).toBe('draft');
    expect((await lastAudit('platform.call_create'))?.entity_id).toBe(String(callId));
    before = await snapshot();
    // a unit cannot apply before publication
    await expectRefused(
      await post(enterprise, '/api/platform-applications', {
        callId,
        name: '衡阳市精密仪器工程技术研究中心',
        typeCode: 'eng_center',
        fields: good,
      }),
      404,
      'platform/call_not_found',
      before,
    );
    expect((await post(planner, `/api/platform-calls/${callId}/publish`)).json().status).toBe('open');
  });

  it('refuses fields of another type and a type the round does not accept, writing nothing', async () => {
    const before = await snapshot();
    await expectRefused(
      await post(enterprise, '/api/platform-applications', {
        callId,
        name: '某孵化器',
        typeCode: 'incubator',
        fields: { incubation_area: 20000 },
      }),
      400,
      'platform/type_not_in_call',
      before,
    );
    await expectRefused(
      await post(enterprise, '/api/platform-applications', {
        callId,
        name: '某中心',
        typeCode: 'eng_center',
        fields: { incubation_area: 20000 },
      }),
      400,
      'platform/field_unknown',
      before,
    );
    await expectRefused(
      await post(reporter, '/api/platform-applications', { callId, name: '某中心', typeCode: 'eng_center', fields: good }),
      403,
      'auth/forbidden',
      before,
    );
  });

  it('checks the type conditions at submission and refuses an unmet one', async () => {
    const res = await post(enterprise, '/api/platform-applications', {
      callId,
      name: '衡阳市仪器仪表工程技术研究中心',
      typeCode: 'eng_center',
      fields: { ...good, rd_spend_wan: 120 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    expect(draft.conditions.filter((c: { met: boolean }) => !c.met).map((c: { text: string }) => c.text)).toEqual([
      '上年度研发投入不少于300万元',
    ]);
    const before = await snapshot();
    await expectRefused(await post(enterprise, `/api/platform-applications/${draft.id}/submit`), 400, 'platform/conditions_unmet', before);
    // another unit's user cannot submit it
    await expectRefused(await post(institute, `/api/platform-applications/${draft.id}/submit`), 403, 'auth/out_of_scope', before);
  });

  it('refuses a submission while the 依托单位 is barred from platform activities (科研诚信)', async () => {
    const res = await post(enterprise, '/api/platform-applications', {
      callId,
      name: '衡阳市精密仪器工程技术研究中心',
      typeCode: 'eng_center',
      fields: good,
    });
    expect(res.statusCode, res.body).toBe(200);
    appId = res.json().id;
    const org = await t.database.db
      .selectFrom('organization')
      .select('id')
      .where('name', '=', '衡阳衡山科学仪器有限公司')
      .executeTakeFirstOrThrow();
    const ban = await t.database.db
      .insertInto('integrity_record')
      .values({
        region_code: '430400',
        subject_kind: 'org',
        org_id: org.id,
        subject_name: '衡阳衡山科学仪器有限公司',
        list_kind: 'black',
        pack_id: 'most-24',
        misconduct_type: 'fabrication',
        severity: 'serious',
        measures: ['criticism', 'ban'],
        ban_scope: ['platform'],
        period_start: daysAgo(30),
        period_end: `${year + 2}-12-31`,
        period_years: 2,
        doc_no: '衡科诚〔2026〕1号',
        decided_on: daysAgo(30),
        occurred_on: daysAgo(200),
        status: 'confirmed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await snapshot();
    const refused = await post(enterprise, `/api/platform-applications/${appId}/submit`);
    await expectRefused(refused, 403, 'platform/applicant_barred', before);
    await t.database.db.updateTable('integrity_record').set({ status: 'revoked' }).where('id', '=', ban.id).execute();
    const ok = await post(enterprise, `/api/platform-applications/${appId}/submit`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('submitted');
    expect((await lastAudit('platform.application_submit'))?.entity_id).toBe(String(appId));
  });

  it('records the review, holds 公示 for five working days, then 认定s under the document number', async () => {
    // 公示 cannot start while an application is unreviewed
    const other = (await get(planner, `/api/platform-applications?callId=${callId}`)).json();
    expect(other.map((a: { id: number }) => a.id)).toEqual([appId]); // drafts stay with the unit
    let before = await snapshot();
    await expectRefused(
      await post(planner, `/api/platform-calls/${callId}/publicity`, { from: daysAgo(14) }),
      409,
      'platform/call_state',
      before,
    );
    await expectRefused(
      await post(viewer, `/api/platform-applications/${appId}/review`, { score: 86, opinion: '同意', passed: true }),
      403,
      'auth/forbidden',
      before,
    );
    const reviewed = await post(planner, `/api/platform-applications/${appId}/review`, {
      score: 86.5,
      opinion: '研发条件完备，同意通过',
      passed: true,
    });
    expect(reviewed.json()).toMatchObject({ status: 'passed', reviewScore: 86.5 });
    // a 公示 that ends in the future blocks 认定
    const fresh = await post(planner, `/api/platform-calls/${callId}/publicity`, { from: today });
    expect(fresh.json().status).toBe('publicity');
    expect(fresh.json().publicityTo > today).toBe(true);
    before = await snapshot();
    await expectRefused(
      await post(planner, `/api/platform-calls/${callId}/recognise`, { docNo: '衡科发〔2026〕8号', on: today }),
      409,
      'platform/publicity_pending',
      before,
    );
    // the 公示 held from two weeks ago has ended
    await t.database.db
      .updateTable('platform_call')
      .set({ publicity_from: daysAgo(14), publicity_to: daysAgo(8) })
      .where('id', '=', callId)
      .execute();
    const cityBefore = (await actual('municipal_platform_count', '430400')) ?? 0;
    const engBefore = (await actual('city_eng_center_count', '430400')) ?? 0;
    const done = await post(planner, `/api/platform-calls/${callId}/recognise`, { docNo: '衡科发〔2026〕8号', on: today });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', docNo: '衡科发〔2026〕8号' });
    const app = (await get(enterprise, '/api/platform-applications')).json().find((a: { id: number }) => a.id === appId);
    expect(app.status).toBe('recognised');
    platformId = app.platformId;
    const p = (await get(enterprise, `/api/platforms/${platformId}`)).json();
    expect(p).toMatchObject({
      level: 'city',
      typeCode: 'eng_center',
      docNo: '衡科发〔2026〕8号',
      status: 'active',
      canReport: true,
      canManage: false,
    });
    expect(p.events.map((e: { kind: string }) => e.kind)).toEqual(['recognise']);
    // the counts moved live: the city, its district (石鼓区 430408) and the province
    expect(await actual('municipal_platform_count', '430400')).toBe(cityBefore + 1);
    expect(await actual('city_eng_center_count', '430400')).toBe(engBefore + 1);
    expect(await actual('municipal_platform_count', '430408')).toBeGreaterThanOrEqual(1);
    expect(await actual('platform_net_added_count', '430000')).toBeGreaterThanOrEqual(1);
    expect((await lastAudit('platform.call_recognise'))?.entity_id).toBe(String(callId));
    const stats = (await get(planner, `/api/platform-stats?year=${year}`)).json();
    expect(stats.cells).toContainEqual({ typeCode: 'eng_center', level: 'city', regionCode: '430408', count: expect.any(Number) });
  });

  it('lets only the platform own unit report its year; a submitted report is locked', async () => {
    const before = await snapshot();
    await expectRefused(await put(planner, `/api/platforms/${platformId}/reports/${year}`, { data: good }), 403, 'auth/forbidden', before);
    await expectRefused(
      await put(institute, `/api/platforms/${platformId}/reports/${year}`, { data: good }),
      403,
      'auth/out_of_scope',
      before,
    );
    await expectRefused(
      await put(enterprise, `/api/platforms/${platformId}/reports/${year}`, { data: { beds: 3 } }),
      400,
      'platform/field_unknown',
      before,
    );
    await expectRefused(
      await put(enterprise, `/api/platforms/${platformId}/reports/${year + 1}`, { data: good }),
      400,
      'platform/report_year',
      before,
    );
    const draft = await put(enterprise, `/api/platforms/${platformId}/reports/${year}`, { data: { rd_spend_wan: 100 } });
    expect(draft.json().reports[0]).toMatchObject({ year, status: 'draft' });
    const sent = await put(enterprise, `/api/platforms/${platformId}/reports/${year}`, {
      data: { rd_spend_wan: 600, rd_staff: 18, invention_patents: 9, transferred: 4 },
      submit: true,
    });
    expect(sent.json().reports[0]).toMatchObject({ status: 'submitted' });
    const b2 = await snapshot();
    await expectRefused(
      await put(enterprise, `/api/platforms/${platformId}/reports/${year}`, { data: good }),
      409,
      'platform/report_locked',
      b2,
    );
    expect((await lastAudit('platform.report_submit'))?.entity_id).toBe(`${platformId}:${year}`);
  });

  it('grades the year: 良好 or better for the reported centre, 不合格 for one that did not report', async () => {
    const res = await post(planner, '/api/platform-evaluations', { typeCode: 'eng_center', year, regionCode: '430400' });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().results.find((r: { platformId: number }) => r.platformId === platformId);
    // 35 + 20 + 25×0.9 + 20×0.8 = 93.5
    expect(mine).toMatchObject({ score: 93.5, grade: '优秀', reported: true, consequence: null });
    const confirmed = await post(planner, `/api/platform-evaluations/${res.json().id}/confirm`, { docNo: '衡科发〔2026〕30号', on: today });
    expect(confirmed.json().status).toBe('confirmed');
    const before = await snapshot();
    await expectRefused(
      await post(planner, '/api/platform-evaluations', { typeCode: 'eng_center', year, regionCode: '430400' }),
      409,
      'platform/evaluation_state',
      before,
    );
    expect((await get(planner, `/api/platforms/${platformId}`)).json().grades[0]).toMatchObject({ year, grade: '优秀' });
  });
});

describe('status history and 摘牌 after two 不合格 in a row', () => {
  it('upgrades, refuses a downgrade that raises, and delists a platform failing twice', async () => {
    const org = await t.database.db.selectFrom('organization').select('id').where('name', '=', '南华大学').executeTakeFirstOrThrow();
    const reg = await post(planner, '/api/platforms', {
      name: '衡阳市核技术应用院士专家工作站',
      typeCode: 'academician_station',
      level: 'city',
      orgId: org.id,
      docNo: '衡科发〔2022〕5号',
      approvedOn: `${year - 3}-05-01`,
      fields: { experts: 1, team_staff: 6 },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const id = reg.json().id;
    const before = await snapshot();
    await expectRefused(
      await post(planner, `/api/platforms/${id}/events`, { kind: 'downgrade', level: 'provincial', docNo: 'X〔2026〕1号', on: today }),
      400,
      'platform/level_invalid',
      before,
    );
    await expectRefused(
      await post(institute, `/api/platforms/${id}/events`, { kind: 'delist', docNo: 'X〔2026〕1号', on: today }),
      403,
      'auth/forbidden',
      before,
    );
    // two years without a report: 不合格 then 不合格 → 摘牌 on confirmation
    for (const y of [year - 2, year - 1]) {
      const run = (
        await post(planner, '/api/platform-evaluations', { typeCode: 'academician_station', year: y, regionCode: '430400' })
      ).json();
      const row = run.results.find((r: { platformId: number }) => r.platformId === id);
      expect(row).toMatchObject({ grade: '不合格', reported: false, consequence: y === year - 1 ? 'delist' : null });
      expect(
        (await post(planner, `/api/platform-evaluations/${run.id}/confirm`, { docNo: `衡科发〔${y}〕40号`, on: `${y + 1}-03-01` }))
          .statusCode,
      ).toBe(200);
    }
    const p = (await get(planner, `/api/platforms/${id}`)).json();
    expect(p.status).toBe('delisted');
    expect(p.events.map((e: { kind: string }) => e.kind)).toEqual(['recognise', 'delist']);
    expect((await get(null, '/api/public/platforms?q=核技术应用')).json().total).toBe(0);
    const b2 = await snapshot();
    await expectRefused(
      await post(planner, `/api/platforms/${id}/events`, { kind: 'upgrade', level: 'provincial', docNo: 'X〔2026〕2号', on: today }),
      409,
      'platform/delisted',
      b2,
    );
  });
});

describe('statistics', () => {
  it('reads the tally kept by every change, equal to the counts computed live from the history', async () => {
    for (const y of [year - 3, year - 1, year]) {
      const api = (await get(planner, `/api/platform-stats?year=${y}`)).json();
      const live = await countsByTypeLevelRegion(t.database.db, '430400', y);
      expect(api.cells).toEqual(live.cells);
      expect(api.net).toEqual(expect.arrayContaining(live.net));
      expect(live.net).toEqual(expect.arrayContaining(api.net));
    }
    // the delisted station left its level this year
    const now = (await get(planner, `/api/platform-stats?year=${year}`)).json();
    expect(now.net).toContainEqual({ typeCode: 'academician_station', level: 'city', added: 0, removed: 1 });
  });
});

describe('lists', () => {
  it('filters the registry, scopes it to the unit, exports .xlsx and publishes the operating ones', async () => {
    const all = (await get(planner, '/api/platforms?type=eng_center&level=city&status=active')).json();
    expect(all.items.every((p: { typeCode: string; level: string }) => p.typeCode === 'eng_center' && p.level === 'city')).toBe(true);
    expect(all.total).toBeGreaterThanOrEqual(1);
    const own = (await get(enterprise, '/api/platforms')).json();
    expect(own.items.every((p: { orgName: string }) => p.orgName === '衡阳衡山科学仪器有限公司')).toBe(true);
    expect((await get(institute, '/api/platforms')).json().items.some((p: { orgName: string }) => p.orgName !== '南华大学')).toBe(false);
    const file = await get(planner, '/api/platforms/export?type=eng_center');
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('创新平台');
    expect(sheet?.getRow(1).getCell(2).value).toBe('平台名称');
    expect(sheet?.getRow(2).getCell(3).value).toBe('工程技术研究中心');
    const pub = (await get(null, '/api/public/platforms?q=精密仪器')).json();
    expect(pub.items[0]).toMatchObject({ name: '衡阳市精密仪器工程技术研究中心', level: 'city', docNo: '衡科发〔2026〕8号' });
    expect(pub.items[0]).not.toHaveProperty('fields');
  });
});
